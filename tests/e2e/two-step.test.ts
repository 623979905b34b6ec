/**
 * Two-step sign-in in Chromium, on the production build against the standalone emulator: on the
 * ride page the rider opens "Two-step sign-in", sees the QR code, types the code computed from
 * the key shown (as an authenticator app computes it), turns it on, signs out, and signs in with
 * the password and then a code, in English and in Korean, at desktop and phone sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { cognitoOperation, holdRequests } from './hold.ts';
import {
  arriveAt,
  ENGLISH,
  expectMessage,
  KOREAN,
  openPage,
  type Site,
  signIn,
  signOut,
  type Texts,
} from './journey.ts';
import { expectNothingWrong, openRider } from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';
import { appCode, riderWithTwoStep } from './two-step.ts';

let browser: Browser;
let preview: SiteServer;

beforeAll(async () => {
  [browser, preview] = await Promise.all([launchChromium(), previewSite(inject('emulatorBuild'))]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), preview?.close()]);
});

const site = (): Site => ({
  url: preview.url,
  emulator: new EmulatorClient(inject('emulatorUrl')),
});

/** What the two-step pages say, per language (copied from the pages). */
const TWO_STEP = {
  en: {
    menuItem: 'Two-step sign-in',
    qrName: (email: string) => `QR code that adds Wild Rydes (${email}) to an authenticator app`,
    off: 'Two-step sign-in is off. To turn it on, add Wild Rydes to an authenticator app.',
    turnOn: 'Turn on',
    turningOn: 'Turning on…',
    on: 'Two-step sign-in is on: after your password, signing in asks for the code from your authenticator app.',
    verify: 'Verify',
    checking: 'Checking the code…',
  },
  ko: {
    menuItem: '2단계 인증',
    qrName: (email: string) => `인증 앱에 와일드 라이즈(${email}) 계정을 추가하는 QR 코드`,
    off: '2단계 인증이 꺼져 있어요. 켜려면 인증 앱에 와일드 라이즈를 추가하세요.',
    turnOn: '켜기',
    turningOn: '켜는 중…',
    on: '2단계 인증이 켜져 있어요. 로그인할 때 비밀번호 다음에 인증 앱의 인증 코드를 입력해요.',
    verify: '확인',
    checking: '인증 코드를 확인하는 중…',
  },
} as const;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/** Waits until the button says `label` while it is busy: the held answer keeps it so. */
async function expectBusy(page: Page, selector: string, label: string): Promise<void> {
  const button = page.locator(selector);
  await eventually(
    () => button.getAttribute('aria-busy'),
    (value) => expect(value).toBe('true'),
  );
  expect((await button.textContent())?.trim()).toBe(label);
}

// Each size from the start: a page resized after it loaded is not what a person on a phone sees.
describe.concurrent.each([
  ['English at 1280', 'en-US', 'en', ENGLISH, DESKTOP, '1280'],
  ['English at 360', 'en-US', 'en', ENGLISH, PHONE, '360'],
  ['Korean at 1280', 'ko-KR', 'ko', KOREAN, DESKTOP, '1280'],
  ['Korean at 360', 'ko-KR', 'ko', KOREAN, PHONE, '360'],
] as const)('two-step sign-in in %s', (_name, locale, short, texts: Texts, viewport, width) => {
  const words = TWO_STEP[short];

  it('is turned on from the ride page with the QR code’s key, and then signing in asks for the code', async () => {
    const { url, emulator } = site();
    const rider = await openRider(browser, [url, emulator.base], { locale, viewport });
    const { page } = rider;
    try {
      const email = newEmail(`two-step-${short}`);
      await emulator.confirmedUser(email);
      await signIn(page, { url, emulator }, email, PASSWORD, texts);

      await page.getByRole('button', { name: texts.account }).click();
      await page.getByRole('button', { name: words.menuItem }).click();
      await expectMessage(page, '#twoStepStatus', words.off);
      const qr = page.getByRole('img', { name: words.qrName(email) });
      await qr.waitFor();
      expect(await qr.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
      const secret = ((await page.locator('#twoStepSecret').textContent()) ?? '').replaceAll(
        ' ',
        '',
      );
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await screenshot(page, `two-step-${short}-panel-${width}`);

      const held = await holdRequests(page, (r) => cognitoOperation(r) === 'VerifySoftwareToken');
      await page.locator('#codeInputTwoStep').fill(appCode(secret));
      await page.getByRole('button', { name: words.turnOn, exact: true }).click();
      await held.sent;
      await expectBusy(page, '#twoStepForm button[type="submit"]', words.turningOn);
      held.release();
      await expectMessage(page, '#twoStepStatus', words.on);
      await screenshot(page, `two-step-${short}-on-${width}`);

      await signOut(page, texts);
      await page.locator('#emailInputSignin').fill(email);
      await page.locator('#passwordInputSignin').fill(PASSWORD);
      await page.locator('#signinForm').getByRole('button', { name: texts.signIn }).click();
      const code = page.locator('#codeInputTwoStep');
      await code.waitFor();
      expect(await page.locator('#codeStepPanel').isVisible()).toBe(true);
      expect(await page.locator('#signinPanel').isVisible()).toBe(false);
      expect(await code.evaluate((input) => input === document.activeElement)).toBe(true);
      await screenshot(page, `two-step-${short}-code-step-${width}`);

      const answer = await holdRequests(
        page,
        (r) => cognitoOperation(r) === 'RespondToAuthChallenge',
      );
      // The code that turned it on is spent: this is the app's next one, a step ahead.
      await code.fill(appCode(secret, 1));
      await page.locator('#codeStepForm').getByRole('button', { name: words.verify }).click();
      await answer.sent;
      await expectBusy(page, '#codeStepForm button[type="submit"]', words.checking);
      answer.release();
      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', texts.greeting(email));
      expect(rider.seen.cognitoCalls.slice(-3)).toEqual([
        'InitiateAuth',
        'RespondToAuthChallenge',
        'RespondToAuthChallenge',
      ]);
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });
});

describe('the code step', () => {
  it('keeps a wrong code at its field with the error, and the right code still signs in', async () => {
    const { url, emulator } = site();
    const rider = await openRider(browser, [url, emulator.base]);
    const { page } = rider;
    try {
      const email = newEmail('two-step-wrong');
      const secret = await riderWithTwoStep(emulator, email);
      await openPage(page, new URL('signin.html', url).href);
      await page.locator('#emailInputSignin').fill(email);
      await page.locator('#passwordInputSignin').fill(PASSWORD);
      await page.locator('#signinForm').getByRole('button', { name: ENGLISH.signIn }).click();
      const code = page.locator('#codeInputTwoStep');
      await code.waitFor();
      // Six digits that are no code of the app's around now.
      const near = [-1, 0, 1, 2].map((steps) => appCode(secret, steps));
      const wrong = ['000000', '000001', '000002', '000003', '000004'].find(
        (candidate) => !near.includes(candidate),
      );
      if (wrong === undefined) throw new Error('unreachable: four codes cannot take five values');
      await code.fill(wrong);
      await page.locator('#codeStepForm').getByRole('button', { name: 'Verify' }).click();
      await expectMessage(
        page,
        '#codeInputTwoStepError',
        'That code is not right, or it was used already. Enter the code your authenticator app shows now.',
      );
      expect(await code.inputValue()).toBe(wrong);
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await code.fill(appCode(secret, 1));
      await page.locator('#codeStepForm').getByRole('button', { name: 'Verify' }).click();
      await arriveAt(page, 'ride');
      expectNothingWrong(rider.seen, [/^400 POST \/ RespondToAuthChallenge$/]);
    } finally {
      await rider.close();
    }
  });
});
