// @vitest-environment jsdom
/**
 * The session notices of the landing and sign-in pages, in their real markup: the offer to
 * continue to the ride for a visitor still signed in (read from what the real library stored),
 * and the confirmation after signing out.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupLandingPage } from '../../../src/pages/landing.ts';
import { setupSessionNotice } from '../../../src/pages/session-notice.ts';
import { setupSigninPage } from '../../../src/pages/signin.ts';
import { storedSession } from '../../../src/session.ts';
import { signedInRider, useEmulatedSite } from '../emulator.ts';
import { byId, loadPage, testAuth, testI18n } from '../helpers.ts';

const site = useEmulatedSite();

beforeEach(() => {
  document.documentElement.replaceChildren();
});

/** The session the real library left after signing `email` in, read as the pages read it. */
async function sessionOf(email: string) {
  const { storage } = await signedInRider(site, email);
  return storedSession({
    clientId: site.config.cognito.userPoolClientId,
    storage,
    now: () => site.clock,
  });
}

const notice = () => byId('sessionNotice', HTMLElement);

/** Every module `entry` loads, directly or through others: site files by path, packages by name. */
function importsOf(entry: string, seen = new Set<string>()): Set<string> {
  // Type-only imports are erased from the bundle.
  const source = readFileSync(entry, 'utf8').replace(/^import type [^;]*;/gm, '');
  for (const [, specifier = ''] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    const target = specifier.startsWith('.') ? resolve(dirname(entry), specifier) : specifier;
    if (seen.has(target)) continue;
    seen.add(target);
    if (specifier.startsWith('.') && target.endsWith('.ts')) importsOf(target, seen);
  }
  return seen;
}
const continueLink = () => notice().querySelector('a');

describe('the landing page', () => {
  it('reads the session without loading the Cognito library', () => {
    const imports = [...importsOf(resolve(import.meta.dirname, '../../../src/entries/index.ts'))];
    expect(imports.some((module) => module.endsWith('/src/session.ts'))).toBe(true);
    expect(imports.filter((module) => /cognito-auth|amazon-cognito/.test(module))).toEqual([]);
  });

  it('offers a signed-in visitor to continue to the ride', async () => {
    loadPage('index.html');
    const i18n = testI18n();
    setupLandingPage(document, { i18n, session: await sessionOf('rider@example.com'), search: '' });
    expect(notice().hidden).toBe(false);
    expect(notice().textContent).toBe(
      'You’re signed in as rider@example.com.Continue to your ride',
    );
    expect(continueLink()?.getAttribute('href')).toBe('ride.html');

    await i18n.setLanguage('ko');
    expect(notice().textContent).toBe(
      'rider@example.com 계정으로 로그인되어 있어요.라이드 계속하기',
    );
  });

  it('shows nothing of the kind to a visitor who is not signed in', () => {
    loadPage('index.html');
    setupLandingPage(document, { i18n: testI18n(), session: null, search: '' });
    expect(notice().hidden).toBe(true);
    expect(notice().textContent).toBe('');
  });
});

describe('the sign-in page', () => {
  it('confirms the sign-out, with the address filled in and the cursor on the password', () => {
    loadPage('signin.html');
    const i18n = testI18n();
    const search = '?email=rider%40example.com&signedOut=1';
    setupSigninPage(document, { auth: testAuth(), i18n, search });
    setupSessionNotice(document, { i18n, session: null, search });
    expect(notice().hidden).toBe(false);
    expect(notice().getAttribute('role')).toBe('status');
    expect(notice().textContent).toBe('You’re signed out.');
    expect(continueLink()).toBeNull();
    expect(byId('emailInputSignin', HTMLInputElement).value).toBe('rider@example.com');
    expect(document.activeElement).toBe(byId('passwordInputSignin', HTMLInputElement));
  });

  it('offers a signed-in visitor the ride beside the form, with no token in the page', async () => {
    loadPage('signin.html');
    const i18n = testI18n();
    const { storage, idToken } = await signedInRider(site, 'rider@example.com');
    const session = storedSession({
      clientId: site.config.cognito.userPoolClientId,
      storage,
      now: () => site.clock,
    });
    setupSigninPage(document, { auth: testAuth(), i18n, search: '' });
    setupSessionNotice(document, { i18n, session, search: '' });
    expect(continueLink()?.textContent).toBe('Continue to your ride');
    expect(byId('signinForm', HTMLFormElement).hidden).toBe(false);
    expect(document.documentElement.innerHTML).not.toContain(idToken);
    expect(document.documentElement.innerHTML).not.toContain(idToken.split('.')[1]);
  });

  it('says nothing when the page was not reached by signing out', () => {
    loadPage('signin.html');
    setupSessionNotice(document, { i18n: testI18n(), session: null, search: '?email=a%40b.co' });
    expect(notice().hidden).toBe(true);
  });
});
