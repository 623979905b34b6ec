/**
 * Sign-in by email code in Chromium on `npm run dev` (the local pool allows EMAIL_OTP): the rider
 * types the address, presses "Email me a code", reads the eight-digit code from the emulator's
 * mailbox, and lands on the ride page signed in; in English and Korean, at desktop and phone
 * sizes, with a screenshot and axe on the code step.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { cognitoOperation, holdRequests } from './hold.ts';
import { arriveAt, ENGLISH, expectMessage, KOREAN, openPage } from './journey.ts';
import { expectNothingWrong, openRider } from './rider.ts';
import { type SiteServer, startDevServer } from './site.ts';

let browser: Browser;
let dev: SiteServer;
let emulator: EmulatorClient;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
  emulator = new EmulatorClient(`${dev.url}emulator/`);
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close()]);
});

/** What the sign-in page says about email codes, per language (copied from the tables). */
const EMAIL_CODE = {
  en: {
    locale: 'en-US',
    texts: ENGLISH,
    button: 'Email me a code',
    heading: 'Check your email',
    sent: (masked: string) => `We sent a code to ${masked}.`,
    submit: 'Sign in',
    signingIn: 'Signing in…',
  },
  ko: {
    locale: 'ko-KR',
    texts: KOREAN,
    button: '이메일로 인증 코드 받기',
    heading: '이메일을 확인하세요',
    sent: (masked: string) => `${masked}(으)로 인증 코드를 보냈어요.`,
    submit: '로그인',
    signingIn: '로그인하는 중…',
  },
} as const;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const;

/** The address as Cognito masks it in CodeDeliveryDetails: `r***@e***`. */
function masked(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

describe.concurrent('sign-in by email code', () => {
  for (const language of ['en', 'ko'] as const) {
    for (const viewport of SIZES) {
      it(`signs in with the code from the mailbox and lands on the ride page (${language}, ${viewport.width} px)`, async () => {
        const words = EMAIL_CODE[language];
        const rider = await openRider(browser, dev.url, { locale: words.locale, viewport });
        const { page } = rider;
        try {
          const email = newEmail(`email-code-${language}-${viewport.width}`);
          await emulator.confirmedUser(email);
          await openPage(page, new URL('signin.html', dev.url).href);
          await page.locator('#emailInputSignin').fill(email);
          await page.getByRole('button', { name: words.button }).click();

          await expectMessage(page, '#emailCodeHeading', words.heading);
          await expectMessage(page, '#emailCodeSent', words.sent(masked(email)));
          const mailbox = page.locator('#devHintEmailCode a');
          expect(new URL((await mailbox.getAttribute('href')) ?? '', page.url()).href).toBe(
            `${dev.url}emulator/mailbox?${new URLSearchParams({ to: email })}`,
          );
          const code = await emulator.nextCode(email, 'sign-in');
          expect(code).toMatch(/^\d{8}$/);
          await page.locator('#codeInputEmail').fill(code);
          expect(await violations(page)).toEqual([]);
          await screenshot(page, `email-code-step-${language}-${viewport.width}`);

          // The answer is held until the busy button has been seen, however loaded the machine.
          const held = await holdRequests(
            page,
            (request) => cognitoOperation(request) === 'RespondToAuthChallenge',
          );
          await page
            .locator('#emailCodeForm')
            .getByRole('button', { name: words.submit, exact: true })
            .click();
          await held.sent;
          const submit = page.locator('#emailCodeForm button[type="submit"]');
          await eventually(
            () => submit.getAttribute('aria-busy'),
            (value) => expect(value).toBe('true'),
          );
          expect((await submit.textContent())?.trim()).toBe(words.signingIn);
          held.release();

          await arriveAt(page, 'ride');
          await expectMessage(page, '#greeting', words.texts.greeting(email));
          expect(rider.seen.cognitoCalls).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
          expectNothingWrong(rider.seen);
        } finally {
          await rider.close();
        }
      });
    }
  }
});
