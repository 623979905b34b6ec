// @vitest-environment jsdom
/**
 * Hosted sign-in on the site's pages: the sign-in and register pages' buttons (shown only with a
 * user pool domain, the flow loaded on click), and sign-out ending the domain's session too.
 */
import { describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.ts';
import type { HostedStart } from '../../src/hosted/flow.ts';
import { hostedLogoutUrl, markHostedSession } from '../../src/hosted/logout.ts';
import { hostedStarter } from '../../src/hosted/start.ts';
import { setupHostedButtons } from '../../src/pages/hosted-buttons.ts';
import { memoryStorage } from '../support/storage.ts';
import { byId, eventually, loadPage, testI18n } from './helpers.ts';
import { DEV_ORIGIN } from './hosted.ts';

function buttons(
  page: string,
  start: ((s: HostedStart) => Promise<string>) | null,
  languages = ['en-US'],
) {
  loadPage(page);
  const navigate = vi.fn<(url: string) => void>();
  setupHostedButtons(document, { i18n: testI18n(languages), start, navigate });
  const section = byId('hostedSignIn', HTMLElement);
  const named = (name: string) =>
    [...section.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  return { section, navigate, named };
}

describe('the hosted sign-in buttons', () => {
  it.each(['signin.html', 'register.html'])(
    'stay hidden on %s without a user pool domain',
    (page) => {
      expect(buttons(page, null).section.hidden).toBe(true);
    },
  );

  it('go to the managed login, in the language of the page, when the domain is configured', async () => {
    const start = vi.fn(
      async (s: HostedStart) => `https://auth.example.com/oauth2/authorize?lang=${s.language}`,
    );
    const { section, navigate, named } = buttons('signin.html', start, ['ko-KR']);
    expect(section.hidden).toBe(false);
    named('Use hosted sign-in')?.click();
    await eventually(() => expect(navigate).toHaveBeenCalled());
    expect(start).toHaveBeenCalledWith({ language: 'ko' });
    expect(navigate).toHaveBeenCalledWith('https://auth.example.com/oauth2/authorize?lang=ko');
  });

  it('go straight to Google from the register page', async () => {
    const start = vi.fn(async () => 'https://auth.example.com/oauth2/authorize');
    const { named, navigate } = buttons('register.html', start);
    named('Continue with Google')?.click();
    await eventually(() => expect(navigate).toHaveBeenCalled());
    expect(start).toHaveBeenCalledWith({ language: 'en', provider: 'Google' });
  });

  it('say so when the sign-in cannot start', async () => {
    const { named, navigate } = buttons('signin.html', () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    named('Use hosted sign-in')?.click();
    await eventually(() =>
      expect(byId('hostedMessage', HTMLElement).textContent).toBe(
        'Hosted sign-in could not start. Check your connection and try again.',
      ),
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  it('have a starter only when the build has a user pool domain', () => {
    expect(hostedStarter(readConfig({ DEV: true }, DEV_ORIGIN))).toBeTypeOf('function');
    expect(
      hostedStarter(
        readConfig({
          VITE_COGNITO_USER_POOL_ID: 'us-east-1_Abc',
          VITE_COGNITO_USER_POOL_CLIENT_ID: 'c',
        }),
      ),
    ).toBeNull();
  });
});

describe('signing out of a hosted session', () => {
  const config = readConfig({ DEV: true }, DEV_ORIGIN);

  it("ends the domain's session at /logout with the client id and the sign-out URL, once", () => {
    const storage = memoryStorage();
    markHostedSession('wildrydeslocalclient', storage);
    expect(hostedLogoutUrl(config, storage)).toBe(
      `${DEV_ORIGIN}/emulator/logout?client_id=wildrydeslocalclient&logout_uri=${encodeURIComponent(`${DEV_ORIGIN}/`)}`,
    );
    expect(hostedLogoutUrl(config, storage)).toBeNull();
  });

  it('leaves a password sign-in to the sign-in page', () => {
    expect(hostedLogoutUrl(config, memoryStorage())).toBeNull();
  });
});
