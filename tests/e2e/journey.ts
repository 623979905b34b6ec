/**
 * The rider's journey, step by step, as a person does it with a mouse: register → the code from
 * the mailbox → verify → sign in → ride → pick a point → Request Unicorn → arrival → sign out →
 * the ride page refuses. Each step asserts what the person sees, in English or Korean.
 */
import type { Page, Request, Response } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';
import type { EmulatorClient } from './emulator-client.ts';
import { eventually, PATIENCE_MS } from './eventually.ts';

/** A site under test: where its pages are, and the emulator behind it. */
export interface Site {
  /** The site's root URL, ending in `/`. */
  readonly url: string;
  readonly emulator: EmulatorClient;
}

/** What a person reads on the way, per language (copied from the pages, not from the table). */
export interface Texts {
  readonly landingHeading: string;
  readonly giddyUp: string;
  readonly registerHeading: string;
  readonly registerSubmit: string;
  readonly mismatch: string;
  readonly codeSent: RegExp;
  readonly verifySubmit: string;
  readonly verified: string;
  readonly signIn: string;
  readonly wrongPassword: string;
  readonly greeting: (email: string) => string;
  readonly pickup: RegExp;
  readonly requestUnicorn: string;
  readonly onTheWay: RegExp;
  readonly arrived: RegExp;
  readonly account: string;
  readonly signOut: string;
}

export const ENGLISH: Texts = {
  landingHeading: 'Daily unicorn transport',
  giddyUp: 'Giddy Up!',
  registerHeading: 'Register',
  registerSubmit: 'Let’s Ryde',
  mismatch: 'The passwords do not match.',
  codeSent: /^We sent a code to \S+\.$/,
  verifySubmit: 'Verify',
  verified: 'Your email is confirmed. Sign in to ryde.',
  signIn: 'Sign in',
  wrongPassword: 'Incorrect email or password.',
  greeting: (email) => `Hello, ${email}!`,
  pickup: /^Pickup point: (-?\d+\.\d{5}), (-?\d+\.\d{5})$/,
  requestUnicorn: 'Request Unicorn',
  onTheWay:
    /^(Bucephalus, your Golden unicorn, is on his way|Shadowfax, your White unicorn, is on his way|Rocinante, your Yellow unicorn, is on her way)\.$/,
  arrived: /^(Bucephalus|Shadowfax|Rocinante) has arrived\. Giddy up!$/,
  account: 'Account',
  signOut: 'Sign out',
};

export const KOREAN: Texts = {
  landingHeading: '매일 타는 유니콘',
  giddyUp: '이랴!',
  registerHeading: '회원 가입',
  registerSubmit: '가입하기',
  mismatch: '두 비밀번호가 일치하지 않습니다.',
  codeSent: /^\S+\(으\)로 코드를 보냈습니다\.$/,
  verifySubmit: '인증하기',
  verified: '이메일이 인증되었습니다. 로그인하세요.',
  signIn: '로그인',
  wrongPassword: '이메일 또는 비밀번호가 올바르지 않습니다.',
  greeting: (email) => `${email}님, 안녕하세요!`,
  pickup: /^탑승 위치: (-?\d+\.\d{5}), (-?\d+\.\d{5})$/,
  requestUnicorn: '유니콘 부르기',
  onTheWay:
    /^(황금빛 유니콘 Bucephalus|하얀 유니콘 Shadowfax|노란 유니콘 Rocinante)이\(가\) 데리러 가고 있습니다\.$/,
  arrived: /^(Bucephalus|Shadowfax|Rocinante)이\(가\) 도착했습니다\. 이랴!$/,
  account: '계정',
  signOut: '로그아웃',
};

/** Playwright's waits get the same patience as `eventually`. */
export const PATIENCE = { timeout: PATIENCE_MS };

/** The page's path, without the host: `/signin.html`. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * Waits until the page has loaded what it asked for. A page wires its form only once its part of
 * the message table has arrived, which can be after `load`; a person is never that quick.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', PATIENCE);
}

/** Opens `url` and waits until the page is ready for a person. */
export async function openPage(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url, PATIENCE);
  await settle(page);
  return response;
}

/** Waits for the page to be `name`.html (any query) and ready, under whatever root the site has. */
export async function arriveAt(page: Page, name: string): Promise<URLSearchParams> {
  await page.waitForURL((url) => url.pathname.endsWith(`/${name}.html`), PATIENCE);
  await settle(page);
  return new URL(page.url()).searchParams;
}

/** The text of a live region once it is not empty. */
export async function messageOf(page: Page, selector: string): Promise<string> {
  const region = page.locator(selector);
  await eventually(
    async () => (await region.textContent())?.trim() ?? '',
    (value) => expect(value).not.toBe(''),
  );
  return (await region.textContent())?.trim() ?? '';
}

/** The text of a live region once it matches `expected`. */
export async function expectMessage(
  page: Page,
  selector: string,
  expected: string | RegExp,
): Promise<void> {
  const region = page.locator(selector);
  const read = async (): Promise<string> => (await region.textContent())?.trim() ?? '';
  if (typeof expected === 'string') await eventually(read, (value) => expect(value).toBe(expected));
  else await eventually(read, (value) => expect(value).toMatch(expected));
}

/** Whether the browser still holds a Cognito session (the library's tokens in localStorage). */
export async function storedTokens(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) =>
      /^CognitoIdentityServiceProvider\..*Token$/.test(key),
    ),
  );
}

/** The access token the library keeps for the signed-in user (as another device might hold). */
export async function storedAccessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.endsWith('.accessToken'));
    return key === undefined ? null : localStorage.getItem(key);
  });
  if (token === null) throw new Error('the browser holds no access token');
  return token;
}

/** Options for `journey`. */
export interface JourneyOptions {
  readonly texts: Texts;
  /** Screenshot names start with this. */
  readonly label: string;
  /** Switch the language with the page's toggle on the landing page first. */
  readonly toggleLanguage?: boolean;
  /** The unicorn travels for about 2 s (no reduced motion): check that it moves. */
  readonly watchTheTrip?: boolean;
}

/** The whole journey with a mouse; the email and password are the rider's. */
export async function journey(
  page: Page,
  site: Site,
  email: string,
  password: string,
  { texts, label, toggleLanguage = false, watchTheTrip = false }: JourneyOptions,
): Promise<void> {
  await openPage(page, new URL('index.html', site.url).href);
  if (toggleLanguage) {
    await page.locator('[data-language-toggle]').click();
    await eventually(
      () => page.locator('html').getAttribute('lang'),
      (value) => expect(value).toBe('ko'),
    );
  }
  await eventually(
    () => page.locator('h1').textContent(),
    (value) => expect(value).toBe(texts.landingHeading),
  );
  await screenshot(page, `${label}-1-landing`);
  await page.getByRole('link', { name: texts.giddyUp }).click();

  await arriveAt(page, 'register');
  await eventually(
    () => page.locator('h1').textContent(),
    (value) => expect(value).toBe(texts.registerHeading),
  );
  await page.locator('#emailInputRegister').fill(email);
  await page.locator('#passwordInputRegister').fill(password);
  await page.locator('#password2InputRegister').fill(password);
  await page.getByRole('button', { name: texts.registerSubmit }).click();

  const verify = await arriveAt(page, 'verify');
  expect(verify.get('email')).toBe(email);
  await expectMessage(page, '#verifyMessage', texts.codeSent);
  expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
  await screenshot(page, `${label}-2-verify`);
  const code = await site.emulator.nextCode(email, 'sign-up');
  await page.locator('#codeInputVerify').fill(code);
  await page.getByRole('button', { name: texts.verifySubmit }).click();

  await arriveAt(page, 'signin');
  await expectMessage(page, '#signinMessage', texts.verified);
  expect(await page.locator('#emailInputSignin').inputValue()).toBe(email);
  await page.locator('#passwordInputSignin').fill(password);
  await screenshot(page, `${label}-3-signin`);
  await page.locator('#signinForm').getByRole('button', { name: texts.signIn }).click();

  await arriveAt(page, 'ride');
  await expectMessage(page, '#greeting', texts.greeting(email));
  await page.locator('#map').click({ position: { x: 120, y: 120 } });
  await requestAndWatch(page, texts, label, watchTheTrip);

  await signOut(page, texts);
  await page.goto(new URL('ride.html', site.url).href);
  await arriveAt(page, 'signin');
}

/**
 * With a pickup set, presses Request Unicorn (by `press`: a click unless the test gives another
 * way) and checks the request, the updates and the arrival.
 */
export async function requestAndWatch(
  page: Page,
  texts: Texts,
  label: string,
  watchTheTrip = false,
  press: () => Promise<void> = () => page.locator('#request').click(),
): Promise<void> {
  const pickup = texts.pickup.exec(await messageOf(page, '#pickupStatus'));
  expect(pickup, 'the pickup point is shown in words').not.toBeNull();
  const request = page.locator('#request');
  await eventually(
    () => request.textContent(),
    (value) => expect(value).toBe(texts.requestUnicorn),
  );
  expect(await request.isEnabled()).toBe(true);
  await screenshot(page, `${label}-4-pickup`);

  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/ride'));
  await press();
  expectRideRequest(await sent, Number(pickup?.[1]), Number(pickup?.[2]));

  const updates = page.locator('#updates li');
  await eventually(
    () => updates.first().textContent(),
    (value) => expect(value).toMatch(texts.onTheWay),
  );
  if (watchTheTrip) {
    // Mid-trip the unicorn is on the move; reduced motion would have put it at the pin at once.
    const unicorn = page.locator('.unicorn-marker');
    expect(await unicorn.evaluate((icon) => icon.classList.contains('is-travelling'))).toBe(true);
    const from = await unicorn.boundingBox();
    await eventually(
      async () => JSON.stringify(await unicorn.boundingBox()),
      (value) => expect(value).not.toBe(JSON.stringify(from)),
    );
  }
  await eventually(
    () => updates.nth(1).textContent(),
    (value) => expect(value).toMatch(texts.arrived),
  );
  const [coming, arrived] = await updates.allTextContents();
  expect(arrived?.split(/ |이\(가\)/)[0], 'the unicorn that arrives is the one that came').toBe(
    coming?.match(/Bucephalus|Shadowfax|Rocinante/)?.[0],
  );
  await screenshot(page, `${label}-5-arrived`);
}

/** The ride API call as the workshop's API Gateway expects it. */
function expectRideRequest(request: Request, latitude: number, longitude: number): void {
  const authorization = request.headers().authorization ?? '';
  expect(authorization, 'the raw ID token, no "Bearer "').toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const claims: unknown = JSON.parse(
    Buffer.from(authorization.split('.')[1] ?? '', 'base64url').toString(),
  );
  expect(claims).toMatchObject({ token_use: 'id' });
  const body: unknown = request.postDataJSON();
  // The page shows five decimals of what it sends.
  expect(body).toEqual({
    PickupLocation: {
      Latitude: expect.closeTo(latitude, 4),
      Longitude: expect.closeTo(longitude, 4),
    },
  });
}

/** Opens the account menu, signs out, and lands on sign-in with no tokens left in the browser. */
export async function signOut(page: Page, texts: Texts): Promise<void> {
  await page.getByRole('button', { name: texts.account }).click();
  await page.getByRole('button', { name: texts.signOut, exact: true }).click();
  await arriveAt(page, 'signin');
  expect(await storedTokens(page)).toEqual([]);
}

/** Signs in on signin.html (any page of the site as `url`) and waits for the ride page. */
export async function signIn(
  page: Page,
  site: Site,
  email: string,
  password: string,
  texts: Texts = ENGLISH,
): Promise<void> {
  await openPage(page, new URL('signin.html', site.url).href);
  await page.locator('#emailInputSignin').fill(email);
  await page.locator('#passwordInputSignin').fill(password);
  await page.locator('#signinForm').getByRole('button', { name: texts.signIn }).click();
  await arriveAt(page, 'ride');
  await expectMessage(page, '#greeting', texts.greeting(email));
}
