/**
 * The whole journey by keyboard alone (Tab, Shift+Tab, Enter, Space, arrows and typing) on the
 * production build: every control is reachable in order and shows its focus, the pickup is set on
 * the map with Enter and with the "use map centre" button, and no pointer event ever happens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import {
  arriveAt,
  ENGLISH,
  expectMessage,
  messageOf,
  openPage,
  requestAndWatch,
  storedTokens,
} from './journey.ts';
import { expectNothingWrong, openRider, tabTo } from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';

let browser: Browser;
let built: SiteServer;

beforeAll(async () => {
  [browser, built] = await Promise.all([launchChromium(), previewSite(inject('emulatorBuild'))]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), built?.close()]);
});

/** The map's centre when the ride page opens: downtown Seattle, as the page says it. */
const SEATTLE = 'Pickup point: 47.60620, -122.33210';

/** The id of the element that has the focus. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => document.activeElement?.id ?? '');

describe('the journey by keyboard only', () => {
  it('registers, confirms, signs in, rides twice and signs out without a pointer', async () => {
    const emulator = new EmulatorClient(inject('emulatorUrl'));
    const rider = await openRider(browser, [built.url, emulator.base]);
    const { page, context, seen } = rider;
    const pointerEvents: string[] = [];
    await context.exposeBinding('__reportPointer', (_source, type: unknown) => {
      pointerEvents.push(String(type));
    });
    await context.addInitScript({
      content: `for (const type of ['pointerdown', 'mousedown', 'click']) {
        addEventListener(type, (event) => { if (event.detail > 0 || type !== 'click') window.__reportPointer(type); }, true);
      }`,
    });
    try {
      const email = newEmail('keyboard');
      const type = (text: string) => page.keyboard.type(text);

      await openPage(page, new URL('index.html', built.url).href);
      await tabTo(page, '.skip-link', { max: 1 });
      await tabTo(page, 'a.pill[href="register.html"]');
      await page.keyboard.press('Enter');

      await arriveAt(page, 'register');
      await tabTo(page, '#emailInputRegister');
      await type(email);
      await tabTo(page, '#passwordInputRegister', { max: 1 });
      await type(PASSWORD);
      await tabTo(page, '#password2InputRegister', { max: 1 });
      await type(`${PASSWORD}?`);
      await tabTo(page, '#showPasswordRegister', { max: 1 });
      await page.keyboard.press('Space');
      expect(await page.locator('#passwordInputRegister').getAttribute('type')).toBe('text');
      await tabTo(page, '#registrationForm button[type="submit"]', { max: 1 });
      await page.keyboard.press('Enter');
      // The typo is caught, and the focus goes where it can be fixed.
      await expectMessage(page, '#registrationMessage', ENGLISH.mismatch);
      expect(await focused(page)).toBe('password2InputRegister');
      await screenshot(page, 'keyboard-register-mismatch');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');

      await arriveAt(page, 'verify');
      await expectMessage(page, '#verifyMessage', ENGLISH.codeSent);
      // The page puts the focus on the code; the email above it is filled in already.
      expect(await focused(page)).toBe('codeInputVerify');
      await tabTo(page, '#emailInputVerify', { backwards: true, max: 1 });
      expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
      await tabTo(page, '#codeInputVerify', { max: 1 });
      await type(await emulator.nextCode(email, 'sign-up'));
      await page.keyboard.press('Enter');

      await arriveAt(page, 'signin');
      await expectMessage(page, '#signinMessage', ENGLISH.verified);
      expect(await focused(page)).toBe('passwordInputSignin');
      await type(PASSWORD);
      await page.keyboard.press('Enter');

      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', ENGLISH.greeting(email));
      // First ride: Enter on the map picks its centre; the arrows move the map first.
      await tabTo(page, '#map');
      await page.keyboard.press('Enter');
      expect(await messageOf(page, '#pickupStatus')).toBe(SEATTLE);
      await screenshot(page, 'keyboard-ride-map-focused');
      for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowRight');
      await eventually(
        async () => {
          await page.keyboard.press('Enter');
          return messageOf(page, '#pickupStatus');
        },
        (status) => expect(status).not.toBe(SEATTLE),
      );
      await requestAndWatch(page, ENGLISH, 'keyboard-ride-1', false, async () => {
        await tabTo(page, '#request');
        await page.keyboard.press('Enter');
      });

      // Second ride: the "use map centre" button, then back up to Request Unicorn.
      await tabTo(page, '#pickCentre');
      await page.keyboard.press('Space');
      await expectMessage(page, '#pickupStatus', ENGLISH.pickup);
      await requestAndWatch(page, ENGLISH, 'keyboard-ride-2', false, async () => {
        await tabTo(page, '#request', { backwards: true });
        await page.keyboard.press('Space');
      });
      expect(await page.locator('#updates li').count()).toBe(4);

      await tabTo(page, '#accountLink', { backwards: true, max: 40 });
      await page.keyboard.press('Enter');
      await tabTo(page, '#signOut', { max: 1 });
      await screenshot(page, 'keyboard-ride-account-menu');
      await page.keyboard.press('Enter');
      await arriveAt(page, 'signin');
      expect(await storedTokens(page)).toEqual([]);
      await openPage(page, new URL('ride.html', built.url).href);
      await arriveAt(page, 'signin');

      expect(pointerEvents, 'pointer events').toEqual([]);
      expectNothingWrong(seen);
    } finally {
      await rider.close();
    }
  });
});
