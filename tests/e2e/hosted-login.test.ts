/**
 * The emulator's managed login in Chromium on `npm run dev`'s server: an app client made with
 * CreateUserPoolClient (as the workshop's CLI step does) sends the browser to
 * `/emulator/oauth2/authorize`; the rider signs in on the managed login and lands on the app's
 * callback with a code and the state. A wrong password is shown at its field, in English and
 * Korean; axe finds nothing at 1280 and 360 px. Screenshots in test-results/.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot, watchedPage } from './browser.ts';
import { EmulatorClient, LOCAL_POOL, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { PATIENCE } from './journey.ts';
import { type SiteServer, startDevServer } from './site.ts';

let browser: Browser;
let dev: SiteServer;
let emulator: EmulatorClient;
let clientId: string;
let callback: string;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
  emulator = new EmulatorClient(`${dev.url}emulator/`);
  callback = new URL('hosted-callback.html', dev.url).href;
  const created = await emulator.call('CreateUserPoolClient', {
    UserPoolId: LOCAL_POOL.userPoolId,
    ClientName: 'HostedSignInTest',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    CallbackURLs: [callback],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    SupportedIdentityProviders: ['COGNITO'],
    AllowedOAuthFlowsUserPoolClient: true,
  });
  clientId = String((created.UserPoolClient as Record<string, unknown>).ClientId);
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close()]);
});

/** The authorize URL a site would open, in the given language. */
function authorizeUrl(lang?: string): string {
  const url = new URL('emulator/oauth2/authorize', dev.url);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid email',
    state: 'xyz-state',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    ...(lang === undefined ? {} : { lang }),
  }).toString();
  return url.href;
}

async function open(locale: string, viewport: { width: number; height: number }) {
  const watched = await watchedPage(browser, new URL(dev.url).origin, { locale, viewport });
  // The app's callback page is the site's to build: here it only has to be reached.
  await watched.page.route(`${callback}?*`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Callback</title>' }),
  );
  return watched;
}

describe.concurrent('the managed login', () => {
  it('signs a rider in and returns to the app’s callback with a code and the state', async () => {
    const email = newEmail('hosted');
    await emulator.confirmedUser(email);
    const watched = await open('en-US', { width: 1280, height: 800 });
    const { page } = watched;
    try {
      await page.goto(authorizeUrl(), PATIENCE);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor(PATIENCE);
      expect(new URL(page.url()).pathname).toBe('/emulator/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${callback}?`), PATIENCE);
      const back = new URL(page.url());
      expect(back.searchParams.get('state')).toBe('xyz-state');
      expect(back.searchParams.get('code')).toMatch(/^[\w-]+$/);
      expect(watched.problems).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  for (const [lang, locale, texts] of [
    [
      'en',
      'en-US',
      {
        title: 'Sign in',
        email: 'Email',
        password: 'Password',
        wrong: 'Incorrect email or password.',
      },
    ],
    [
      'ko',
      'ko-KR',
      {
        title: '로그인',
        email: '이메일',
        password: '비밀번호',
        wrong: '이메일 또는 비밀번호가 올바르지 않아요.',
      },
    ],
  ] as const) {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      it(`shows a wrong password at its field with nothing for axe to find (${lang}, ${viewport.width} px)`, async () => {
        const email = newEmail(`hosted-${lang}`);
        await emulator.confirmedUser(email);
        const watched = await open(locale, viewport);
        const { page } = watched;
        try {
          await page.goto(authorizeUrl(lang), PATIENCE);
          await page.getByRole('heading', { name: texts.title }).waitFor(PATIENCE);
          expect(await violations(page)).toEqual([]);
          await screenshot(page, `hosted-login-${lang}-${viewport.width}`);
          await page.getByLabel(texts.email).fill(email);
          await page.getByLabel(texts.password).fill('Not-The-Password-9');
          await page.getByRole('button', { name: texts.title }).click();
          const password = page.getByLabel(texts.password);
          await eventually(
            () => password.getAttribute('aria-invalid'),
            (invalid) => expect(invalid).toBe('true'),
          );
          expect(await page.locator('#signin-password-error').textContent()).toBe(texts.wrong);
          expect(await page.getByLabel(texts.email).inputValue()).toBe(email);
          expect(await password.inputValue()).toBe('');
          expect(await violations(page)).toEqual([]);
          await screenshot(page, `hosted-login-error-${lang}-${viewport.width}`);
          expect(watched.problems).toEqual([]);
        } finally {
          await watched.close();
        }
      });
    }
  }
});
