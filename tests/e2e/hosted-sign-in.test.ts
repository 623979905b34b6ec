/**
 * Hosted sign-in in Chromium, as a rider meets it (issue 14, SPEC §7): the sign-in page's "Use
 * hosted sign-in" → the emulator's managed login → the site's callback page → the ride page →
 * sign out, which ends the managed login's own session too. On `npm run dev`'s server (the pool
 * domain under /emulator/) and on a production build whose VITE_COGNITO_DOMAIN is the standalone
 * emulator. Then the callback page's failures, in words and with the way back to sign in: the
 * domain's `error=access_denied` and a stale `state`, in English and Korean at 1280 and 360 px,
 * with nothing for axe to find. Screenshots in test-results/screenshots/hosted-*.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, LOCAL_POOL, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually, within } from './eventually.ts';
import { holdRequests } from './hold.ts';
import {
  arriveAt,
  ENGLISH,
  expectMessage,
  KOREAN,
  openPage,
  PATIENCE,
  type Site,
  settle,
  storedTokens,
  type Texts,
} from './journey.ts';
import { expectNothingWrong, openRider, type Rider } from './rider.ts';
import { buildSite, previewSite, type SiteServer, startDevServer } from './site.ts';

/** The scopes the site asks for (src/hosted/flow.ts), which the app client must allow. */
const SITE_SCOPES = ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'];

/** A site with hosted sign-in: its pages, its emulator, and the user pool domain's base URL. */
interface HostedSite extends Site {
  /** The pool domain's base, without a trailing slash: `…/emulator` or the standalone origin. */
  readonly domain: string;
  readonly name: string;
}

/** What a person reads on the way, per language (copied from the pages, not from the tables). */
interface HostedTexts extends Texts {
  readonly locale: string;
  readonly useHosted: string;
  readonly opening: string;
  readonly managedTitle: string;
  readonly email: string;
  readonly password: string;
  readonly callbackHeading: string;
  readonly finishing: string;
  readonly failedHeading: string;
  readonly cancelled: string;
  readonly stale: string;
  readonly back: string;
}

const HOSTED_ENGLISH: HostedTexts = {
  ...ENGLISH,
  locale: 'en-US',
  useHosted: 'Use hosted sign-in',
  opening: 'Opening sign-in…',
  managedTitle: 'Sign in',
  email: 'Email',
  password: 'Password',
  callbackHeading: 'Signing you in',
  finishing: 'Finishing sign-in…',
  failedHeading: 'Sign-in did not finish',
  cancelled: 'Sign-in was cancelled, or this account may not sign in here. You can try again.',
  stale:
    'This answer does not belong to a sign-in started in this tab: it is old, or was opened in another tab. Start signing in again.',
  back: 'Back to sign in',
};

const HOSTED_KOREAN: HostedTexts = {
  ...KOREAN,
  locale: 'ko-KR',
  useHosted: '호스팅 로그인 페이지 사용하기',
  opening: '로그인 페이지를 여는 중…',
  managedTitle: '로그인',
  email: '이메일',
  password: '비밀번호',
  callbackHeading: '로그인하는 중이에요',
  finishing: '로그인을 마무리하는 중…',
  failedHeading: '로그인을 마치지 못했어요',
  cancelled: '로그인이 취소됐거나, 이 계정으로는 여기에 로그인할 수 없어요. 다시 시도해 보세요.',
  stale:
    '이 응답은 이 탭에서 시작한 로그인의 것이 아니에요. 오래됐거나 다른 탭에서 열렸어요. 처음부터 다시 로그인하세요.',
  back: '로그인으로 돌아가기',
};

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

let browser: Browser;
let dev: SiteServer;
let built: SiteServer;
let buildDir: string;
let devSite: HostedSite;
let builtSite: HostedSite;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Adds the site's own callback page and root to the app client's callback and sign-out URLs, as
 * the workshop's CLI step does: DescribeUserPoolClient, then UpdateUserPoolClient with every
 * setting again (an update resets whatever it leaves out), now with the code grant and the
 * site's scopes.
 */
async function allowHostedSignIn(
  emulator: EmulatorClient,
  clientId: string,
  siteUrl: string,
): Promise<void> {
  const described = await emulator.call('DescribeUserPoolClient', {
    UserPoolId: LOCAL_POOL.userPoolId,
    ClientId: clientId,
  });
  const client = described.UserPoolClient;
  if (!isRecord(client)) throw new Error('DescribeUserPoolClient answered without a client');
  // The dates are the service's; an update request has no such members.
  const { CreationDate: _created, LastModifiedDate: _modified, ...settings } = client;
  const listed = (name: string): unknown[] => {
    const value = client[name];
    return Array.isArray(value) ? value : [];
  };
  await emulator.call('UpdateUserPoolClient', {
    ...settings,
    CallbackURLs: [...listed('CallbackURLs'), new URL('callback.html', siteUrl).href],
    LogoutURLs: [...listed('LogoutURLs'), siteUrl],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: SITE_SCOPES,
    SupportedIdentityProviders: ['COGNITO'],
    AllowedOAuthFlowsUserPoolClient: true,
  });
}

/**
 * A production build of its own app client on the standalone emulator, with VITE_COGNITO_DOMAIN
 * set to the emulator (which serves the pool domain at its root) and the callback and sign-out
 * URLs left to their defaults: the site's own callback.html and root.
 */
async function buildAgainstStandalone(): Promise<HostedSite> {
  const emulatorUrl = inject('emulatorUrl');
  const emulator = new EmulatorClient(emulatorUrl);
  // An app client of this file's own: the shared standalone emulator's local client stays as
  // the other files expect it.
  const created = await emulator.call('CreateUserPoolClient', {
    UserPoolId: LOCAL_POOL.userPoolId,
    ClientName: 'HostedSignInBuild',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  const client = created.UserPoolClient;
  const clientId = isRecord(client) ? client.ClientId : undefined;
  if (typeof clientId !== 'string') throw new Error('CreateUserPoolClient gave no ClientId');
  const domain = emulatorUrl.replace(/\/$/, '');
  buildDir = mkdtempSync(join(tmpdir(), 'wild-rydes-dist-'));
  await buildSite(buildDir, {
    VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
    VITE_COGNITO_USER_POOL_CLIENT_ID: clientId,
    VITE_COGNITO_ENDPOINT: emulatorUrl,
    VITE_API_INVOKE_URL: domain,
    VITE_COGNITO_DOMAIN: domain,
  });
  built = await previewSite(buildDir);
  // The callback URL names the preview's port, known only now that it serves.
  await allowHostedSignIn(emulator, clientId, built.url);
  return { url: built.url, emulator, domain, name: 'build' };
}

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
  const devEmulator = new EmulatorClient(`${dev.url}emulator/`);
  // The local client lists the dev server's usual port 5173; this one is random.
  await allowHostedSignIn(devEmulator, LOCAL_POOL.clientId, dev.url);
  devSite = {
    url: dev.url,
    emulator: devEmulator,
    domain: `${dev.url}emulator`,
    name: 'dev',
  };
  builtSite = await buildAgainstStandalone();
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close(), built?.close()]);
  if (buildDir !== undefined) rmSync(buildDir, { recursive: true, force: true });
});

/** A fresh browser on `site` in the texts' language. */
function openOn(
  site: HostedSite,
  texts: HostedTexts,
  viewport: { width: number; height: number } = VIEWPORTS[0],
): Promise<Rider> {
  return openRider(browser, [site.url, site.domain], { locale: texts.locale, viewport });
}

/**
 * On the sign-in page, presses "Use hosted sign-in" and arrives at the managed login. The hosted
 * flow's module is loaded by this click: held until the button has been seen busy.
 */
async function startHostedSignIn(page: Page, site: HostedSite, texts: HostedTexts): Promise<URL> {
  await openPage(page, new URL('signin.html', site.url).href);
  const flowModule = await holdRequests(page, (request) =>
    /\/flow(?:\.ts|-[\w-]+\.js)$/.test(new URL(request.url()).pathname),
  );
  await page.getByRole('button', { name: texts.useHosted }).click();
  await within(flowModule.sent, 'the hosted flow’s module to be asked for');
  const button = page.locator('#hostedSignIn button[data-hosted-provider=""]');
  expect(await button.getAttribute('aria-busy')).toBe('true');
  expect((await button.textContent())?.trim()).toBe(texts.opening);
  flowModule.release();
  await page.waitForURL((url) => url.href.startsWith(`${site.domain}/login?`), PATIENCE);
  await page.getByRole('heading', { name: texts.managedTitle }).waitFor(PATIENCE);
  return new URL(page.url());
}

/** The callback page's failure as a person sees it: heading, words, and the way back. */
async function expectFailureShown(page: Page, texts: HostedTexts, words: string): Promise<void> {
  await eventually(
    () => page.locator('#callbackHeading').textContent(),
    (heading) => expect(heading).toBe(texts.failedHeading),
  );
  await expectMessage(page, '#callbackMessage', words);
  expect(await page.locator('#callbackStatus').isHidden()).toBe(true);
  expect(await page.getByRole('link', { name: texts.back }).isVisible()).toBe(true);
  // The answer's code and state are spent: gone from the address bar and the history.
  expect(new URL(page.url()).search).toBe('');
}

describe.concurrent('hosted sign-in', () => {
  for (const [siteName, texts, viewport] of [
    ['dev', HOSTED_ENGLISH, VIEWPORTS[0]],
    ['build', HOSTED_KOREAN, VIEWPORTS[1]],
  ] as const) {
    const where = siteName === 'dev' ? 'on the dev server' : 'on the production build';
    it(`signs a rider in through the managed login to the ride page, and signing out ends the managed login’s session too (${where}, ${texts.locale}, ${viewport.width} px)`, async () => {
      const site = siteName === 'dev' ? devSite : builtSite;
      const email = newEmail(`hosted-${siteName}`);
      await site.emulator.confirmedUser(email);
      const rider = await openOn(site, texts, viewport);
      const { page } = rider;
      const shot = (step: string) =>
        screenshot(page, `hosted-${siteName}-${step}-${texts.locale}-${viewport.width}`);
      try {
        const login = await startHostedSignIn(page, site, texts);
        expect(login.searchParams.get('lang')).toBe(texts.locale.slice(0, 2));
        expect(login.searchParams.get('redirect_uri')).toBe(
          new URL('callback.html', site.url).href,
        );
        await shot('1-managed-login');
        await page.getByLabel(texts.email).fill(email);
        await page.getByLabel(texts.password).fill(PASSWORD);

        // The code exchange is held: the callback page stays at "Finishing sign-in…".
        const exchange = await holdRequests(
          page,
          (request) => request.url() === `${site.domain}/oauth2/token`,
        );
        await page.getByRole('button', { name: texts.managedTitle }).click();
        await within(exchange.sent, 'the callback page’s code exchange');
        await page.waitForURL((url) => url.href.startsWith(site.url), PATIENCE);
        expect(new URL(page.url()).pathname).toBe('/callback.html');
        await eventually(
          () => page.locator('#callbackStatus').textContent(),
          (status) => expect(status).toBe(texts.finishing),
        );
        expect(await page.locator('#callbackHeading').textContent()).toBe(texts.callbackHeading);
        expect(await storedTokens(page)).toEqual([]);
        await shot('2-callback-working');
        exchange.release();

        await arriveAt(page, 'ride');
        await expectMessage(page, '#greeting', texts.greeting(email));
        expect((await storedTokens(page)).length).toBe(3);
        await shot('3-ride');

        await page.getByRole('button', { name: texts.account }).click();
        await page.getByRole('button', { name: texts.signOut, exact: true }).click();
        // Through the domain's /logout, back to the site's root (its sign-out URL).
        await page.waitForURL(site.url, PATIENCE);
        await settle(page);
        expect(await storedTokens(page)).toEqual([]);

        // The managed login shows its form again rather than answering at once with a code:
        // its session ended with the site's.
        const again = await startHostedSignIn(page, site, texts);
        expect(again.pathname).toMatch(/\/login$/);
        expect(await page.getByLabel(texts.email).inputValue()).toBe('');
        expect(await storedTokens(page)).toEqual([]);
        expectNothingWrong(rider.seen);
      } finally {
        await rider.close();
      }
    });
  }

  for (const texts of [HOSTED_ENGLISH, HOSTED_KOREAN]) {
    for (const viewport of VIEWPORTS) {
      it(`says in words that sign-in was cancelled (error=access_denied), with the way back to sign in and nothing for axe to find (${texts.locale}, ${viewport.width} px)`, async () => {
        const rider = await openOn(builtSite, texts, viewport);
        const { page } = rider;
        try {
          const login = await startHostedSignIn(page, builtSite, texts);
          // The answer of a person who refused or cancelled, with this sign-in's own state
          // (RFC 6749 §4.1.2.1): https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
          const answer = new URL('callback.html', builtSite.url);
          answer.search = new URLSearchParams({
            error: 'access_denied',
            state: login.searchParams.get('state') ?? '',
          }).toString();
          await openPage(page, answer.href);
          await expectFailureShown(page, texts, texts.cancelled);
          expect(await violations(page)).toEqual([]);
          await screenshot(page, `hosted-callback-cancelled-${texts.locale}-${viewport.width}`);

          await page.getByRole('link', { name: texts.back }).click();
          await arriveAt(page, 'signin');
          expect(await page.getByRole('button', { name: texts.useHosted }).isVisible()).toBe(true);
          expectNothingWrong(rider.seen);
        } finally {
          await rider.close();
        }
      });
    }
  }

  for (const texts of [HOSTED_ENGLISH, HOSTED_KOREAN]) {
    it(`says in words that an answer with a stale state belongs to no sign-in of this tab, and exchanges no code (${texts.locale})`, async () => {
      const rider = await openOn(builtSite, texts);
      const { page } = rider;
      try {
        await startHostedSignIn(page, builtSite, texts);
        // An answer meant for another sign-in (an old link, another tab): the state differs.
        const tokenCalls: string[] = [];
        page.on('request', (request) => {
          if (request.url().includes('/oauth2/token')) tokenCalls.push(request.url());
        });
        const foreign = new URL('callback.html', builtSite.url);
        foreign.search = new URLSearchParams({
          code: 'some-code',
          state: 'another-state',
        }).toString();
        await openPage(page, foreign.href);
        await expectFailureShown(page, texts, texts.stale);
        await screenshot(page, `hosted-callback-stale-${texts.locale}-1280`);

        // The same answer again, now that this tab's pending sign-in is forgotten.
        await openPage(page, foreign.href);
        await expectFailureShown(page, texts, texts.stale);
        expect(tokenCalls).toEqual([]);
        expect(await storedTokens(page)).toEqual([]);
        expect(await violations(page)).toEqual([]);
        expectNothingWrong(rider.seen);
      } finally {
        await rider.close();
      }
    });
  }
});
