/**
 * Smoke check of the production build in Chromium: every page loads with no uncaught error (this
 * is what catches a bundled library reading Node's `global`), at the root and under a sub-path,
 * and a build made before any user pool exists says so on the auth pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, type WatchedPage, watchedPage } from './browser.ts';
import { openAndArriveAt, openPage } from './journey.ts';
import {
  PAGES,
  type PageName,
  previewSite,
  ROOT,
  type SiteServer,
  serveUnderSubPath,
} from './site.ts';

const build = inject('unconfiguredBuild');
const AUTH_PAGES = ['register', 'verify', 'signin'] as const satisfies readonly PageName[];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };

let browser: Browser;
let root: SiteServer;
let bucket: SiteServer;

beforeAll(async () => {
  [browser, root, bucket] = await Promise.all([
    launchChromium(),
    previewSite(build),
    serveUnderSubPath(build, '/bucket/'),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), root?.close(), bucket?.close()]);
});

/**
 * Opens a page of `server` and waits until it is ready (the ride page of a signed-out visitor
 * moves on to sign in first). A page that broke and never got ready is one more problem: the
 * test then reports what broke it beside the wait that gave up.
 */
async function open(
  server: SiteServer,
  name: PageName,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const watched = await watchedPage(browser, new URL(server.url).origin, {
    locale: 'en-US',
    ...options,
  });
  const url = new URL(`${name}.html`, server.url).href;
  try {
    if (name === 'ride') await openAndArriveAt(watched.page, url, 'signin');
    else await openPage(watched.page, url);
  } catch (error) {
    watched.problems.push(`never ready: ${error instanceof Error ? error.message : String(error)}`);
  }
  return watched;
}

/** Every text file of the build, by path relative to the build folder. */
function builtFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(build, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|css|svg)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(build.length + 1), readFileSync(path, 'utf8'));
  }
  return files;
}

describe.concurrent.each([
  ['vite preview', 'root', () => root],
  ['a sub-path, as an S3 bucket serves it', 'bucket', () => bucket],
])('the production build served by %s', (_how, label, server) => {
  it.each(PAGES)(
    'loads %s.html with no uncaught error, console error or missing file',
    async (name) => {
      const { page, problems, close } = await open(server(), name);
      try {
        await screenshot(page, `${label}-${name}`);
        expect(problems).toEqual([]);
        expect(await page.locator('h1').first().isVisible()).toBe(true);
      } finally {
        await close();
      }
    },
  );
});

describe.concurrent('the production build without a Cognito configuration', () => {
  it.each(AUTH_PAGES)(
    'says on %s.html that no Cognito user pool is configured, and what to set',
    async (name) => {
      const { page, problems, close } = await open(root, name);
      try {
        expect(problems).toEqual([]);
        const notice = page.locator('#configNotice');
        // The page is ready: its part of the message table has loaded, the notice is up.
        expect(await notice.isVisible()).toBe(true);
        const text = await notice.textContent();
        expect(text).toContain('No Cognito user pool is configured');
        expect(text).toContain('VITE_COGNITO_USER_POOL_ID');
        expect(await page.locator('form input[type="email"]').first().isEnabled()).toBe(true);
      } finally {
        await close();
      }
    },
  );

  it.each(AUTH_PAGES)('says it in Korean on %s.html for a Korean browser', async (name) => {
    const { page, problems, close } = await open(root, name, { locale: 'ko-KR' });
    try {
      await screenshot(page, `ko-${name}`);
      expect(problems).toEqual([]);
      expect(await page.locator('#configNotice').isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      expect(await page.locator('#configNotice').textContent()).toContain(
        'Cognito 사용자 풀이 설정되지 않았어요',
      );
    } finally {
      await close();
    }
  });

  it('sends a signed-out visitor of ride.html to sign in', async () => {
    const { page, problems, close } = await open(root, 'ride');
    try {
      expect(problems).toEqual([]);
      expect(new URL(page.url()).pathname).toBe('/signin.html');
      expect(await page.locator('#signinForm').isVisible()).toBe(true);
    } finally {
      await close();
    }
  });

  it.each(PAGES)('fits %s.html on a 360 px wide phone without sideways scrolling', async (name) => {
    const { page, problems, close } = await open(root, name, PHONE);
    try {
      await screenshot(page, `phone-${name}`);
      expect(problems).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    } finally {
      await close();
    }
  });
});

describe('the build output', () => {
  it('has the five pages, every asset URL in them relative', () => {
    const files = builtFiles();
    for (const name of PAGES) {
      const html = files.get(`${name}.html`);
      expect(html, `${name}.html`).toBeDefined();
      const urls = [...(html ?? '').matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((url) => url.startsWith('/'))).toEqual([]);
    }
  });

  it("does the library's SRP math on native BigInt: the shim is in, jsbn is out", () => {
    const jsbnOnly = 'Only radix 2, 4, 8, 16, 32 are supported';
    const jsbn = readFileSync(
      resolve(ROOT, 'node_modules/amazon-cognito-identity-js/es/BigInteger.js'),
      'utf8',
    );
    const bundle = [...builtFiles().values()].join('\n');
    expect(jsbn).toContain(jsbnOnly);
    expect(bundle.includes(jsbnOnly)).toBe(false);
    expect(bundle).toContain('BigInteger: only radix 16 is supported');
  });

  it('contains no emulator code', () => {
    // Strings that only the emulator has; minifying keeps string literals as they are.
    const emulatorOnly = [
      'UnknownOperationException',
      'Too many sign-ins in progress',
      'Bucephalus',
      // The console's: its banner, its CSP, its script's polling feed.
      'not AWS, local only',
      "frame-ancestors 'none'; base-uri 'none'",
      'data-mailbox-feed',
    ];
    const emulatorSource = [
      'core/emulator.ts',
      'ride-api/unicorn-dispatch.ts',
      'console/layout.ts',
      'console/index.ts',
      'console/client.ts',
    ]
      .map((file) => readFileSync(resolve(ROOT, 'emulator', file), 'utf8'))
      .join('\n');
    const bundle = [...builtFiles().values()].join('\n');
    expect(bundle).toContain('No Cognito user pool is configured');
    for (const needle of emulatorOnly) {
      expect(emulatorSource).toContain(needle);
      expect(bundle.includes(needle), needle).toBe(false);
    }
  });
});
