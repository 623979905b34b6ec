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
  /** What the verify page says after sign-up sent a code to `email`. */
  readonly codeSent: (email: string) => string | RegExp;
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
  codeSent: (email) => `We sent a code to ${email}.`,
  verifySubmit: 'Verify',
  verified: 'Your email is confirmed. Sign in to ryde.',
  signIn: 'Sign in',
  wrongPassword: 'Incorrect email or password.',
  greeting: (email) => `Hello, ${email.split('@')[0]}!`,
  // With the place's name when the local lookup knows it: "Pickup point: Belltown (47.6…, -122.3…)".
  pickup: /^Pickup point: (?:[^(]+ \()?(-?\d+\.\d{5}), (-?\d+\.\d{5})\)?$/,
  requestUnicorn: 'Request Unicorn',
  onTheWay:
    /^(Bucephalus, your Golden unicorn, is on his way|Shadowfax, your White unicorn, is on his way|Rocinante, your Yellow unicorn, is on her way)\.$/,
  arrived: /^(Bucephalus|Shadowfax|Rocinante) has arrived\. Giddy up!$/,
  account: 'Account',
  signOut: 'Sign out',
};

export const KOREAN: Texts = {
  landingHeading: '매일 타는 유니콘',
  giddyUp: '가입하고 유니콘 타기',
  registerHeading: '회원 가입',
  registerSubmit: '가입하기',
  mismatch: '비밀번호가 서로 달라요.',
  // The address in full; the wording around it is the Korean table's.
  codeSent: (email) => new RegExp(`^${email.replace(/[.+]/g, '\\$&')}\\S* .*코드를 보냈`),
  verifySubmit: '인증하기',
  verified: '이메일 인증을 마쳤어요. 로그인하세요.',
  signIn: '로그인',
  wrongPassword: '이메일 또는 비밀번호가 올바르지 않아요.',
  greeting: (email) => `안녕하세요, ${email.split('@')[0]}님!`,
  pickup: /^탑승 위치: (?:[^(]+ \()?(-?\d+\.\d{5}), (-?\d+\.\d{5})\)?$/,
  requestUnicorn: '유니콘 부르기',
  onTheWay:
    /^(황금빛 유니콘 Bucephalus|하얀 유니콘 Shadowfax|노란 유니콘 Rocinante)가 데리러 오고 있어요\.$/,
  arrived: /^(Bucephalus|Shadowfax|Rocinante)가 도착했어요\. 이랴!$/,
  account: '계정',
  signOut: '로그아웃',
};

/** Playwright's waits get the same patience as `eventually`. */
export const PATIENCE = { timeout: PATIENCE_MS };

/** The page's path, without the host: `/signin.html`. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Where `settle` leaves what it found in the page: `starting`, `ready`, or why it failed. */
const STARTED = 'wild-rydes-e2e.started';

// Sent as text: Vitest rewrites `import()` in this file's functions, even those meant for the
// page. Importing a module the page already loads gives back that same module once its
// evaluation (top-level `await` included) is over.
const START_WATCH = `(() => {
  const key = ${JSON.stringify(STARTED)};
  const entries = [...document.querySelectorAll('script[type="module"][src]')];
  window[key] = 'starting';
  Promise.all(entries.map((script) => import(script.src))).then(
    () => { window[key] = 'ready'; },
    (error) => { window[key] = 'failed: ' + String(error); },
  );
})()`;

/**
 * Waits until the page's entry modules have run to their end. A page wires its forms only once
 * its part of the message table has arrived, which can be after `load`; a person is never that
 * quick. This is the page's own "ready", not a guess from network silence; a module that threw
 * fails the wait with its error.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(START_WATCH);
  const handle = await page.waitForFunction(
    (key) => {
      const state = (window as unknown as Record<string, string>)[key];
      return state !== 'starting' && state;
    },
    STARTED,
    { ...PATIENCE, polling: 100 },
  );
  const state = await handle.jsonValue();
  if (state !== 'ready') throw new Error(`${page.url()} did not start: ${String(state)}`);
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

/**
 * The pickup point in words (`#pickupStatus`) once one is set: the region says "no pickup yet"
 * until then, so any text would not do.
 */
export async function pickupOf(page: Page, texts: Texts = ENGLISH): Promise<string> {
  const region = page.locator('#pickupStatus');
  return eventually(
    async () => (await region.textContent())?.trim() ?? '',
    (value) => expect(value).toMatch(texts.pickup),
  );
}

/**
 * Opens `url`, a page that sends a signed-out visitor on at once (ride.html), and waits until
 * the visitor is on `name`.html and it is ready. Waiting for the first page's `load` would race
 * with its own redirect.
 */
export async function openAndArriveAt(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url, { ...PATIENCE, waitUntil: 'commit' });
  await arriveAt(page, name);
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
  await expectMessage(page, '#codeSentVerify', texts.codeSent(email));
  expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
  await screenshot(page, `${label}-2-verify`);
  const code = await site.emulator.nextCode(email, 'sign-up');
  await page.locator('#codeInputVerify').fill(code);
  await page.getByRole('button', { name: texts.verifySubmit }).click();

  // Confirmed in the tab that registered: signed straight in with ConfirmSignUp's Session.
  await arriveAt(page, 'ride');
  await expectMessage(page, '#greeting', texts.greeting(email));
  await signOut(page, texts);

  await page.locator('#emailInputSignin').fill(email);
  await page.locator('#passwordInputSignin').fill(password);
  await screenshot(page, `${label}-3-signin`);
  await page.locator('#signinForm').getByRole('button', { name: texts.signIn }).click();

  await arriveAt(page, 'ride');
  await expectMessage(page, '#greeting', texts.greeting(email));
  await page.locator('#map').click({ position: { x: 120, y: 120 } });
  await requestAndWatch(page, texts, label, watchTheTrip);

  await signOut(page, texts);
  await openAndArriveAt(page, new URL('ride.html', site.url).href, 'signin');
}

/**
 * With a pickup set, presses Request Unicorn (by `press`: a click unless the test gives another
 * way) and checks the request, this ride's two updates and the arrival. With `watchTheTrip` the
 * page must not prefer reduced motion: the unicorn is then seen at its start, midway and at the
 * pin, each while the page's clock stands still.
 */
export async function requestAndWatch(
  page: Page,
  texts: Texts,
  label: string,
  watchTheTrip = false,
  press: () => Promise<void> = () => page.locator('#request').click(),
): Promise<void> {
  const pickup = texts.pickup.exec(await pickupOf(page, texts));
  const request = page.locator('#request');
  await eventually(
    () => request.textContent(),
    (value) => expect(value).toBe(texts.requestUnicorn),
  );
  expect(await request.isEnabled()).toBe(true);
  await screenshot(page, `${label}-4-pickup`);

  // Earlier rides' updates stay in the list (no ride is under way now): this ride's come after.
  const updates = page.locator('#updates li');
  const before = await updates.count();
  const onTheWay = updates.nth(before);
  const arrived = updates.nth(before + 1);
  if (watchTheTrip) {
    // The trip runs on animation frames: with the page's clock paused they wait, and the
    // unicorn with them, until the test moves the clock on. Each stage is then a state that
    // stays, however busy the machine, instead of a moment inside a two-second trip.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 5_000);
  }

  const sent = page.waitForRequest(
    (r) => r.method() === 'POST' && r.url().endsWith('/ride'),
    PATIENCE,
  );
  await press();
  expectRideRequest(await sent, Number(pickup?.[1]), Number(pickup?.[2]));
  await eventually(
    () => onTheWay.textContent(),
    (value) => expect(value).toMatch(texts.onTheWay),
  );
  if (watchTheTrip) await watchTrip(page);
  await eventually(
    () => arrived.textContent(),
    (value) => expect(value).toMatch(texts.arrived),
  );
  const name = (await arrived.textContent())?.match(/Bucephalus|Shadowfax|Rocinante/)?.[0];
  expect(name, 'the unicorn that arrives is the one that came').toBe(
    (await onTheWay.textContent())?.match(/Bucephalus|Shadowfax|Rocinante/)?.[0],
  );
  expect(await updates.count(), 'one ride, two updates').toBe(before + 2);
  await screenshot(page, `${label}-5-arrived`);
}

/**
 * The unicorn's trip with the page's clock paused (it is on its way, the first frame not yet
 * run): at the start, then a second on (about halfway through the two seconds), then after the
 * rest of the trip, when the clock runs on by itself again.
 */
async function watchTrip(page: Page): Promise<void> {
  const unicorn = page.locator('.unicorn-marker');
  const updates = page.locator('#updates li');
  const count = await updates.count();
  expect(await unicorn.getAttribute('class')).toContain('is-travelling');
  const start = await unicorn.boundingBox();
  expect(start, 'the unicorn is on the map').not.toBeNull();

  await page.clock.runFor(1_000);
  expect(await unicorn.getAttribute('class'), 'midway, still travelling').toContain(
    'is-travelling',
  );
  const midway = await unicorn.boundingBox();
  expect(midway, 'midway, the unicorn has moved').not.toEqual(start);
  expect(await updates.count(), 'midway, it has not arrived').toBe(count);

  await page.clock.runFor(1_500);
  await page.clock.resume();
  const end = await unicorn.boundingBox();
  expect(end, 'at the pin, it has moved on from midway').not.toEqual(midway);
  await eventually(
    () => unicorn.getAttribute('class'),
    (value) => expect(value).not.toContain('is-travelling'),
  );
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
