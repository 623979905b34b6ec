/**
 * The ride page's states as a rider sees them in Chromium, at 1280×800 and on a 360×740 phone, in
 * English and Korean: one action at a time, the status card in view while the unicorn comes, the
 * arrival, the header on one row, the map with no tiles, the tab order past the tiles' credit;
 * and the session notices of the landing and sign-in pages.
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
  KOREAN,
  openPage,
  pickupOf,
  signIn,
  signOut,
  type Texts,
} from './journey.ts';
import {
  expectNothingWrong,
  OFFLINE_TILE_ERRORS,
  openRider,
  type RiderOptions,
  type SignedInStorage,
  signedInStorage,
} from './rider.ts';
import { previewSite, type SiteServer } from './site.ts';

/** The new states' texts, beside the journey's. */
interface StateTexts {
  readonly journey: Texts;
  readonly unicornComing: string;
  readonly complete: string;
  readonly requestAnother: string;
  readonly offline: string;
  readonly signedOut: string;
  readonly continueRide: string;
}

const ENGLISH_STATES: StateTexts = {
  journey: ENGLISH,
  unicornComing: 'Unicorn on the way',
  complete: 'Ride complete',
  requestAnother: 'Request another unicorn',
  offline: 'The map can’t load right now. You can still click it to set your pickup.',
  signedOut: 'You’re signed out.',
  continueRide: 'Continue to your ride',
};

const LANGUAGES: readonly (readonly [string, string, StateTexts])[] = [
  ['en', 'en-US', ENGLISH_STATES],
  [
    'ko',
    'ko-KR',
    {
      journey: KOREAN,
      unicornComing: '유니콘이 오는 중',
      complete: '탑승 완료',
      requestAnother: '유니콘 다시 부르기',
      offline: '지금은 지도를 불러올 수 없어요. 그래도 지도를 눌러 탑승 위치를 정할 수 있어요.',
      signedOut: '로그아웃했어요.',
      continueRide: '라이드 계속하기',
    },
  ],
];

const SIZES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 360, height: 740 }],
] as const;

const TILE_SERVER = 'https://tile.openstreetmap.org/';

let browser: Browser;
let built: SiteServer;
let emulator: EmulatorClient;
let rider: string;
/** A signed-in browser's storage (the library's tokens), for the ride page. */
let signedIn: SignedInStorage;

beforeAll(async () => {
  [browser, built] = await Promise.all([launchChromium(), previewSite(inject('emulatorBuild'))]);
  emulator = new EmulatorClient(inject('emulatorUrl'));
  rider = newEmail('states');
  signedIn = await signedInStorage(browser, { url: built.url, emulator }, rider);
});

afterAll(async () => {
  await Promise.all([browser?.close(), built?.close()]);
});

/** A signed-in browser on the built site. */
function open(options: RiderOptions) {
  return openRider(browser, [built.url, emulator.base], { storageState: signedIn, ...options });
}

/** The ride page, signed in and greeting the rider. */
async function openRide(page: Page, texts: StateTexts): Promise<void> {
  await openPage(page, new URL('ride.html', built.url).href);
  await expectMessage(page, '#greeting', texts.journey.greeting(rider));
}

/** The status card's heading, or null while it is hidden. */
async function cardHeading(page: Page): Promise<string | null> {
  const card = page.locator('#rideStatus');
  return (await card.isVisible()) ? await card.locator('h3').textContent() : null;
}

describe.concurrent.each(LANGUAGES)('the ride page in %s', (short, locale, texts) => {
  it.each(SIZES)(
    'offers one action at a time, shows the trip in a card in view (%s), then the arrival',
    async (size, viewport) => {
      const label = `ride-states-${short}-${size}`;
      const { page, seen, close } = await open({
        locale,
        viewport,
        reducedMotion: 'no-preference',
      });
      try {
        await openRide(page, texts);
        expect(await page.locator('#request').isVisible(), 'nothing to request yet').toBe(false);
        expect(await page.locator('#updatesEmpty').isVisible()).toBe(true);
        await screenshot(page, `${label}-1-no-pickup`);

        await page.locator('#map').click({ position: { x: 120, y: 120 } });
        await pickupOf(page, texts.journey);
        expect(await page.locator('#request').isEnabled()).toBe(true);
        await screenshot(page, `${label}-2-pickup`);

        // With the page's clock paused, the unicorn waits on its way: a state that stays.
        await page.clock.install();
        await page.clock.pauseAt(Date.now() + 5_000);
        await page.locator('#request').click();
        await eventually(
          () => cardHeading(page),
          (heading) => expect(heading).toBe(texts.unicornComing),
        );
        expect(await page.locator('#request').isVisible(), 'no request while one is on').toBe(
          false,
        );
        await page.evaluate(() => window.scrollTo(0, 0));
        const card = await page.locator('#rideStatus').boundingBox();
        expect(card, 'the card is laid out').not.toBeNull();
        expect(card?.y ?? -1, 'the card is below the top').toBeGreaterThanOrEqual(0);
        expect(
          (card?.y ?? Number.POSITIVE_INFINITY) + (card?.height ?? 0),
          'the whole card is on the first screen',
        ).toBeLessThanOrEqual(viewport.height);
        await screenshot(page, `${label}-3-on-the-way`);

        await page.clock.runFor(2_500);
        await page.clock.resume();
        await eventually(
          () => cardHeading(page),
          (heading) => expect(heading).toBe(texts.complete),
        );
        expect(await page.locator('#pickupStatus').isVisible(), 'no "no pickup yet"').toBe(false);
        const another = page.getByRole('button', { name: texts.requestAnother });
        expect(await another.isVisible()).toBe(true);
        await screenshot(page, `${label}-4-arrived`);

        await another.click();
        expect(await page.locator('#rideStatus').isVisible()).toBe(false);
        expect(await page.locator('#updates li').count(), 'the story stays').toBe(2);
        expectNothingWrong(seen);
      } finally {
        await close();
      }
    },
  );

  it('keeps the header on one row on a phone', async () => {
    const { page, seen, close } = await open({ locale, viewport: SIZES[1][1] });
    try {
      await openRide(page, texts);
      const boxes = await Promise.all(
        ['.wordmark', '#accountLink', '[data-language-toggle]'].map((selector) =>
          page.locator(selector).boundingBox(),
        ),
      );
      const tops = boxes.map((box) => box?.y ?? Number.NaN);
      const bottoms = boxes.map((box) => (box?.y ?? Number.NaN) + (box?.height ?? 0));
      expect(Math.max(...tops), 'each starts above where the others end').toBeLessThan(
        Math.min(...bottoms),
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'nothing sticks out sideways').toBe(0);
      await screenshot(page, `ride-states-${short}-phone-header`);
      expectNothingWrong(seen);
    } finally {
      await close();
    }
  });

  it.each(SIZES)(
    'stays calm without tiles (%s): a centred note under the pin, no credit, and a retry',
    async (size, viewport) => {
      const { page, seen, close } = await open({ locale, viewport, offlineTiles: true });
      try {
        await openRide(page, texts);
        const note = page.locator('#tilesOffline');
        await eventually(
          () => note.isVisible(),
          (visible) => expect(visible).toBe(true),
        );
        expect((await note.locator('p').textContent())?.trim()).toBe(texts.offline);
        const [noteBox, mapBox] = await Promise.all([
          note.boundingBox(),
          page.locator('#map').boundingBox(),
        ]);
        const centre = (box: typeof mapBox) => ({
          x: Math.round((box?.x ?? 0) + (box?.width ?? 0) / 2),
          y: Math.round((box?.y ?? 0) + (box?.height ?? 0) / 2),
        });
        expect(Math.abs(centre(noteBox).x - centre(mapBox).x)).toBeLessThanOrEqual(1);
        expect(Math.abs(centre(noteBox).y - centre(mapBox).y)).toBeLessThanOrEqual(1);
        expect(await page.locator('#mapCredit').isVisible(), 'no credit for no tiles').toBe(false);
        expect(await page.locator('.leaflet-control-attribution:visible').count()).toBe(0);

        // The pin goes to the map's centre, right where the note is: it is drawn above it.
        await page.locator('#pickCentre').click();
        await pickupOf(page, texts.journey);
        const pin = await page.locator('.pickup-pin img').boundingBox();
        // Both let clicks through to the map; hit-testing them shows which one is painted on top.
        const onTop = await page.evaluate(
          ({ x, y }) => {
            for (const element of document.querySelectorAll<HTMLElement>(
              '.pickup-pin, .pickup-pin img, #tilesOffline, #tilesOffline p',
            )) {
              element.style.pointerEvents = 'auto';
            }
            return document.elementFromPoint(x, y)?.closest('.pickup-pin') !== null;
          },
          { x: (pin?.x ?? 0) + (pin?.width ?? 0) / 2, y: (pin?.y ?? 0) + (pin?.height ?? 0) / 3 },
        );
        expect(onTop, 'the pin is drawn above the note').toBe(true);
        await screenshot(page, `ride-states-${short}-${size}-offline`);

        // The tile server is back: "Try again" brings the tiles, and with them their credit.
        await page.route(`${TILE_SERVER}**`, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'image/svg+xml',
            body: '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"/>',
          }),
        );
        await note.getByRole('button').click();
        await eventually(
          () => note.isVisible(),
          (visible) => expect(visible).toBe(false),
        );
        expect(await page.locator('#mapCredit').textContent()).toContain('OpenStreetMap');
        expect(await page.locator('#mapCredit').isVisible()).toBe(true);
        await pickupOf(page, texts.journey);
        expectNothingWrong(seen, OFFLINE_TILE_ERRORS);
      } finally {
        await close();
      }
    },
  );
});

describe('the ride page from the keyboard', () => {
  it('reaches Request Unicorn before the map tiles’ credit links', async () => {
    const { page, seen, close } = await open({ locale: 'en-US' });
    try {
      await openRide(page, ENGLISH_STATES);
      await page.locator('#map').focus();
      await page.keyboard.press('Enter');
      await pickupOf(page);
      const visited: string[] = [];
      for (let presses = 0; presses < 20; presses += 1) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const active = document.activeElement;
          if (active === null) return '(nothing)';
          const credit = active.closest('#mapCredit, .leaflet-control-attribution') !== null;
          return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${credit ? ' (credit)' : ''}`;
        });
        visited.push(at);
        if (at === 'button#request') break;
      }
      expect(visited.at(-1), `the focus went ${visited.join(' → ')}`).toBe('button#request');
      expect(visited.filter((at) => at.endsWith('(credit)'))).toEqual([]);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.closest('#mapCredit') !== null),
        'the credit comes next',
      ).toBe(true);
      expectNothingWrong(seen);
    } finally {
      await close();
    }
  });
});

describe.concurrent.each(LANGUAGES)('the session notices in %s', (short, locale, texts) => {
  it.each(SIZES)(
    'offer the ride to a signed-in visitor and confirm signing out (%s)',
    async (size, viewport) => {
      const label = `session-${short}-${size}`;
      const email = newEmail(`session-${short}`);
      await emulator.confirmedUser(email);
      const session = await openRider(browser, [built.url, emulator.base], { locale, viewport });
      const { page, seen } = session;
      try {
        await signIn(page, { url: built.url, emulator }, email, PASSWORD, texts.journey);

        await openPage(page, built.url);
        const offer = page.locator('#sessionNotice');
        const link = offer.getByRole('link', { name: texts.continueRide });
        await eventually(
          () => link.isVisible(),
          (visible) => expect(visible).toBe(true),
        );
        expect(await offer.textContent()).toContain(email);
        await screenshot(page, `${label}-landing-signed-in`);

        await openPage(page, new URL('signin.html', built.url).href);
        await eventually(
          () => link.isVisible(),
          (visible) => expect(visible).toBe(true),
        );
        await screenshot(page, `${label}-signin-signed-in`);
        await link.click();
        await arriveAt(page, 'ride');
        await expectMessage(page, '#greeting', texts.journey.greeting(email));

        await signOut(page, texts.journey);
        await expectMessage(page, '#sessionNotice', texts.signedOut);
        expect(await page.locator('#emailInputSignin').inputValue()).toBe(email);
        expect(await offer.getByRole('link').count(), 'signed out: no ride to offer').toBe(0);
        await screenshot(page, `${label}-signin-signed-out`);

        await openPage(page, built.url);
        expect(await offer.isVisible(), 'the landing page offers nothing now').toBe(false);
        expectNothingWrong(seen);
      } finally {
        await session.close();
      }
    },
  );
});
