/**
 * Passkeys in Chromium with its virtual authenticator (the DevTools protocol's WebAuthn domain),
 * on `npm run dev`'s server opened as `localhost`: WebAuthn refuses IP addresses, and the local
 * pool's relying party is `localhost`. A new rider registers, confirms with the mailed code,
 * signs in, adds a passkey from the account menu, signs out and signs in with the passkey alone,
 * in English and in Korean, at desktop and phone sizes; axe finds nothing on the panel or the
 * sign-in page. Screenshots in test-results/screenshots/passkeys-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './axe.ts';
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
  signOut,
  type Texts,
} from './journey.ts';
import { expectNothingWrong, openRider } from './rider.ts';
import { type SiteServer, startDevServer } from './site.ts';

let browser: Browser;
let dev: SiteServer;

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close()]);
});

/** The dev server as `localhost` (it listens on 127.0.0.1, where WebAuthn would refuse). */
const site = (): Site => {
  const url = new URL(dev.url);
  url.hostname = 'localhost';
  return { url: url.href, emulator: new EmulatorClient(`${dev.url}emulator/`) };
};

/** What the passkey parts of the pages say, per language (copied from the pages). */
const PASSKEYS = {
  en: {
    texts: ENGLISH,
    menuItem: 'Passkeys',
    empty: 'You have no passkeys yet.',
    add: 'Add a passkey',
    adding: 'Waiting for your passkey…',
    added: 'Passkey added. Next time, use “Sign in with a passkey” on the sign-in page.',
    addedOn: /^Added \w{3} \d{1,2}, \d{4}$/,
    signIn: 'Sign in with a passkey',
    signingIn: 'Waiting for your passkey…',
  },
  ko: {
    texts: KOREAN,
    menuItem: '패스키',
    empty: '아직 패스키가 없어요.',
    add: '패스키 추가',
    adding: '패스키를 기다리는 중…',
    added: '패스키를 추가했어요. 다음부터 로그인 페이지에서 “패스키로 로그인”을 눌러 주세요.',
    addedOn: /^추가한 날: \d{4}\. \d{1,2}\. \d{1,2}\.$/,
    signIn: '패스키로 로그인',
    signingIn: '패스키를 기다리는 중…',
  },
} as const;

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

/**
 * Chromium's virtual authenticator for this page: a platform authenticator that keeps passkeys
 * and verifies the user without a prompt, as a phone's fingerprint reader would.
 */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    /** The passkeys it holds, by relying party. */
    async rpIds(): Promise<string[]> {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.map((credential) => credential.rpId ?? '');
    },
  };
}

/** Waits until the button says `label` while it is busy: the held answer keeps it so. */
async function expectBusy(page: Page, selector: string, label: string): Promise<void> {
  const button = page.locator(selector);
  await eventually(
    () => button.getAttribute('aria-busy'),
    (value) => expect(value).toBe('true'),
  );
  expect((await button.textContent())?.trim()).toBe(label);
}

/**
 * Registers on the site and confirms with the code from the mailbox, as a person does; the verify
 * page then signs the new rider in with ConfirmSignUp's session and goes to the ride page.
 */
async function registerAndConfirm(page: Page, s: Site, email: string, texts: Texts) {
  await openPage(page, new URL('register.html', s.url).href);
  await page.locator('#emailInputRegister').fill(email);
  await page.locator('#passwordInputRegister').fill(PASSWORD);
  await page.locator('#password2InputRegister').fill(PASSWORD);
  await page.getByRole('button', { name: texts.registerSubmit }).click();
  await arriveAt(page, 'verify');
  const code = await s.emulator.nextCode(email, 'sign-up');
  await page.locator('#codeInputVerify').fill(code);
  await page.getByRole('button', { name: texts.verifySubmit }).click();
  await arriveAt(page, 'ride');
  await expectMessage(page, '#greeting', texts.greeting(email));
}

describe('passkeys', () => {
  for (const [language, locale, viewport, size] of [
    ['en', 'en-US', DESKTOP, 'desktop'],
    ['en', 'en-US', PHONE, 'phone'],
    ['ko', 'ko-KR', DESKTOP, 'desktop'],
    ['ko', 'ko-KR', PHONE, 'phone'],
  ] as const) {
    const words = PASSKEYS[language];
    const label = `passkeys-${language}-${size}`;

    it(`registers, adds a passkey, signs out and signs in with it alone (${language}, ${size})`, async () => {
      const s = site();
      const email = newEmail(`passkey-${language}-${size}`);
      const rider = await openRider(browser, s.url, { locale, viewport });
      const { page } = rider;
      try {
        const authenticator = await virtualAuthenticator(page);
        await registerAndConfirm(page, s, email, words.texts);

        await page.getByRole('button', { name: words.texts.account }).click();
        await page.getByRole('button', { name: words.menuItem, exact: true }).click();
        const panel = page.locator('#passkeysPanel');
        await expectMessage(page, '#passkeysStatus', words.empty);
        expect(await violations(page)).toEqual([]);

        // The registration's last step is held, so the busy button is seen however fast the
        // virtual authenticator answers.
        const held = await holdRequests(
          page,
          (request) => cognitoOperation(request) === 'CompleteWebAuthnRegistration',
        );
        await panel.getByRole('button', { name: words.add }).click();
        await held.sent;
        await expectBusy(page, '#passkeysAdd', words.adding);
        held.release();
        await expectMessage(page, '#passkeysMessage', words.added);
        await eventually(
          () => panel.locator('.passkey-name').allTextContents(),
          (names) => expect(names).toEqual(['Passkey 1']),
        );
        expect(await panel.locator('.passkey-date').textContent()).toMatch(words.addedOn);
        expect(await authenticator.rpIds()).toEqual(['localhost']);
        await panel.scrollIntoViewIfNeeded();
        await screenshot(page, `${label}-panel`);
        expect(await violations(page)).toEqual([]);

        await signOut(page, words.texts);
        expect(await page.locator('#emailInputSignin').inputValue()).toBe(email);
        const button = page.getByRole('button', { name: words.signIn });
        await button.waitFor();
        await screenshot(page, `${label}-signin`);
        expect(await violations(page)).toEqual([]);

        const answer = await holdRequests(
          page,
          (request) => cognitoOperation(request) === 'RespondToAuthChallenge',
        );
        await button.click();
        await answer.sent;
        await expectBusy(page, '#passkeySignInButton', words.signingIn);
        answer.release();
        await arriveAt(page, 'ride');
        await expectMessage(page, '#greeting', words.texts.greeting(email));
        expect(rider.seen.cognitoCalls).toEqual(
          expect.arrayContaining([
            'StartWebAuthnRegistration',
            'CompleteWebAuthnRegistration',
            'InitiateAuth',
            'RespondToAuthChallenge',
          ]),
        );
        expectNothingWrong(rider.seen);
      } finally {
        await rider.close();
      }
    });
  }
});
