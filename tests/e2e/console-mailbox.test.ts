/**
 * The console's mailbox in Chromium on `npm run dev`'s server: a person signs up on the site,
 * follows the verify page's hint to the mailbox, finds the code, copies it, follows the link back
 * to the verify page and confirms; new mail appears without a reload; the keyboard alone does it;
 * axe finds nothing on the console's pages in English or Korean. Screenshots in test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot, type WatchedPage, watchedPage } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { arriveAt, ENGLISH, expectMessage, openPage, PATIENCE } from './journey.ts';
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

/** A page on the dev server's origin, watched for errors, the clipboard usable. */
function openBrowser(locale = 'en-US', viewport = { width: 1280, height: 800 }) {
  return watchedPage(browser, new URL(dev.url).origin, {
    locale,
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/** The console's page at `path` (below /emulator/), loaded with its script. */
async function openConsole(page: Page, path: string): Promise<void> {
  await page.goto(new URL(`emulator/${path}`, dev.url).href, PATIENCE);
  // The script shows the copy buttons; a page without mail has none, so wait for the script.
  await page.waitForFunction(() => document.readyState === 'complete', undefined, PATIENCE);
}

/** The mail item for an address and purpose, as the person sees it. */
function mailFor(page: Page, email: string, purpose = 'Sign-up code') {
  return page.getByRole('listitem').filter({ hasText: email }).filter({ hasText: purpose });
}

function expectNoProblems(watched: WatchedPage): void {
  expect(watched.problems).toEqual([]);
}

describe.concurrent('the console’s mailbox', () => {
  it('takes a new rider from sign-up to a confirmed email through the mailbox', async () => {
    const watched = await openBrowser();
    const { page } = watched;
    try {
      const email = newEmail('console');
      await openPage(page, new URL('register.html', dev.url).href);
      await page.locator('#emailInputRegister').fill(email);
      await page.locator('#passwordInputRegister').fill(PASSWORD);
      await page.locator('#password2InputRegister').fill(PASSWORD);
      await page.locator('#registrationForm').getByRole('button').click();
      await arriveAt(page, 'verify');

      const hint = page.locator('#devHint').getByRole('link', { name: 'Open the mailbox' });
      const mailbox = (await hint.getAttribute('href')) ?? '';
      expect(new URL(mailbox, page.url()).href).toBe(
        `${dev.url}emulator/mailbox?${new URLSearchParams({ to: email })}`,
      );
      await page.goto(new URL(mailbox, page.url()).href, PATIENCE);
      await expectMessage(page, 'h1', 'Mailbox');
      const mail = mailFor(page, email);
      await mail.getByRole('button', { name: 'Copy' }).click();
      const code = (await emulator.codes(email, 'sign-up')).at(-1) ?? '';
      await expectMessage(page, '#live', `Copied: ${code}`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(await mail.locator('.code').textContent()).toContain(code);
      await screenshot(page, 'console-mailbox-filtered-en');

      await mail.getByRole('link', { name: 'Open the verify page' }).click();
      const params = await arriveAt(page, 'verify');
      expect(params.get('email')).toBe(email);
      await page.locator('#codeInputVerify').fill(code);
      // The ride page's map asks OpenStreetMap for tiles: a blank one each, nothing off-site.
      await page.route('https://tile.openstreetmap.org/**', (route) =>
        route.fulfill({
          contentType: 'image/svg+xml',
          body: '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"/>',
        }),
      );
      await page.locator('#verifyForm').getByRole('button', { name: ENGLISH.verifySubmit }).click();
      // The same tab registered a moment ago, so the confirmation signs the rider straight in.
      await arriveAt(page, 'ride');
      await expectMessage(page, '#greeting', ENGLISH.greeting(email));
      expectNoProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('shows new mail without a reload, and says it arrived', async () => {
    const watched = await openBrowser();
    const { page } = watched;
    try {
      const email = newEmail('arrives');
      await openConsole(page, 'mailbox');
      // Gone if the page loads again: new mail must come in without a reload.
      await page.evaluate(() => {
        (window as unknown as { stayed: boolean }).stayed = true;
      });
      await emulator.unconfirmedUser(email);
      const mail = mailFor(page, email);
      await eventually(
        () => mail.count(),
        (count) => expect(count).toBe(1),
      );
      await expectMessage(page, '#live', /^New mail: \d+\.$/);
      const code = (await emulator.codes(email, 'sign-up')).at(-1) ?? '';
      expect(await mail.locator('.code').textContent()).toContain(code);
      expect(await mail.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
        true,
      );
      expectNoProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('works from the keyboard alone: skip link, filter, copy', async () => {
    const watched = await openBrowser();
    const { page } = watched;
    try {
      const email = newEmail('keys');
      await emulator.unconfirmedUser(email);
      await openConsole(page, 'mailbox');
      await page.keyboard.press('Tab');
      await eventually(
        () => page.evaluate(() => document.activeElement?.textContent),
        (text) => expect(text).toBe('Skip to content'),
      );
      await page.keyboard.press('Enter');
      await eventually(
        () => page.evaluate(() => document.activeElement?.id),
        (id) => expect(id).toBe('main'),
      );
      // From the top of the content, Tab reaches the filter's address field.
      await page.keyboard.press('Tab');
      await eventually(
        () => page.evaluate(() => document.activeElement?.getAttribute('name')),
        (name) => expect(name).toBe('to'),
      );
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('to') === email, PATIENCE);
      await expectMessage(page, '#mail-count', `1 message to ${email}`);
      const copy = mailFor(page, email).getByRole('button', { name: 'Copy' });
      await copy.focus();
      await page.keyboard.press('Enter');
      const code = (await emulator.codes(email, 'sign-up')).at(-1) ?? '';
      await expectMessage(page, '#live', `Copied: ${code}`);
      expectNoProblems(watched);
    } finally {
      await watched.close();
    }
  });
});

describe.concurrent('the console’s pages in both languages', () => {
  const LANGUAGES = [
    ['English', 'en-US', 'en'],
    ['Korean', 'ko-KR', 'ko'],
  ] as const;
  const VIEWPORTS = [
    ['wide', { width: 1280, height: 800 }],
    ['narrow', { width: 360, height: 740 }],
  ] as const;

  for (const [language, locale, lang] of LANGUAGES) {
    it(`have no axe violations in ${language}, at 1280 and 360 px`, async () => {
      const email = newEmail(`axe-${lang}`);
      await emulator.unconfirmedUser(email);
      for (const [width, viewport] of VIEWPORTS) {
        const watched = await openBrowser(locale, viewport);
        const { page } = watched;
        try {
          for (const [name, path] of [
            ['mailbox', `mailbox?${new URLSearchParams({ to: email })}`],
            ['mailbox-empty', 'mailbox?to=nobody%40example.com'],
            ['pool', 'pool'],
          ] as const) {
            await openConsole(page, path);
            expect(await page.locator('html').getAttribute('lang')).toBe(lang);
            expect(await violations(page), `${name} in ${language}, ${width}`).toEqual([]);
            // Nothing sticks out sideways on a phone.
            expect(
              await page.evaluate(() => document.documentElement.scrollWidth),
              `${name} width`,
            ).toBeLessThanOrEqual(viewport.width);
            await screenshot(page, `console-${name}-${lang}-${width}`);
          }
          expectNoProblems(watched);
        } finally {
          await watched.close();
        }
      }
    });
  }

  it('answers an unknown console page with a 404 page axe finds nothing wrong with', async () => {
    const watched = await openBrowser();
    const { page } = watched;
    try {
      const response = await page.goto(new URL('emulator/nowhere', dev.url).href, PATIENCE);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await violations(page)).toEqual([]);
      // The page's own 404, as Chromium reports it twice; nothing else went wrong.
      expect(watched.problems).toEqual([
        `HTTP 404: ${dev.url}emulator/nowhere`,
        'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
      ]);
    } finally {
      await watched.close();
    }
  });
});
