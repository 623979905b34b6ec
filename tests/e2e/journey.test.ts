/**
 * The whole journey in Chromium, on `npm run dev`'s server (emulator mounted on the same origin)
 * and on a production build served by `vite preview` and configured to the standalone emulator
 * (another origin: CORS), in English and, through the language switch, in Korean.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { ENGLISH, journey, KOREAN, type Site } from './journey.ts';
import { expectNothingWrong, openRider } from './rider.ts';
import { previewSite, type SiteServer, startDevServer } from './site.ts';

let browser: Browser;
let dev: SiteServer;
let preview: SiteServer;

beforeAll(async () => {
  [browser, dev, preview] = await Promise.all([
    launchChromium(),
    startDevServer(),
    previewSite(inject('emulatorBuild')),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), dev?.close(), preview?.close()]);
});

const devSite = (): Site => ({ url: dev.url, emulator: new EmulatorClient(`${dev.url}emulator/`) });
const builtSite = (): Site => ({
  url: preview.url,
  emulator: new EmulatorClient(inject('emulatorUrl')),
});

describe.concurrent('the rider’s journey', () => {
  it('goes from registering to a unicorn and out again on the dev server, the unicorn travelling', async () => {
    const site = devSite();
    const rider = await openRider(browser, site.url, { reducedMotion: 'no-preference' });
    try {
      const email = newEmail('dev');
      await journey(rider.page, site, email, PASSWORD, {
        texts: ENGLISH,
        label: 'journey-dev',
        watchTheTrip: true,
      });
      expect(rider.seen.cognitoCalls).toEqual([
        'SignUp',
        'ConfirmSignUp',
        // USER_AUTH with ConfirmSignUp's Session: signed in without the password.
        'InitiateAuth',
        'RevokeToken',
        // Then signed in again with the password (SRP).
        'InitiateAuth',
        'RespondToAuthChallenge',
        'RevokeToken',
      ]);
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  it('goes from registering to a unicorn and out again on the production build, against the standalone emulator', async () => {
    const site = builtSite();
    const rider = await openRider(browser, [site.url, site.emulator.base]);
    try {
      const email = newEmail('built');
      await journey(rider.page, site, email, PASSWORD, { texts: ENGLISH, label: 'journey-built' });
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });

  it('goes the whole way in Korean after the language switch on the landing page', async () => {
    const site = builtSite();
    const rider = await openRider(browser, [site.url, site.emulator.base]);
    try {
      const email = newEmail('korean');
      await journey(rider.page, site, email, PASSWORD, {
        texts: KOREAN,
        label: 'journey-ko',
        toggleLanguage: true,
      });
      expectNothingWrong(rider.seen);
    } finally {
      await rider.close();
    }
  });
});
