/**
 * The production build served the way Amplify serves it with customHttp.yml: exactly those
 * response headers, the emulator on the same origin (as `connect-src 'self'` allows), at the root
 * and under a sub-path. The journey works and the browser reports no Content-Security-Policy
 * violation; a page that breaks the policy is reported, so that silence means something.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { amplifyHeaders, EMULATOR_PATH, readCustomHttp } from './hosting.ts';
import {
  arriveAt,
  ENGLISH,
  expectMessage,
  journey,
  openPage,
  pathOf,
  type Site,
} from './journey.ts';
import { expectNothingWrong, openRider } from './rider.ts';
import { PAGES } from './site.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const hosted = (): Site => {
  const url = inject('hostedUrl');
  return { url, emulator: new EmulatorClient(new URL(EMULATOR_PATH, url).href) };
};

describe('customHttp.yml as the browser tests read it', () => {
  it('has the security headers the deployment promises', () => {
    const headers = new Map(amplifyHeaders());
    expect([...headers.keys()]).toEqual([
      'Content-Security-Policy',
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'X-Frame-Options',
      'Permissions-Policy',
    ]);
    const csp = headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/connect-src 'self' https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com /);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
  });

  it('reads plain and quoted values, skips comments, and refuses what it does not know', () => {
    const yaml = [
      '# comment',
      'customHeaders:',
      '  - pattern: "**"',
      '    headers:',
      '      - key: A',
      '        value: "x \'y\' # not a comment"',
      '      - key: B',
      "        value: 'it''s'",
      '      - key: C',
      '        value: plain; text',
    ].join('\n');
    expect(readCustomHttp(yaml)).toEqual([
      {
        pattern: '**',
        headers: [
          ['A', "x 'y' # not a comment"],
          ['B', "it's"],
          ['C', 'plain; text'],
        ],
      },
    ]);
    expect(() => readCustomHttp(`${yaml}\n      - other: thing`)).toThrow(/line 11/);
    expect(() => readCustomHttp(`${yaml}\n      - key: D`)).toThrow(/D has no value/);
  });
});

describe('the build served like Amplify with customHttp.yml', () => {
  it.each([
    ['the root', ''],
    ['a sub-path', 'bucket/'],
  ])('answers every page and asset at %s with exactly those headers', async (_where, prefix) => {
    const base = new URL(prefix, inject('hostedUrl'));
    const expected = amplifyHeaders();
    const page = await fetch(new URL('signin.html', base));
    const assets = [...(await page.text()).matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(assets.length).toBeGreaterThan(1);
    const urls = [...PAGES.map((name) => `${name}.html`), ...assets].map(
      (path) => new URL(path, base).href,
    );
    for (const url of urls) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      const got = expected.map(([name]) => [name, response.headers.get(name)]);
      expect(got, url).toEqual(expected);
    }
  });

  it('goes the whole journey under the policy, with no violation reported', async () => {
    const site = hosted();
    const rider = await openRider(browser, site.url);
    try {
      const served = await openPage(rider.page, new URL('index.html', site.url).href);
      expect(served?.headers()['content-security-policy']).toBe(
        new Map(amplifyHeaders()).get('Content-Security-Policy'),
      );
      await journey(rider.page, site, newEmail('csp'), PASSWORD, {
        texts: ENGLISH,
        label: 'csp-journey',
      });
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  it('loads signin.html under a sub-path, every file from under it, and signs in there', async () => {
    const site = hosted();
    const bucket = inject('hostedSubPath');
    const email = newEmail('bucket');
    await site.emulator.confirmedUser(email);
    const rider = await openRider(browser, site.url);
    const paths: string[] = [];
    rider.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(site.url).origin) paths.push(url.pathname);
    });
    try {
      await openPage(rider.page, new URL('signin.html', bucket).href);
      await screenshot(rider.page, 'csp-bucket-signin');
      expect(await rider.page.locator('#signinForm').isVisible()).toBe(true);
      await rider.page.locator('#emailInputSignin').fill(email);
      await rider.page.locator('#passwordInputSignin').fill(PASSWORD);
      await rider.page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await arriveAt(rider.page, 'ride');
      expect(pathOf(rider.page)).toBe('/bucket/ride.html');
      await expectMessage(rider.page, '#greeting', ENGLISH.greeting(email));
      await screenshot(rider.page, 'csp-bucket-ride');
      const outside = paths.filter((path) => !/^\/(bucket|emulator)\//.test(path));
      expect(outside, 'requests outside /bucket/ and /emulator/').toEqual([]);
      expect(paths.filter((path) => path.startsWith('/bucket/assets/')).length).toBeGreaterThan(0);
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  it('reports what breaks the policy (an inline script, a call to another origin)', async () => {
    const site = hosted();
    const rider = await openRider(browser, [site.url, inject('emulatorUrl')]);
    try {
      await openPage(rider.page, new URL('signin.html', site.url).href);
      await rider.page.addScriptTag({ content: 'window.inlineRan = true;' }).catch(() => {});
      const mailbox = new URL('mailbox', inject('emulatorUrl')).href;
      const answer = await rider.page.evaluate(
        (url) =>
          fetch(url).then(
            () => 'answered',
            () => 'refused',
          ),
        mailbox,
      );
      expect(answer).toBe('refused');
      expect(await rider.page.evaluate(() => 'inlineRan' in window)).toBe(false);
      const violations = await eventually(
        async () => rider.seen.cspViolations,
        (seen) => expect(seen.length).toBeGreaterThanOrEqual(2),
      );
      expect(violations.join('\n')).toMatch(/script-src/);
      expect(violations.join('\n')).toContain(`connect-src blocked ${mailbox}`);
    } finally {
      await rider.close();
    }
  });
});
