/**
 * "Continue with Google" in Chromium, as a rider meets it (issue 14): the sign-in page's button →
 * the emulator's Google stand-in (clearly labelled as not Google) → the pool domain's
 * `/oauth2/idpresponse` → the site's callback page → the ride page, signed in as the federated
 * user `Google_<sub>` of the group `<pool>_Google` → sign out. On `npm run dev`'s server with a
 * test account, and on a production build against the standalone emulator with a typed account,
 * where the stand-in's form goes on to a callback on another origin. Then "Cancel and go back",
 * which the callback page says in words. Screenshots in test-results/screenshots/google-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, LOCAL_POOL, newEmail } from './emulator-client.ts';
import {
  allowHostedSignIn,
  type BuiltSite,
  buildAgainstStandalone,
  expectFailureShown,
  HOSTED_ENGLISH,
  HOSTED_KOREAN,
  type HostedSite,
  type HostedTexts,
  isRecord,
  VIEWPORTS,
} from './hosted.ts';
import { arriveAt, expectMessage, openPage, PATIENCE, settle, storedTokens } from './journey.ts';
import { expectNothingWrong, openRider, type Rider } from './rider.ts';
import { type SiteServer, startDevServer } from './site.ts';

/** What the stand-in's page says, per language (copied from the page, not from its table). */
interface StandInTexts {
  readonly badge: string;
  readonly title: string;
  readonly other: string;
  readonly name: string;
  readonly continue: string;
  readonly cancel: string;
}

const STAND_IN: Readonly<Record<'en' | 'ko', StandInTexts>> = {
  en: {
    badge: 'Local Google stand-in — not Google',
    title: 'Choose an account',
    other: 'Use another account',
    name: 'Name',
    continue: 'Continue',
    cancel: 'Cancel and go back',
  },
  ko: {
    badge: '로컬 Google 대역 — 진짜 Google이 아니에요',
    title: '계정 선택',
    other: '다른 계정 사용',
    name: '이름',
    continue: '계속',
    cancel: '취소하고 돌아가기',
  },
};

/**
 * The group Cognito makes for each identity provider and puts its users in, `<pool id>_Google`:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
 */
const GOOGLE_GROUP = `${LOCAL_POOL.userPoolId}_Google`;

let browser: Browser;
let dev: SiteServer;
let devSite: HostedSite;
let builtSite: BuiltSite;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
  const devEmulator = new EmulatorClient(`${dev.url}emulator/`);
  // The local client lists the dev server's usual port 5173; this one is random.
  await allowHostedSignIn(devEmulator, LOCAL_POOL.clientId, dev.url, ['COGNITO', 'Google']);
  devSite = { url: dev.url, emulator: devEmulator, domain: `${dev.url}emulator`, name: 'dev' };
  builtSite = await buildAgainstStandalone('GoogleSignInBuild', ['COGNITO', 'Google']);
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close(), builtSite?.close()]);
});

function standInTexts(texts: HostedTexts): StandInTexts {
  return texts.locale.startsWith('ko') ? STAND_IN.ko : STAND_IN.en;
}

/**
 * On the sign-in page, presses "Continue with Google" and arrives at the stand-in's page, which
 * says it is not Google; answers its address.
 */
async function continueWithGoogle(page: Page, site: HostedSite, texts: HostedTexts): Promise<URL> {
  await openPage(page, new URL('signin.html', site.url).href);
  await page.getByRole('button', { name: texts.continueWithGoogle }).click();
  await page.waitForURL((url) => url.href.startsWith(`${site.domain}/google/authorize?`), PATIENCE);
  const words = standInTexts(texts);
  await page.getByRole('heading', { name: words.title, level: 1 }).waitFor(PATIENCE);
  expect((await page.locator('.badge').textContent())?.trim()).toBe(words.badge);
  return new URL(page.url());
}

/** The claims of the ID token the site keeps where amazon-cognito-identity-js reads it. */
async function storedIdTokenClaims(page: Page): Promise<Record<string, unknown>> {
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.endsWith('.idToken'));
    return key === undefined ? null : localStorage.getItem(key);
  });
  if (token === null) throw new Error('the browser holds no ID token');
  const payload = token.split('.')[1] ?? '';
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!isRecord(claims)) throw new Error('the ID token’s payload is not an object');
  return claims;
}

/** The ID token of a federated Google user: its username, identities and group. */
function expectGoogleUser(claims: Record<string, unknown>, email: string): void {
  expect(claims['cognito:username']).toMatch(/^Google_\d+$/);
  expect(claims.email).toBe(email);
  expect(claims['cognito:groups']).toContain(GOOGLE_GROUP);
  expect(claims.identities).toEqual([
    expect.objectContaining({
      providerName: 'Google',
      providerType: 'Google',
      userId: String(claims['cognito:username']).slice('Google_'.length),
    }),
  ]);
}

/** Signs out from the ride page, back to the site's root with no tokens left. */
async function signOutOf(page: Page, site: HostedSite, texts: HostedTexts): Promise<void> {
  await page.getByRole('button', { name: texts.account }).click();
  await page.getByRole('button', { name: texts.signOut, exact: true }).click();
  // Through the domain's /logout, back to the site's root (its sign-out URL).
  await page.waitForURL(site.url, PATIENCE);
  await settle(page);
  expect(await storedTokens(page)).toEqual([]);
}

/** A fresh browser on `site` in the texts' language. */
function openOn(
  site: HostedSite,
  texts: HostedTexts,
  viewport: { width: number; height: number },
): Promise<Rider> {
  return openRider(browser, [site.url, site.domain], { locale: texts.locale, viewport });
}

describe.concurrent('Continue with Google', () => {
  it(`signs a rider in with a test Google account to the ride page, as the federated user Google_<sub> of the ${GOOGLE_GROUP} group, and signs out (on the dev server, en-US, 1280 px)`, async () => {
    const texts = HOSTED_ENGLISH;
    const viewport = VIEWPORTS[0];
    const rider = await openOn(devSite, texts, viewport);
    const { page } = rider;
    try {
      const standIn = await continueWithGoogle(page, devSite, texts);
      expect(standIn.searchParams.get('redirect_uri')).toBe(`${devSite.domain}/oauth2/idpresponse`);
      await screenshot(page, `google-stand-in-${texts.locale}-${viewport.width}`);

      await page.getByRole('button', { name: /Alex Rider\s*alex\.rider@example\.com/ }).click();
      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', texts.greeting('alex.rider@example.com'));
      expect((await storedTokens(page)).length).toBe(3);
      expectGoogleUser(await storedIdTokenClaims(page), 'alex.rider@example.com');
      await screenshot(page, `google-ride-${texts.locale}-${viewport.width}`);

      await signOutOf(page, devSite, texts);
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  it('signs a rider in with a typed Google account, through the stand-in’s form to a callback on another origin, and signs out (on the production build, ko-KR, 360 px)', async () => {
    const texts = HOSTED_KOREAN;
    const viewport = VIEWPORTS[1];
    const words = STAND_IN.ko;
    const email = newEmail('google-build');
    const rider = await openOn(builtSite, texts, viewport);
    const { page } = rider;
    try {
      await continueWithGoogle(page, builtSite, texts);
      await screenshot(page, `google-stand-in-${texts.locale}-${viewport.width}`);

      const other = page.getByRole('form', { name: words.other });
      await other.getByLabel(texts.email).fill(email);
      await other.getByLabel(words.name).fill('홍길동');
      await other.getByRole('button', { name: words.continue, exact: true }).click();
      await arriveAt(page, 'ride');
      expect(new URL(page.url()).origin).toBe(new URL(builtSite.url).origin);
      await expectMessage(page, '#greeting', texts.greeting(email));
      expectGoogleUser(await storedIdTokenClaims(page), email);
      await screenshot(page, `google-ride-${texts.locale}-${viewport.width}`);

      await signOutOf(page, builtSite, texts);
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  for (const [texts, viewport] of [
    [HOSTED_ENGLISH, VIEWPORTS[1]],
    [HOSTED_KOREAN, VIEWPORTS[0]],
  ] as const) {
    it(`says in words that sign-in was cancelled when the rider cancels at the stand-in, and signs nobody in (on the production build, ${texts.locale}, ${viewport.width} px)`, async () => {
      const rider = await openOn(builtSite, texts, viewport);
      const { page } = rider;
      try {
        await continueWithGoogle(page, builtSite, texts);
        await screenshot(page, `google-stand-in-${texts.locale}-${viewport.width}`);

        await page.getByRole('button', { name: standInTexts(texts).cancel }).click();
        await arriveAt(page, 'callback');
        await expectFailureShown(page, texts, texts.cancelled);
        expect(await storedTokens(page)).toEqual([]);
        await screenshot(page, `google-cancelled-${texts.locale}-${viewport.width}`);
        expectNothingWrong(rider.seen);
      } finally {
        await rider.close();
      }
    });
  }
});
