/**
 * Page speed in Chromium against `vite preview` of the production build, configured to the
 * standalone emulator: first contentful paint of signin.html, and the time from submitting the
 * sign-in form to ride.html greeting the rider, cold (a fresh context) and warm (signing in again
 * in one context), medians of several runs.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Plugin } from 'vite';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../emulator/core/config.ts';
import { createNodeEmulator } from '../emulator/node/node-emulator.ts';
import { startServer } from '../emulator/node/server.ts';
import { launchChromium } from '../tests/e2e/browser.ts';
import { buildSite, previewSite } from '../tests/e2e/site.ts';
import { cognitoCaller, createConfirmedUser } from './srp-client.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export interface PageSpeed {
  runs: number;
  firstPaintMs: number;
  /** Submit → ride.html greets the rider, in a fresh context each time (nothing cached). */
  coldMs: number;
  /** The same, signing in again in one context (the browser's caches warm), median. */
  warmMs: number;
  /** Of the warm figure: submit → ride.html's navigation starts (SRP and its two requests). */
  warmSignInMs: number;
  /** Of the warm figure: ride.html's navigation start → the greeting. */
  warmRidePageMs: number;
}

// Clock readings taken in the pages themselves (performance.timeOrigin + now(), comparable across
// documents), so the figures hold neither Playwright's click machinery nor its polling.
const STOPWATCH = `
  document.addEventListener('submit', () => {
    localStorage.setItem('bench.submitted', String(performance.timeOrigin + performance.now()));
  }, true);
  new MutationObserver((_, observer) => {
    const account = document.querySelector('#account');
    if (account && !account.hidden) {
      localStorage.setItem('bench.greeted', String(performance.timeOrigin + performance.now()));
      localStorage.setItem('bench.rideStarted', String(performance.timeOrigin));
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

/** Signs in on signin.html and waits for the ride page's greeting; returns the in-page times. */
async function signIn(page: Page, siteUrl: string, email: string, password: string) {
  await page.goto(`${siteUrl}signin.html?email=${encodeURIComponent(email)}`);
  const paint = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.fill('#passwordInputSignin', password);
  await page.click('#signinForm button[type=submit]');
  await page.waitForURL(/ride\.html/, { timeout: 30_000 });
  await page.waitForSelector('#account:not([hidden])', { timeout: 30_000 });
  const read = (key: string) => page.evaluate((name) => Number(localStorage.getItem(name)), key);
  const [submitted, rideStarted, greeted] = [
    await read('bench.submitted'),
    await read('bench.rideStarted'),
    await read('bench.greeted'),
  ];
  // Signed out again for the next run, as the ride page's "Sign out" leaves it.
  await page.evaluate(() => localStorage.clear());
  return {
    paint,
    total: greeted - submitted,
    signIn: rideStarted - submitted,
    ridePage: greeted - rideStarted,
  };
}

/**
 * Measures `runs` sign-ins of the site built with `plugins` added to its configuration: each in a
 * fresh browser context (a first visit, nothing cached), then `runs` more in one context.
 */
export async function measurePageSpeed(runs: number, plugins: Plugin[] = []): Promise<PageSpeed> {
  const emulator = await startServer(await createNodeEmulator(), { port: 0 });
  const outDir = mkdtempSync(join(tmpdir(), 'wildrydes-speed-'));
  const browser = await launchChromium();
  try {
    await buildSite(
      outDir,
      {
        VITE_COGNITO_USER_POOL_ID: DEFAULT_POOL_ID,
        VITE_COGNITO_USER_POOL_CLIENT_ID: DEFAULT_CLIENT_ID,
        VITE_COGNITO_ENDPOINT: emulator.url,
        VITE_API_INVOKE_URL: emulator.url,
      },
      plugins,
    );
    const site = await previewSite(outDir);
    const email = 'speed@bench.test';
    const password = 'Bench-Passw0rd!';
    await createConfirmedUser(cognitoCaller(emulator.url), email, password);
    try {
      const cold: Awaited<ReturnType<typeof signIn>>[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ locale: 'en-US' });
        await context.addInitScript(STOPWATCH);
        cold.push(await signIn(await context.newPage(), site.url, email, password));
        await context.close();
      }
      const context = await browser.newContext({ locale: 'en-US' });
      await context.addInitScript(STOPWATCH);
      const page = await context.newPage();
      // The first sign-in of this context fills its caches; the warm figures are the ones after.
      await signIn(page, site.url, email, password);
      const warm: Awaited<ReturnType<typeof signIn>>[] = [];
      for (let run = 0; run < runs; run++) warm.push(await signIn(page, site.url, email, password));
      await context.close();
      return {
        runs,
        firstPaintMs: median(cold.map((run) => run.paint)),
        coldMs: median(cold.map((run) => run.total)),
        warmMs: median(warm.map((run) => run.total)),
        warmSignInMs: median(warm.map((run) => run.signIn)),
        warmRidePageMs: median(warm.map((run) => run.ridePage)),
      };
    } finally {
      await site.close();
    }
  } finally {
    await browser.close();
    await emulator.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
