/**
 * axe-core on every page in English and Korean, and on the states a person meets on the way (an
 * error under the register form, the password reset, the ride page signed in with a ride done or
 * just complete, its map without tiles, its account menu open, its two-step sign-in panel with the
 * QR code, the code step after the password, the session notices of the landing and sign-in
 * pages, the notices of a build without the API or without a pool): no violation of any rule axe
 * runs by default (WCAG 2.x A and AA, and its best practices).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { violations } from './axe.ts';
import { launchChromium, screenshot } from './browser.ts';
import { EmulatorClient, newEmail, PASSWORD } from './emulator-client.ts';
import { eventually } from './eventually.ts';
import { ENGLISH, expectMessage, KOREAN, openPage, requestAndWatch } from './journey.ts';
import {
  expectNothingWrong,
  OFFLINE_TILE_ERRORS,
  openRider,
  type Rider,
  type SignedInStorage,
  signedInStorage,
} from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';
import { riderWithTwoStep } from './two-step.ts';

const LANGUAGES = [
  ['English', 'en-US', 'en'],
  ['Korean', 'ko-KR', 'ko'],
] as const;

let browser: Browser;
let built: SiteServer;
let noApi: SiteServer;
let unconfigured: SiteServer;
/** A signed-in browser's storage (the library's tokens), for the ride page. */
let signedIn: SignedInStorage;
let rider: string;

beforeAll(async () => {
  [browser, built, noApi, unconfigured] = await Promise.all([
    launchChromium(),
    previewSite(inject('emulatorBuild')),
    previewSite(inject('noApiBuild')),
    previewSite(inject('unconfiguredBuild')),
  ]);
  const emulator = new EmulatorClient(inject('emulatorUrl'));
  rider = newEmail('axe');
  signedIn = await signedInStorage(browser, { url: built.url, emulator }, rider);
});

afterAll(async () => {
  await Promise.all([browser?.close(), built?.close(), noApi?.close(), unconfigured?.close()]);
});

/** A fresh browser in `locale`; signed in to `server`'s origin when `session` is given. */
async function open(
  server: SiteServer,
  locale: string,
  session?: typeof signedIn,
  offlineTiles = false,
): Promise<Rider> {
  // Both builds use the same pool, so the session is good on either origin's storage.
  const origin = new URL(server.url).origin;
  const storageState =
    session === undefined
      ? undefined
      : { ...session, origins: session.origins.map((stored) => ({ ...stored, origin })) };
  return openRider(browser, [server.url, inject('emulatorUrl')], {
    locale,
    offlineTiles,
    ...(storageState === undefined ? {} : { storageState }),
  });
}

/** Opens `name`.html, lets `prepare` bring it to a state, then checks it with axe. */
async function check(
  server: SiteServer,
  locale: string,
  name: string,
  label: string,
  prepare: (page: Page) => Promise<void> = async () => {},
  session?: typeof signedIn,
  offlineTiles = false,
): Promise<void> {
  const { page, seen, close } = await open(server, locale, session, offlineTiles);
  try {
    await openPage(page, new URL(name, server.url).href);
    await prepare(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale.slice(0, 2));
    await screenshot(page, `axe-${label}`);
    expect(await violations(page)).toEqual([]);
    expectNothingWrong(seen, [/^400 POST \/ /, ...(offlineTiles ? OFFLINE_TILE_ERRORS : [])]);
  } finally {
    await close();
  }
}

describe.concurrent.each(LANGUAGES)('accessibility in %s', (_language, locale, short) => {
  const texts = short === 'ko' ? KOREAN : ENGLISH;

  it.each(['index', 'register', 'verify', 'signin'])(
    'finds no violation on %s.html',
    async (name) => {
      await check(built, locale, `${name}.html`, `${short}-${name}`);
    },
  );

  it('finds no violation on ride.html signed in, after a ride, with the pickup set', async () => {
    await check(
      built,
      locale,
      'ride.html',
      `${short}-ride`,
      async (page) => {
        await expectMessage(page, '#greeting', texts.greeting(rider));
        await page.locator('#map').click({ position: { x: 150, y: 120 } });
        await requestAndWatch(page, texts, `axe-${short}-ride`);
        await page.locator('#map').click({ position: { x: 200, y: 160 } });
      },
      signedIn,
    );
  });

  it('finds no violation on ride.html with the ride complete', async () => {
    await check(
      built,
      locale,
      'ride.html',
      `${short}-ride-complete`,
      async (page) => {
        await expectMessage(page, '#greeting', texts.greeting(rider));
        await page.locator('#map').click({ position: { x: 150, y: 120 } });
        await requestAndWatch(page, texts, `axe-${short}-ride-complete`);
        expect(await page.locator('#requestAnother').isVisible()).toBe(true);
      },
      signedIn,
    );
  });

  it('finds no violation on ride.html with no map tiles and the pickup set', async () => {
    await check(
      built,
      locale,
      'ride.html',
      `${short}-ride-offline`,
      async (page) => {
        await expectMessage(page, '#greeting', texts.greeting(rider));
        await eventually(
          () => page.locator('#tilesOffline').isVisible(),
          (value) => expect(value).toBe(true),
        );
        await page.locator('#pickCentre').click();
        await expectMessage(page, '#pickupStatus', texts.pickup);
      },
      signedIn,
      true,
    );
  });

  it('finds no violation on index.html and signin.html offering a signed-in visitor the ride', async () => {
    for (const name of ['index', 'signin']) {
      await check(
        built,
        locale,
        `${name}.html`,
        `${short}-${name}-signed-in`,
        async (page) => {
          await eventually(
            () => page.locator('#sessionNotice a').isVisible(),
            (value) => expect(value).toBe(true),
          );
        },
        signedIn,
      );
    }
  });

  it('finds no violation on signin.html after signing out', async () => {
    await check(
      built,
      locale,
      `signin.html?email=${encodeURIComponent(rider)}&signedOut=1`,
      `${short}-signin-signed-out`,
      async (page) => {
        expect(await page.locator('#sessionNotice').isVisible()).toBe(true);
      },
    );
  });

  it('finds no violation on ride.html with the account menu open', async () => {
    await check(
      built,
      locale,
      'ride.html',
      `${short}-ride-menu`,
      async (page) => {
        await expectMessage(page, '#greeting', texts.greeting(rider));
        await page.getByRole('button', { name: texts.account }).click();
        expect(await page.locator('#accountMenu').isVisible()).toBe(true);
      },
      signedIn,
    );
  });

  it('finds no violation on the register page showing an error', async () => {
    await check(built, locale, 'register.html', `${short}-register-error`, async (page) => {
      await page.locator('#emailInputRegister').fill(newEmail('axe-error'));
      await page.locator('#passwordInputRegister').fill('short');
      await page.locator('#password2InputRegister').fill('shorter');
      await page.getByRole('button', { name: texts.registerSubmit }).click();
      await expectMessage(page, '#password2InputRegisterError', texts.mismatch);
    });
  });

  it('finds no violation on the verify page with a message and the resend action pointed out', async () => {
    const email = newEmail('axe-verify');
    await new EmulatorClient(inject('emulatorUrl')).unconfirmedUser(email);
    await check(
      built,
      locale,
      `verify.html?email=${email}`,
      `${short}-verify-error`,
      async (page) => {
        await page.locator('#codeInputVerify').fill('000000');
        await page.locator('#verifyForm button[type="submit"]').click();
        await eventually(
          () => page.locator('#resendCode').getAttribute('class'),
          (value) => expect(value).toContain('is-suggested'),
        );
      },
    );
  });

  it('finds no violation on the password reset form', async () => {
    const email = newEmail('axe-reset');
    await new EmulatorClient(inject('emulatorUrl')).confirmedUser(email);
    await check(
      built,
      locale,
      `signin.html?email=${email}`,
      `${short}-signin-reset`,
      async (page) => {
        await page.locator('#forgotPasswordButton').click();
        await page.locator('#forgotPasswordForm button[type="submit"]').click();
        await eventually(
          () => page.locator('#resetPasswordForm').isVisible(),
          (value) => expect(value).toBe(true),
        );
      },
    );
  });

  it('finds no violation on ride.html with the two-step panel open, its QR code drawn and a code refused', async () => {
    await check(
      built,
      locale,
      'ride.html',
      `${short}-ride-two-step`,
      async (page) => {
        await expectMessage(page, '#greeting', texts.greeting(rider));
        await page.getByRole('button', { name: texts.account }).click();
        await page.locator('#twoStepOpen').click();
        await page.locator('#twoStepQr svg[role="img"]').waitFor();
        await page.locator('#codeInputTwoStep').fill('12');
        await page.locator('#twoStepForm button[type="submit"]').click();
        expect(await page.locator('#codeInputTwoStep').getAttribute('aria-invalid')).toBe('true');
      },
      signedIn,
    );
  });

  it('finds no violation on signin.html at the code step after the password, a code refused', async () => {
    const email = newEmail('axe-two-step');
    await riderWithTwoStep(new EmulatorClient(inject('emulatorUrl')), email);
    await check(built, locale, 'signin.html', `${short}-signin-code-step`, async (page) => {
      await page.locator('#emailInputSignin').fill(email);
      await page.locator('#passwordInputSignin').fill(PASSWORD);
      await page.locator('#signinForm button[type="submit"]').click();
      await page.locator('#codeInputTwoStep').waitFor();
      await page.locator('#codeStepForm button[type="submit"]').click();
      expect(await page.locator('#codeInputTwoStep').getAttribute('aria-invalid')).toBe('true');
    });
  });

  it('finds no violation on the ride page of a build without the ride API', async () => {
    await check(
      noApi,
      locale,
      'ride.html',
      `${short}-ride-no-api`,
      async (page) => {
        await eventually(
          () => page.locator('#apiNotice').isVisible(),
          (value) => expect(value).toBe(true),
        );
      },
      signedIn,
    );
  });

  it('finds no violation on the sign-in page of a build without a user pool', async () => {
    await check(unconfigured, locale, 'signin.html', `${short}-signin-no-pool`, async (page) => {
      expect(await page.locator('#configNotice').isVisible()).toBe(true);
    });
  });
});

describe('the accessibility check itself', () => {
  it('reports a field without a label, so that silence above means something', async () => {
    const { page, close } = await open(built, 'en-US');
    try {
      await openPage(page, new URL('register.html', built.url).href);
      await page.evaluate(() =>
        document.querySelector('label[for="emailInputRegister"]')?.remove(),
      );
      expect(await violations(page)).toContainEqual(
        expect.stringMatching(/^label .*#emailInputRegister$/),
      );
    } finally {
      await close();
    }
  });
});
