/**
 * What a person sees when something goes wrong, in Chromium on the production build configured
 * to the standalone emulator: every failure path of the pages, each with the message shown, the
 * input kept, and the requests that were (or were not) sent.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually, within } from './eventually.ts';
import { cognitoOperation, holdRequests } from './hold.ts';
import {
  arriveAt,
  ENGLISH,
  expectMessage,
  openPage,
  PATIENCE,
  pathOf,
  pickupOf,
  type Site,
  settle,
  signIn,
  storedAccessToken,
  storedTokens,
} from './journey.ts';
import { expectNothingWrong, openRider, type Rider } from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';

let browser: Browser;
let built: SiteServer;
let noApi: SiteServer;

beforeAll(async () => {
  [browser, built, noApi] = await Promise.all([
    launchChromium(),
    previewSite(inject('emulatorBuild')),
    previewSite(inject('noApiBuild')),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), built?.close(), noApi?.close()]);
});

const emulator = (): EmulatorClient => new EmulatorClient(inject('emulatorUrl'));
const site = (server: SiteServer = built): Site => ({ url: server.url, emulator: emulator() });

/** A fresh browser on `server`'s site, which may talk to the emulator too. */
async function visit(server: SiteServer = built, permissions: string[] = []): Promise<Rider> {
  return openRider(browser, [server.url, inject('emulatorUrl')], { permissions });
}

/** Runs `test` with a fresh browser, closing it whatever happens. */
async function withRider(
  test: (rider: Rider) => Promise<void>,
  server: SiteServer = built,
  permissions: string[] = [],
): Promise<void> {
  const rider = await visit(server, permissions);
  try {
    await test(rider);
  } finally {
    await rider.close();
  }
}

/** The page's URL for `name`.html with a query. */
const pageUrl = (name: string, query: Record<string, string> = {}, server = built): string => {
  const url = new URL(`${name}.html`, server.url);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
};

/** How a message looks: its icon (the `::before` mark) and its background colour. */
const looks = (page: Page, selector: string): Promise<{ icon: string; background: string }> =>
  page.locator(selector).evaluate((element) => ({
    icon: getComputedStyle(element, '::before').content,
    background: getComputedStyle(element).backgroundColor,
  }));

/** A six-digit code that is certainly not `code`. */
const otherThan = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe.concurrent('registering', () => {
  it('catches mismatched passwords before any request, keeping what was typed', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('mismatch');
      await openPage(page, pageUrl('register'));
      await page.locator('#emailInputRegister').fill(email);
      await page.locator('#passwordInputRegister').fill(PASSWORD);
      await page.locator('#password2InputRegister').fill(`${PASSWORD}x`);
      await page.getByRole('button', { name: 'Let’s Ryde' }).click();

      await expectMessage(page, '#password2InputRegisterError', 'The passwords do not match.');
      await screenshot(page, 'register-mismatch');
      const second = page.locator('#password2InputRegister');
      expect(await second.getAttribute('aria-invalid')).toBe('true');
      expect(await second.getAttribute('aria-describedby')).toBe('password2InputRegisterError');
      expect(await page.locator('#registrationMessage').textContent()).toBe('');
      expect(await second.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await page.locator('#emailInputRegister').inputValue()).toBe(email);
      expect(await page.locator('#passwordInputRegister').inputValue()).toBe(PASSWORD);
      expect(await second.inputValue()).toBe(`${PASSWORD}x`);
      expect(pathOf(page)).toBe('/register.html');
      expect(seen.cognitoCalls).toEqual([]);
      expect(await emulator().codes(email, 'sign-up')).toEqual([]);
      expectNothingWrong(seen);
    });
  });

  it('names the rule a weak password breaks, live with a ✓ for the others and at the field before sending, keeping the input', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('weak');
      const weak = 'Giddyup42';
      await openPage(page, pageUrl('register'));
      await page.locator('#emailInputRegister').fill(email);
      await page.locator('#passwordInputRegister').fill(weak);
      await page.locator('#password2InputRegister').fill(weak);
      const rules = await page
        .locator('[data-rule]')
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute('data-rule'), item.getAttribute('data-met')]),
        );
      expect(Object.fromEntries(rules)).toEqual({
        length: 'true',
        upper: 'true',
        lower: 'true',
        digit: 'true',
        symbol: 'false',
      });
      expect(await page.locator('[data-rule="symbol"] [data-rule-state]').textContent()).toBe(
        'not met yet',
      );
      const marks = await page.locator('[data-rule-mark]').allTextContents();
      expect(marks).toEqual(['✓', '✓', '✓', '✓', '']);
      expect(await page.locator('#passwordMatchRegister').textContent()).toBe(
        'The passwords match.',
      );
      await page.getByRole('button', { name: 'Let’s Ryde' }).click();

      await expectMessage(
        page,
        '#passwordInputRegisterError',
        'The password needs a symbol, such as ! @ # $.',
      );
      await screenshot(page, 'register-weak');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('passwordInputRegister');
      expect(await page.locator('#passwordInputRegister').inputValue()).toBe(weak);
      expect(await page.locator('#emailInputRegister').inputValue()).toBe(email);
      expect(pathOf(page)).toBe('/register.html');
      expect(seen.cognitoCalls).toEqual([]);
      await page.locator('#passwordInputRegister').fill(`${weak}!`);
      expect(await page.locator('#passwordInputRegisterError').isHidden()).toBe(true);
      expect(await page.locator('#passwordInputRegister').getAttribute('aria-invalid')).toBeNull();
      expectNothingWrong(seen);
    });
  });

  it('says an account already exists for a registered email', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('taken');
      await emulator().confirmedUser(email);
      await openPage(page, pageUrl('register'));
      await page.locator('#emailInputRegister').fill(email);
      await page.locator('#passwordInputRegister').fill(PASSWORD);
      await page.locator('#password2InputRegister').fill(PASSWORD);
      await page.getByRole('button', { name: 'Let’s Ryde' }).click();

      await expectMessage(
        page,
        '#emailInputRegisterError',
        'An account with this email already exists. Sign in, or confirm it if you have not yet.',
      );
      await screenshot(page, 'register-taken');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('emailInputRegister');
      expect(await page.locator('#emailInputRegister').inputValue()).toBe(email);
      expect(pathOf(page)).toBe('/register.html');
      expectNothingWrong(seen, [/^400 POST \/ SignUp$/]);
    });
  });
});

describe.concurrent('confirming the email', () => {
  it('says a wrong code is not right, keeps it, and points to sending a new one', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('wrongcode');
      await emulator().unconfirmedUser(email);
      const wrong = otherThan(await emulator().nextCode(email, 'sign-up'));
      await openPage(page, pageUrl('verify', { email }));
      expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
      await page.locator('#codeInputVerify').fill(wrong);
      await page.getByRole('button', { name: 'Verify' }).click();

      await expectMessage(
        page,
        '#codeInputVerifyError',
        'That code is not right. Check the email and try again, or send a new code.',
      );
      await screenshot(page, 'verify-wrong-code');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('codeInputVerify');
      await eventually(
        () => page.locator('#resendCode').getAttribute('class'),
        (value) => expect(value).toContain('is-suggested'),
      );
      expect(await page.locator('#codeInputVerify').inputValue()).toBe(wrong);
      expect(pathOf(page)).toBe('/verify.html');
      expectNothingWrong(seen, [/^400 POST \/ ConfirmSignUp$/]);
    });
  });

  it('sends a new code on request, says when, waits before another, and the new code confirms the email', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('resend');
      await emulator().unconfirmedUser(email);
      await openPage(page, pageUrl('verify', { email, sent: 'someone-else@example.com' }));
      // Only the address the page checked is named, never the query's text.
      expect(await page.locator('#codeSentVerify').isHidden()).toBe(true);
      await page.getByRole('button', { name: 'Send a new code' }).click();

      await expectMessage(
        page,
        '#codeSentVerify',
        new RegExp(
          `^New code sent to ${email.replace(/[.+]/g, '\\$&')} at \\d{1,2}:\\d{2} [AP]M\\.$`,
        ),
      );
      const resend = page.locator('#resendCode');
      expect(await resend.isDisabled()).toBe(true);
      expect(await resend.textContent()).toMatch(/^Send a new code in (30|29) s$/);
      await screenshot(page, 'verify-resent');
      const code = await emulator().nextCode(email, 'sign-up', 1);
      expect(
        await page
          .locator('#codeInputVerify')
          .evaluate((input) => input === document.activeElement),
      ).toBe(true);
      await page.locator('#codeInputVerify').fill(code);
      await page.getByRole('button', { name: 'Verify' }).click();

      const query = await arriveAt(page, 'signin');
      expect(query.get('email')).toBe(email);
      await expectMessage(page, '#signinMessage', ENGLISH.verified);
      expect(seen.cognitoCalls).toEqual(['ResendConfirmationCode', 'ConfirmSignUp']);
      expectNothingWrong(seen);
    });
  });
});

describe.concurrent('signing in', () => {
  it('says a wrong password is wrong, busy meanwhile, keeping the email and password typed', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('wrongpass');
      await emulator().confirmedUser(email);
      await openPage(page, pageUrl('signin'));
      await page.locator('#emailInputSignin').fill(email);
      await page.locator('#passwordInputSignin').fill('Wrong-Pass-1!');
      const submit = page.locator('#signinForm button[type="submit"]');
      // Sign-in takes a moment (SRP, two round trips). Its first request is held, so the page
      // waits, busy, for as long as the test looks; only then does the sign-in go on.
      const held = await holdRequests(
        page,
        (request) => cognitoOperation(request) === 'InitiateAuth',
      );
      const idleWidth = (await submit.boundingBox())?.width;
      await submit.focus();
      await page.keyboard.press('Enter');
      await within(held.sent, 'InitiateAuth sent');
      expect(await submit.getAttribute('aria-disabled'), 'cannot be pressed again').toBe('true');
      expect(await submit.getAttribute('aria-busy')).toBe('true');
      expect((await submit.textContent())?.trim()).toBe('Signing in…');
      // Busy, the button keeps the focus (a disabled one would drop it to the page) and its width.
      expect(await submit.evaluate((button) => button === document.activeElement)).toBe(true);
      expect((await submit.boundingBox())?.width).toBe(idleWidth);
      await page.keyboard.press('Enter');
      held.release();

      await expectMessage(page, '#passwordInputSigninError', 'Incorrect email or password.');
      await screenshot(page, 'signin-wrong-password');
      // The focus goes to the password, whose description is the error a screen reader reads.
      const password = page.locator('#passwordInputSignin');
      expect(await password.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await password.getAttribute('aria-describedby')).toBe('passwordInputSigninError');
      expect(await page.locator('#signinMessage').textContent()).toBe('');
      expect(await submit.isEnabled()).toBe(true);
      expect(await submit.textContent()).toBe('Sign in');
      expect(await page.locator('#emailInputSignin').inputValue()).toBe(email);
      expect(await page.locator('#passwordInputSignin').inputValue()).toBe('Wrong-Pass-1!');
      expect(pathOf(page)).toBe('/signin.html');
      expect(await storedTokens(page)).toEqual([]);
      expect(seen.cognitoCalls, 'one sign-in, sent once').toEqual([
        'InitiateAuth',
        'RespondToAuthChallenge',
      ]);
      expectNothingWrong(seen, [/^400 POST \/ RespondToAuthChallenge$/]);
    });
  });

  it('sends a rider who never confirmed to verify, where a new code confirms the email', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('unconfirmed');
      await emulator().unconfirmedUser(email);
      await openPage(page, pageUrl('signin'));
      await page.locator('#emailInputSignin').fill(email);
      await page.locator('#passwordInputSignin').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();

      const query = await arriveAt(page, 'verify');
      expect(query.get('reason')).toBe('unconfirmed');
      await expectMessage(
        page,
        '#verifyMessage',
        'Your email address is not confirmed yet. Enter the code from your email, or send a new one.',
      );
      await screenshot(page, 'verify-unconfirmed');
      expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
      const information = await looks(page, '#verifyMessage');
      await page.getByRole('button', { name: 'Send a new code' }).click();
      await expectMessage(page, '#codeSentVerify', /^New code sent to /);
      // Information and success differ in icon and colour, and both differ from an error.
      const success = await looks(page, '#codeSentVerify');
      await page.locator('#codeInputVerify').fill('1');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expectMessage(page, '#codeInputVerifyError', 'Enter all 6 digits of the code.');
      const error = await looks(page, '#codeInputVerifyError');
      expect([information.icon, success.icon, error.icon]).toEqual([
        '"i" / ""',
        '"✓" / ""',
        '"!" / ""',
      ]);
      expect(new Set([information.background, success.background, error.background]).size).toBe(3);
      await page.locator('#codeInputVerify').fill(await emulator().nextCode(email, 'sign-up', 1));
      await page.getByRole('button', { name: 'Verify' }).click();

      await arriveAt(page, 'signin');
      await page.locator('#passwordInputSignin').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', ENGLISH.greeting(email));
      expectNothingWrong(seen, [/^400 POST \/ RespondToAuthChallenge$/]);
    });
  });

  it('resets a forgotten password with the emailed code, then signs in with the new one', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('forgot');
      const newPassword = 'Brand-New-Pass-7?';
      await emulator().confirmedUser(email);
      await openPage(page, pageUrl('signin'));
      await page.locator('#emailInputSignin').fill(email);
      await page.getByRole('button', { name: 'Forgot password?' }).click();

      await eventually(
        () => page.locator('#forgotPanel h1').isVisible(),
        (value) => expect(value).toBe(true),
      );
      expect(await page.locator('#forgotPanel h1').textContent()).toBe('Reset your password');
      expect(await page.locator('#signinPanel').isHidden()).toBe(true);
      expect(await page.locator('#emailInputForgot').inputValue()).toBe(email);
      await page.getByRole('button', { name: 'Send code' }).click();

      await expectMessage(page, '#codeSentReset', ENGLISH.codeSent(email));
      await screenshot(page, 'signin-reset-code');
      // A reload comes back to the code step, for the same address, with no code or password.
      expect(new URL(page.url()).searchParams.get('reset')).toBe(email);
      await page.reload();
      await expectMessage(page, '#codeSentReset', ENGLISH.codeSent(email));
      expect(await page.locator('#resetPasswordForm').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('codeInputReset');
      await page
        .locator('#codeInputReset')
        .fill(await emulator().nextCode(email, 'forgot-password'));
      await page.locator('#passwordInputReset').fill(newPassword);
      await page.locator('#password2InputReset').fill(newPassword);
      expect(await page.locator('[data-rule-mark]').allTextContents()).toEqual([
        '✓',
        '✓',
        '✓',
        '✓',
        '✓',
      ]);
      await screenshot(page, 'signin-reset-filled');
      await page.getByRole('button', { name: 'Set new password' }).click();

      await expectMessage(
        page,
        '#signinMessage',
        'Your password has been changed. Sign in with the new one.',
      );
      expect(await page.locator('#emailInputSignin').inputValue()).toBe(email);
      expect(new URL(page.url()).searchParams.get('reset')).toBeNull();
      await page.locator('#passwordInputSignin').fill(newPassword);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await arriveAt(page, 'ride');
      expect(seen.cognitoCalls.slice(0, 2)).toEqual(['ForgotPassword', 'ConfirmForgotPassword']);
      expectNothingWrong(seen);
    });
  });
});

describe('a form sent before its page is ready', () => {
  // The pages wire their forms once their part of the message table has loaded, which can be
  // after `load`. Until then the HTML keeps the submit buttons disabled (and secrets carry no
  // `name`), so the browser cannot send the form itself as a GET with the values in the address.
  it('never puts the password in the address, even on a slow connection', async () => {
    await withRider(async ({ page }) => {
      // The page's part of the message table is held: the page stays unwired until released.
      const held = await holdRequests(page, (request) =>
        /\/assets\/(en|ko)-(site|forms|ride)-[\w-]+\.js$/.test(request.url()),
      );
      const documents: string[] = [];
      page.on('request', (request) => {
        if (request.isNavigationRequest()) documents.push(request.url());
      });
      await page.goto(pageUrl('signin'), { ...PATIENCE, waitUntil: 'domcontentloaded' });
      await within(held.sent, 'the message table requested');
      const submit = page.locator('#signinForm button[type="submit"]');
      expect(await submit.isDisabled()).toBe(true);
      await page.locator('#emailInputSignin').fill(newEmail('early'));
      await page.locator('#passwordInputSignin').fill('Secret-Pass-1!');
      // Enter in a field submits a form implicitly, unless its submit button is disabled; a
      // click (forced: Playwright would wait for the button to be enabled) does nothing either.
      await page.locator('#passwordInputSignin').press('Enter');
      await submit.click({ force: true });
      held.release();
      await settle(page);
      expect(await submit.isEnabled(), 'wired once the table arrived').toBe(true);
      expect(documents, 'no second page load, so no form sent by the browser').toEqual([
        pageUrl('signin'),
      ]);
      expect(page.url()).toBe(pageUrl('signin'));
    });
  });
});

describe.concurrent('the ride page', () => {
  /** Two hours on: the ID and access tokens (1 h) have expired, the refresh token (30 days) not. */
  const TWO_HOURS = 2 * 3600 * 1000;

  it('refreshes an expired session on its own while the refresh token is good', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('refresh');
      await emulator().confirmedUser(email);
      await signIn(page, site(), email, PASSWORD);
      await page.clock.install({ time: Date.now() + TWO_HOURS });
      await page.reload();

      await expectMessage(page, '#greeting', ENGLISH.greeting(email));
      expect(pathOf(page)).toBe('/ride.html');
      expect(seen.cognitoCalls.at(-1)).toBe('GetTokensFromRefreshToken');
      expectNothingWrong(seen);
    });
  });

  it('sends a rider whose session expired and was signed out everywhere back to sign in', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('expired');
      await emulator().confirmedUser(email);
      await signIn(page, site(), email, PASSWORD);
      // Another device signs out everywhere: this browser's refresh token stops working.
      await emulator().globalSignOut(await storedAccessToken(page));
      await page.clock.install({ time: Date.now() + TWO_HOURS });
      await page.reload();

      await arriveAt(page, 'signin');
      await eventually(
        () => page.locator('#signinForm').isVisible(),
        (value) => expect(value).toBe(true),
      );
      // One refused refresh, not the library's six seconds of retries.
      expect(seen.cognitoCalls.filter((call) => call === 'GetTokensFromRefreshToken')).toHaveLength(
        1,
      );
      expectNothingWrong(seen, [/^400 POST \/ GetTokensFromRefreshToken$/]);
    });
  });

  it('offers the ID token to copy when the ride API is not configured, the map still working', async () => {
    await withRider(
      async ({ page, seen }) => {
        const email = newEmail('noapi');
        await emulator().confirmedUser(email);
        await signIn(page, site(noApi), email, PASSWORD);

        const notice = page.locator('#apiNotice');
        await eventually(
          () => notice.isVisible(),
          (value) => expect(value).toBe(true),
        );
        expect((await notice.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
          'The ride API is not configured yet (set VITE_API_INVOKE_URL). You are signed in: to test an API authorizer, copy your ID token. Copy ID token',
        );
        await page.getByRole('button', { name: 'Copy ID token' }).click();
        await expectMessage(page, '#rideMessage', 'The ID token is on your clipboard.');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const claims: unknown = JSON.parse(
          Buffer.from(copied.split('.')[1] ?? '', 'base64url').toString(),
        );
        expect(claims).toMatchObject({ token_use: 'id', email });
        expect(await page.content()).not.toContain(copied);

        await page.locator('#map').click({ position: { x: 150, y: 100 } });
        const pickup = await pickupOf(page);
        await page.getByRole('button', { name: 'Request Unicorn' }).click();
        await expectMessage(
          page,
          '#rideMessage',
          'No unicorn can come yet: the ride API is not configured (VITE_API_INVOKE_URL). Your pickup point is kept.',
        );
        await screenshot(page, 'ride-no-api');
        expect(await pickupOf(page)).toBe(pickup);
        expect(await page.locator('.pickup-pin').count()).toBe(1);
        expectNothingWrong(seen);
      },
      noApi,
      ['clipboard-read', 'clipboard-write'],
    );
  });

  it('says it could not reach the ride service when the ride API is down, keeping the pickup', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('apidown');
      await emulator().confirmedUser(email);
      await page.route('**/ride', (route) => route.abort('connectionrefused'));
      await signIn(page, site(), email, PASSWORD);
      await page.locator('#map').click({ position: { x: 150, y: 100 } });
      const pickup = await pickupOf(page);
      await page.getByRole('button', { name: 'Request Unicorn' }).click();

      await expectMessage(
        page,
        '#rideMessage',
        'Could not reach the ride service. Check your connection and try again.',
      );
      await screenshot(page, 'ride-api-down');
      const request = page.locator('#request');
      await eventually(
        () => request.textContent(),
        (value) => expect(value).toBe('Request Unicorn'),
      );
      expect(await request.isEnabled()).toBe(true);
      expect(await pickupOf(page)).toBe(pickup);
      expect(await page.locator('#updates li').count()).toBe(0);
      expect(seen.failedRequests).toEqual([
        expect.stringMatching(
          /^POST http:\/\/127\.0\.0\.1:\d+\/ride \(net::ERR_CONNECTION_REFUSED\)$/,
        ),
      ]);
      expectNothingWrong({ ...seen, failedRequests: [] });
    });
  });

  it('offers to sign in again when the ride API refuses the token as expired', async () => {
    await withRider(async ({ page, seen }) => {
      const email = newEmail('refused');
      await emulator().confirmedUser(email);
      await page.route('**/ride', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: '{"message":"Unauthorized"}',
        }),
      );
      await signIn(page, site(), email, PASSWORD);
      await page.locator('#map').click({ position: { x: 150, y: 100 } });
      await page.getByRole('button', { name: 'Request Unicorn' }).click();

      await expectMessage(
        page,
        '#rideMessage',
        'Your session has expired. Sign in again to request a unicorn.',
      );
      await page.getByRole('button', { name: 'Sign in again' }).click();
      const query = await arriveAt(page, 'signin');
      expect(query.get('email')).toBe(email);
      expect(await storedTokens(page)).toEqual([]);
      expectNothingWrong(seen, [/^401 POST \/ride$/]);
    });
  });
});
