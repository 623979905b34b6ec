/**
 * Page speed in Chromium against `vite preview` of the production build, configured to the
 * standalone emulator: first contentful paint of signin.html, and the time from clicking
 * "Sign in" to ride.html greeting the rider, median of several runs.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  signInToRideMs: number;
  signInToRideColdMs: number;
}

/**
 * Measures `runs` visits, each in a fresh browser context (a first visit, cold caches), of the
 * site built with `plugins` added to its configuration.
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
    const call = cognitoCaller(emulator.url);
    const email = 'speed@bench.test';
    const password = 'Bench-Passw0rd!';
    await createConfirmedUser(call, email, password);
    const paints: number[] = [];
    const signIns: number[] = [];
    try {
      for (let run = 0; run <= runs; run++) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(`${site.url}signin.html?email=${encodeURIComponent(email)}`);
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
        const started = Date.now();
        await page.click('#signinForm button[type=submit]');
        await page.waitForURL(/ride\.html/, { timeout: 30_000 });
        await page.waitForSelector('#account:not([hidden])', { timeout: 30_000 });
        signIns.push(Date.now() - started);
        paints.push(paint);
        await context.close();
      }
    } finally {
      await site.close();
    }
    const [coldSignIn = Number.NaN, ...warm] = signIns;
    return {
      runs,
      firstPaintMs: median(paints.slice(1)),
      signInToRideMs: median(warm),
      signInToRideColdMs: coldSignIn,
    };
  } finally {
    await browser.close();
    await emulator.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
