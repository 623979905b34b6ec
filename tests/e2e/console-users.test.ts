/**
 * The console's Users and Groups pages in Chromium, on `npm run dev`'s server (the console at
 * `/emulator/`, the site beside it): confirming a user by hand who then signs in on the site,
 * disabling one whom the site then refuses, a group whose name arrives in the member's next ID
 * token, the whole of a deletion by keyboard, and axe on every page in English and Korean.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { openPage, PATIENCE, type Site, signIn } from './journey.ts';
import { expectNothingWrong, openRider, type Rider, tabTo } from './rider.ts';
import { type SiteServer, startDevServer } from './site.ts';

let browser: Browser;
let dev: SiteServer;
let site: Site;
const riders: Rider[] = [];

beforeAll(async () => {
  [browser, dev] = await Promise.all([launchChromium(), startDevServer()]);
  site = { url: dev.url, emulator: new EmulatorClient(new URL('emulator/', dev.url).href) };
});

afterAll(async () => {
  await Promise.all(riders.map((rider) => rider.close()));
  await Promise.all([browser?.close(), dev?.close()]);
});

async function rider(options: Parameters<typeof openRider>[2] = {}): Promise<Rider> {
  const opened = await openRider(browser, dev.url, options);
  riders.push(opened);
  return opened;
}

/** The console's page at `path` (below `/emulator/`), loaded. */
async function openConsole(page: Page, path: string): Promise<void> {
  const response = await page.goto(new URL(`emulator/${path}`, dev.url).href, PATIENCE);
  expect(response?.status(), path).toBe(200);
}

/** Finds `email` with the Users page's search and opens their page from the table. */
async function openUser(page: Page, email: string): Promise<void> {
  await openConsole(page, 'users');
  await page.getByLabel('Value').fill(email);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/[?&]q=/, PATIENCE);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect.poll(() => row.count(), PATIENCE).toBe(1);
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'User' }).waitFor(PATIENCE);
}

async function notice(page: Page): Promise<string> {
  return (await page.locator('main > .notice').textContent(PATIENCE))?.trim() ?? '';
}

/** The claims of the ID token the site's library keeps after signing in. */
async function idTokenClaims(page: Page): Promise<Record<string, unknown>> {
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.endsWith('.idToken'));
    return key === undefined ? null : localStorage.getItem(key);
  });
  if (token === null) throw new Error('the browser holds no ID token');
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

describe('the Users page in the browser', () => {
  it('confirms a second, unconfirmed user by hand, who can then sign in on the site', async () => {
    const email = newEmail('by-hand');
    await site.emulator.unconfirmedUser(email);
    const { page, seen } = await rider();
    await openUser(page, email);
    expect(await page.locator('.facts dd').nth(2).textContent()).toBe('UNCONFIRMED');

    await page.getByRole('button', { name: 'Confirm user' }).click();
    await page.waitForURL(/done=confirmed/, PATIENCE);
    expect(await notice(page)).toBe(`Confirmed ${email}.`);
    expect(await page.locator('.facts dd').nth(2).textContent()).toBe('CONFIRMED');
    expect(await page.getByRole('button', { name: 'Confirm user' }).count()).toBe(0);

    await signIn(page, site, email, PASSWORD);
    expectNothingWrong(seen);
  });

  it('disables a user after asking, and the site then refuses them', async () => {
    const email = newEmail('disabled');
    await site.emulator.confirmedUser(email);
    const { page, seen } = await rider();
    await openUser(page, email);
    await page.getByRole('link', { name: 'Disable user' }).click();
    await page.getByText(`Disable ${email}?`).waitFor(PATIENCE);
    await page.getByRole('button', { name: 'Disable user' }).click();
    await page.waitForURL(/done=disabled/, PATIENCE);
    expect(await notice(page)).toBe(`Disabled ${email}.`);

    await openPage(page, new URL('signin.html', site.url).href);
    await page.locator('#emailInputSignin').fill(email);
    await page.locator('#passwordInputSignin').fill(PASSWORD);
    await page.locator('#signinForm').getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This account has been disabled.').waitFor(PATIENCE);
    expect(new URL(page.url()).pathname).toBe('/signin.html');
    expectNothingWrong(seen, [/^400 POST \/emulator\/ (InitiateAuth|RespondToAuthChallenge)$/]);
  });

  it('creates a group, adds a user, and their next ID token names it in cognito:groups', async () => {
    const email = newEmail('grouped');
    const group = `riders-${email.split('@')[0]}`;
    await site.emulator.confirmedUser(email);
    const { page, seen } = await rider();
    await openConsole(page, 'groups');
    await page.getByLabel('Name').fill(group);
    await page.getByLabel('Description').fill('Riders who share a stable');
    await page.getByLabel('Precedence').fill('3');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/done=created/, PATIENCE);
    expect(await notice(page)).toBe(`Created the group ${group}.`);

    await openUser(page, email);
    await page.locator('#add-group').selectOption(group);
    await page.getByRole('button', { name: 'Add to group' }).click();
    await page.waitForURL(/done=added/, PATIENCE);
    expect(await notice(page)).toBe(`Added ${email} to ${group}.`);

    await signIn(page, site, email, PASSWORD);
    const claims = await eventually(
      () => idTokenClaims(page),
      (found) => expect(found['cognito:groups']).toEqual([group]),
    );
    expect(claims.email).toBe(email);
    expectNothingWrong(seen);
  });

  it('deletes a user with the keyboard alone: search, open, ask, confirm', async () => {
    const email = newEmail('keyboard');
    await site.emulator.unconfirmedUser(email);
    const { page, seen } = await rider();
    await openConsole(page, 'users');
    await tabTo(page, '#search-value', { max: 40 });
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]q=/, PATIENCE);
    await tabTo(page, 'tbody a', { max: 40 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'User' }).waitFor(PATIENCE);
    await tabTo(page, 'a[href$="/delete"]', { max: 60 });
    await page.keyboard.press('Enter');
    await page.getByText(`Delete ${email}? This cannot be undone.`).waitFor(PATIENCE);
    await tabTo(page, 'form button', { max: 40 });
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=deleted/, PATIENCE);
    expect(await notice(page)).toBe(`Deleted ${email}.`);
    await openConsole(page, `users?attr=email&match=exact&q=${encodeURIComponent(email)}`);
    expect(await page.locator('.empty').textContent()).toBe(`No users match email = "${email}".`);
    expectNothingWrong(seen);
  });
});

describe.each([
  ['English', 'en-US', 'en'],
  ['Korean', 'ko-KR', 'ko'],
] as const)('the Users and Groups pages in %s', (_language, locale, lang) => {
  it('have no axe violations, at 1280 and 360 px, and are saved as screenshots', async () => {
    const email = newEmail(`axe-${lang}`);
    const group = `stable-${lang}-${email.split('@')[0]}`;
    await site.emulator.confirmedUser(email);
    const other = newEmail(`axe-${lang}-waiting`);
    await site.emulator.unconfirmedUser(other);
    const created = await site.emulator.call('CreateGroup', {
      UserPoolId: 'local_WildRydes',
      GroupName: group,
      Description: 'Unicorns kept together',
      Precedence: 1,
    });
    expect(created.Group).toBeDefined();
    const users = await site.emulator.call('ListUsers', {
      UserPoolId: 'local_WildRydes',
      Filter: `email = "${email}"`,
    });
    const found: unknown = Array.isArray(users.Users) ? users.Users[0] : undefined;
    const username =
      typeof found === 'object' && found !== null && 'Username' in found
        ? String(found.Username)
        : '';
    expect(username).not.toBe('');
    await site.emulator.call('AdminAddUserToGroup', {
      UserPoolId: 'local_WildRydes',
      Username: username,
      GroupName: group,
    });
    const user = encodeURIComponent(username);
    const pages = [
      ['users', 'users'],
      ['users-search', `users?attr=email&q=${encodeURIComponent(`axe-${lang}`)}`],
      ['user', `users/${user}`],
      ['user-delete', `users/${user}/delete`],
      ['user-password', `users/${user}/password`],
      ['groups', 'groups'],
      ['group', `groups/${encodeURIComponent(group)}`],
    ] as const;
    for (const [width, height] of [
      [1280, 800],
      [360, 740],
    ] as const) {
      const { page, seen } = await rider({ locale, viewport: { width, height } });
      for (const [name, path] of pages) {
        await openConsole(page, path);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await violations(page), `${name} in ${locale} at ${width} px`).toEqual([]);
        await screenshot(page, `console-${name}-${lang}-${width}`);
      }
      // A refusal at its field: a weak password, kept as typed.
      await openConsole(page, `users/${user}/password`);
      await page.locator('#new-password').fill('short');
      await page.locator('form.password-form button[type="submit"]').click();
      await page.locator('#new-password-error').waitFor(PATIENCE);
      expect(await page.locator('#new-password').inputValue()).toBe('short');
      expect(await violations(page), `refused password in ${locale} at ${width} px`).toEqual([]);
      await screenshot(page, `console-user-password-refused-${lang}-${width}`);
      expectNothingWrong(seen, [/^400 POST \/emulator\/users\/[^ ]+\/password$/]);
    }
  });
});
