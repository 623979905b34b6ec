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
  openAndArriveAt,
  openPage,
  pickupOf,
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
const SEATTLE = 'Pickup point: Downtown Seattle (47.60620, -122.33210)';

/** Leaflet's keyboard pan step (`keyboardPanDelta`), in CSS pixels. */
const PAN_STEP = 80;

/**
 * Where the map's panes sit, in pixels, once no pan is under way. Leaflet animates an arrow
 * key's pan and ignores arrow keys until it is over, so the test waits for each pan's end.
 */
const restingPane = (page: Page): Promise<{ x: number; y: number } | 'moving'> =>
  page.locator('.leaflet-map-pane').evaluate((pane) => {
    if (pane.classList.contains('leaflet-pan-anim')) return 'moving';
    const { e, f } = new DOMMatrixReadOnly(getComputedStyle(pane).transform);
    return { x: e, y: f };
  });

/** The id of the element that has the focus. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => document.activeElement?.id ?? '');

describe('the journey by keyboard only', () => {
  it('registers, confirms (signed straight in), rides twice and signs out without a pointer', async () => {
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
      await expectMessage(page, '#password2InputRegisterError', ENGLISH.mismatch);
      expect(await focused(page)).toBe('password2InputRegister');
      await screenshot(page, 'keyboard-register-mismatch');
      await page.keyboard.press('Backspace');
      // Corrected, the error goes at once and the match is announced.
      expect(await page.locator('#password2InputRegisterError').isHidden()).toBe(true);
      await expectMessage(page, '#passwordMatchRegister', 'The passwords match.');
      await page.keyboard.press('Enter');

      await arriveAt(page, 'verify');
      await expectMessage(page, '#codeSentVerify', ENGLISH.codeSent(email));
      // The page puts the focus on the code; the email above it is filled in already.
      expect(await focused(page)).toBe('codeInputVerify');
      await tabTo(page, '#emailInputVerify', { backwards: true, max: 1 });
      expect(await page.locator('#emailInputVerify').inputValue()).toBe(email);
      await tabTo(page, '#codeInputVerify', { max: 1 });
      await type(await emulator.nextCode(email, 'sign-up'));
      await page.keyboard.press('Enter');

      // Confirmed in the tab that registered: signed straight in, no password typed again.
      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', ENGLISH.greeting(email));
      // First ride: Enter on the map picks its centre; the arrows move the map first.
      await tabTo(page, '#map');
      await page.keyboard.press('Enter');
      expect(await pickupOf(page)).toBe(SEATTLE);
      await screenshot(page, 'keyboard-ride-map-focused');
      expect(await restingPane(page)).toEqual({ x: 0, y: 0 });
      for (let step = 1; step <= 3; step += 1) {
        await page.keyboard.press('ArrowRight');
        await eventually(
          () => restingPane(page),
          (pane) => expect(pane).toEqual({ x: -step * PAN_STEP, y: 0 }),
        );
      }
      await page.keyboard.press('Enter');
      const moved = await eventually(
        async () => ENGLISH.pickup.exec(await pickupOf(page)),
        (pickup) => expect(pickup?.[0]).not.toBe(SEATTLE),
      );
      // 240 px east at zoom 13 (360° over 256 · 2¹³ px) is 0.0412° of longitude; the latitude
      // stays. Within a pixel: the map's centre may sit half a pixel off a whole one.
      expect(Number(moved?.[1])).toBeCloseTo(47.6062, 3);
      expect(Number(moved?.[2]) - -122.3321).toBeCloseTo((3 * PAN_STEP * 360) / (256 * 2 ** 13), 3);
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
      expect(await page.locator('#updates li').count(), 'two rides, two updates each').toBe(4);

      await tabTo(page, '#accountLink', { backwards: true, max: 40 });
      await page.keyboard.press('Enter');
      await tabTo(page, '#signOut', { max: 1 });
      await screenshot(page, 'keyboard-ride-account-menu');
      await page.keyboard.press('Enter');
      await arriveAt(page, 'signin');
      expect(await storedTokens(page)).toEqual([]);
      await openAndArriveAt(page, new URL('ride.html', built.url).href, 'signin');

      expect(pointerEvents, 'pointer events').toEqual([]);
      expectNothingWrong(seen);
    } finally {
      await rider.close();
    }
  });
});
