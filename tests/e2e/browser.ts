/**
 * Debian's Chromium driven by playwright-core, and pages that keep a record of everything that
 * went wrong while they loaded. No browser is ever downloaded: `.ci/run` installs the `chromium`
 * package when it is missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { PATIENCE_MS } from './eventually.ts';

/** Where Debian's `chromium` package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots for people to look at; git-ignored. */
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

// Headless without a sandbox (CI runs as root in a container), and none of Chromium's own
// traffic (updates, sync, QUIC probes), so every request a test sees comes from the site.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts Debian's Chromium, or explains how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. Install Debian's Chromium: apt-get update && apt-get install -y chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page with the problems seen so far: uncaught errors, console errors, failed requests. */
export interface WatchedPage {
  readonly page: Page;
  readonly problems: string[];
  close(): Promise<void>;
}

/**
 * Opens a page in a fresh context (its own storage) that records every uncaught error, console
 * error, failed or refused request, and every request that leaves `origin` (those are refused, so
 * a test never depends on the internet).
 */
export async function watchedPage(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  // Every action and wait gets the patience of `eventually`, not Playwright's 30 s default.
  context.setDefaultTimeout(PATIENCE_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '?';
    // Chromium cancels what a page still loads when it navigates away (ride.html sends a
    // signed-out visitor to sign in): not a failure. Missing files show up as HTTP errors below.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:',
    (route) => {
      problems.push(`off-site request: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  return { page, problems, close: () => context.close() };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}
