// @vitest-environment jsdom
/**
 * The ride page in jsdom against the real emulator: a rider signed in through the real library,
 * the real map (Leaflet, with no tiles to load), and rides from the emulator's ride API.
 */
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type MatchMedia, setupRidePage } from '../../../src/pages/ride.ts';
import { claimsOf } from '../../support/jwt.ts';
import { memoryStorage } from '../../support/storage.ts';
import { ORIGIN, signedInRider, useEmulatedSite } from '../emulator.ts';
import { byId, loadPage, testI18n } from '../helpers.ts';

const site = useEmulatedSite();
const TILES = { tileUrl: 'https://tiles.test/{z}/{x}/{y}.png', attribution: 'Test tiles' };
const REDUCED: MatchMedia = (query) => ({
  matches: query === '(prefers-reduced-motion: reduce)',
});
const NO_PREFERENCE: MatchMedia = () => ({ matches: false });

interface PageOptions {
  readonly storage?: ReturnType<typeof memoryStorage>;
  readonly auth?: Awaited<ReturnType<typeof signedInRider>>['auth'];
  readonly invokeUrl?: string | null;
  readonly matchMedia?: MatchMedia;
  readonly requestFrame?: (callback: (time: number) => void) => unknown;
  /** Gives the map a layout size, which jsdom does not compute. */
  readonly mapSize?: { readonly width: number; readonly height: number };
}

async function page(
  rider: Awaited<ReturnType<typeof signedInRider>> | null,
  options: PageOptions = {},
) {
  loadPage('ride.html');
  if (options.mapSize !== undefined) giveSize(byId('map', HTMLElement), options.mapSize);
  const navigate = vi.fn<(url: string) => void>();
  const clipboard = { writeText: vi.fn<(text: string) => Promise<void>>(() => Promise.resolve()) };
  const requestFrame = options.requestFrame ?? vi.fn();
  const i18n = testI18n();
  const auth =
    rider?.auth ??
    (await import('../../../src/cognito-auth.ts')).createAuth({
      cognito: site.config.cognito,
      storage: memoryStorage(),
    });
  await setupRidePage(document, {
    auth,
    i18n,
    navigate,
    invokeUrl: options.invokeUrl === undefined ? site.config.api.invokeUrl : options.invokeUrl,
    tiles: TILES,
    clipboard,
    matchMedia: options.matchMedia ?? REDUCED,
    requestFrame,
  });
  return { navigate, clipboard, requestFrame, i18n };
}

function giveSize(element: HTMLElement, { width, height }: { width: number; height: number }) {
  for (const [property, value] of [
    ['clientWidth', width],
    ['clientHeight', height],
    ['offsetWidth', width],
    ['offsetHeight', height],
  ] as const) {
    Object.defineProperty(element, property, { configurable: true, value });
  }
  element.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width, height });
}

const requestButton = () => byId('request', HTMLButtonElement);
const updates = () =>
  [...byId('updates', HTMLOListElement).children].map((item) => item.textContent);
const pickupText = () => byId('pickupStatus', HTMLElement).textContent;
const rideMessage = () => byId('rideMessage', HTMLElement).textContent;

/** Where Leaflet placed a marker, in layer pixels (from its transform or its left/top). */
function markerPosition(selector: string): { x: number; y: number } {
  const marker = document.querySelector<HTMLElement>(`#map ${selector}`);
  if (marker === null) throw new Error(`no ${selector} on the map`);
  const translate = /translate3d\((-?[\d.]+)px, (-?[\d.]+)px/.exec(marker.style.transform);
  if (translate !== null) return { x: Number(translate[1]), y: Number(translate[2]) };
  return { x: Number.parseFloat(marker.style.left), y: Number.parseFloat(marker.style.top) };
}

/** Picks the map's centre as a keyboard user does: focus the map and press Enter. */
function pickCentreByKeyboard(): void {
  const map = byId('map', HTMLElement);
  map.focus();
  map.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
}

/** The PickupLocation bodies the ride API received. */
function recordRides(): unknown[] {
  const bodies: unknown[] = [];
  site.server.events.on('request:start', async ({ request }) => {
    if (request.url === site.rideUrl) bodies.push(await request.clone().json());
  });
  return bodies;
}

/** The pickup at the map's start, named by the local lookup. */
const CENTRE_PICKUP = 'Pickup point: Downtown Seattle (47.60620, -122.33210)';
const NO_PICKUP = 'No pickup point yet: click the map to set one.';
const statusCard = () => byId('rideStatus', HTMLElement);
const statusText = () =>
  statusCard().hidden
    ? null
    : `${byId('rideStatusHeading', HTMLElement).textContent}: ${byId('rideStatusText', HTMLElement).textContent}`;

const ON_THE_WAY = [
  'Bucephalus, your Golden unicorn, is on his way.',
  'Shadowfax, your White unicorn, is on his way.',
  'Rocinante, your Yellow unicorn, is on her way.',
];

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('the ride page, signed out', () => {
  it('sends a visitor without a session to sign in', async () => {
    const { navigate } = await page(null);
    expect(navigate).toHaveBeenCalledWith('signin.html');
    expect(byId('account', HTMLElement).hidden).toBe(true);
  });
});

describe('picking a pickup point', () => {
  it('greets the rider by the email in the real ID token and waits for a pickup', async () => {
    await page(await signedInRider(site, 'rider@example.com'));
    expect(byId('greeting', HTMLElement).textContent).toBe('Hello, rider!');
    expect(pickupText()).toBe(NO_PICKUP);
    expect(updates()).toEqual([]);
    expect(byId('apiNotice', HTMLElement).hidden).toBe(true);
  });

  it('centres the map on Seattle and sets the pickup there on Enter, for keyboard users', async () => {
    await page(await signedInRider(site));
    const map = byId('map', HTMLElement);
    expect(map.tabIndex).toBe(0);
    expect(
      document.getElementById(map.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('press Enter to put the pickup at the centre');
    pickCentreByKeyboard();
    expect(map.classList.contains('is-keyboard')).toBe(true);
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().disabled).toBe(false);
    expect(requestButton().textContent).toBe('Request Unicorn');
    expect(document.querySelector('#map .pickup-pin')).not.toBeNull();
  });

  it('offers no request before there is a pickup: one action at a time, never a disabled one', async () => {
    await page(await signedInRider(site));
    expect(requestButton().hidden).toBe(true);
    const shownPills = () =>
      [...document.querySelectorAll('#main .pill')].filter((pill) => !pill.closest('[hidden]'));
    expect(shownPills()).toEqual([]);
    byId('pickCentre', HTMLButtonElement).click();
    expect(requestButton().hidden).toBe(false);
    expect(shownPills()).toEqual([requestButton()]);
    expect(requestButton().disabled).toBe(false);
    expect(statusCard().hidden).toBe(true);
  });

  it('says what the ride updates will show before there are any', async () => {
    await page(await signedInRider(site));
    const empty = byId('updatesEmpty', HTMLElement);
    expect(empty.hidden).toBe(false);
    expect(empty.textContent).toBe(
      'When you request a unicorn, who is coming and when they arrive will show here.',
    );
    byId('pickCentre', HTMLButtonElement).click();
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(empty.hidden).toBe(true);
  });

  it('names the place beside the coordinates, and only the coordinates outside the area', async () => {
    const { i18n } = await page(await signedInRider(site), {
      mapSize: { width: 800, height: 600 },
    });
    pickCentreByKeyboard();
    expect(pickupText()).toBe(CENTRE_PICKUP);
    await i18n.setLanguage('ko');
    expect(pickupText()).toBe('탑승 위치: 시애틀 다운타운 (47.60620, -122.33210)');
    await i18n.setLanguage('en');
    // The map's corner, 500 px from its centre at zoom 13, is miles from any named part of Seattle.
    byId('map', HTMLElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: 0, clientY: 0 }),
    );
    expect(pickupText()).toMatch(/^Pickup point: -?\d+\.\d{5}, -?\d+\.\d{5}$/);
  });

  it('sets the pickup at the map centre from the "Use map centre as pickup" button', async () => {
    await page(await signedInRider(site));
    byId('pickCentre', HTMLButtonElement).click();
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().textContent).toBe('Request Unicorn');
  });

  it('sets the pickup where the map is clicked and sends that point to the ride API', async () => {
    const rides = recordRides();
    await page(await signedInRider(site), { mapSize: { width: 800, height: 600 } });
    byId('map', HTMLElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: 700, clientY: 100 }),
    );
    const [latitude = Number.NaN, longitude = Number.NaN] = (
      /(-?[\d.]+), (-?[\d.]+)\)?$/.exec(pickupText() ?? '') ?? []
    )
      .slice(1)
      .map(Number);
    // Up and to the right of the centre: north-east of downtown Seattle.
    expect(latitude).toBeGreaterThan(47.6062);
    expect(longitude).toBeGreaterThan(-122.3321);
    expect(requestButton().textContent).toBe('Request Unicorn');

    requestButton().click();
    await vi.waitFor(() => expect(rides).toHaveLength(1));
    expect(rides[0]).toEqual({
      PickupLocation: {
        Latitude: expect.closeTo(latitude, 5),
        Longitude: expect.closeTo(longitude, 5),
      },
    });
  });

  it('says when no map tiles can load, and picking still works without them', async () => {
    await page(await signedInRider(site), { mapSize: { width: 800, height: 600 } });
    const note = byId('tilesOffline', HTMLElement);
    const tiles = [...document.querySelectorAll<HTMLImageElement>('#map img.leaflet-tile')];
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles[0]?.getAttribute('src')).toMatch(/^https:\/\/tiles\.test\/13\/\d+\/\d+\.png$/);
    expect(note.hidden).toBe(true);

    for (const tile of tiles) tile.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(note.hidden).toBe(false));
    expect(note.querySelector('p')?.textContent).toBe(
      'The map can’t load right now. You can still click it to set your pickup.',
    );
    pickCentreByKeyboard();
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().textContent).toBe('Request Unicorn');
  });

  it('does not move the Enter key away from the map’s own zoom buttons', async () => {
    await page(await signedInRider(site));
    const zoomIn = document.querySelector<HTMLElement>('#map .leaflet-control-zoom-in');
    expect(zoomIn?.getAttribute('aria-label')).toBe('Zoom in');
    zoomIn?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(pickupText()).toBe(NO_PICKUP);
  });

  it('puts Request Unicorn before the tiles’ credit links, so Tab reaches it first', async () => {
    await page(await signedInRider(site));
    const links = [...byId('mapCredit', HTMLElement).querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(requestButton().compareDocumentPosition(link)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    }
    expect(byId('map', HTMLElement).querySelector('.leaflet-control-attribution')).toBeNull();
  });

  it('offers to try the tiles again, and shows the tiles’ credit only once a tile has loaded', async () => {
    await page(await signedInRider(site), { mapSize: { width: 800, height: 600 } });
    const note = byId('tilesOffline', HTMLElement);
    const credit = byId('mapCredit', HTMLElement);
    const tiles = () => [...document.querySelectorAll<HTMLImageElement>('#map img.leaflet-tile')];
    expect(credit.hidden).toBe(true);
    expect(credit.textContent).toContain('Test tiles');
    expect(document.querySelector('#map .leaflet-control-attribution')).toBeNull();
    for (const tile of tiles()) tile.dispatchEvent(new Event('error'));
    await vi.waitFor(() => expect(note.hidden).toBe(false));
    expect(credit.hidden).toBe(true);

    const before = tiles();
    byId('retryTiles', HTMLButtonElement).click();
    const again = tiles();
    expect(again.length).toBeGreaterThan(0);
    expect(again.some((tile) => before.includes(tile))).toBe(false);
    for (const tile of again) tile.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(note.hidden).toBe(true));
    expect(credit.hidden).toBe(false);
    expect(pickupText()).toBe(NO_PICKUP);
  });
});

describe('requesting a unicorn', () => {
  it.each([
    [0, 'Bucephalus, your Golden unicorn, is on his way.', 'Bucephalus has arrived. Giddy up!'],
    [1, 'Shadowfax, your White unicorn, is on his way.', 'Shadowfax has arrived. Giddy up!'],
    [2, 'Rocinante, your Yellow unicorn, is on her way.', 'Rocinante has arrived. Giddy up!'],
  ])('tells the story of unicorn %i: on the way, then arrived', async (unicorn, onWay, arrived) => {
    site.unicorn = unicorn;
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toEqual([onWay, arrived]));
    expect(byId('updates', HTMLOListElement).getAttribute('aria-live')).toBe('polite');
    expect(rideMessage()).toBe('');
  });

  it('says the ride is complete and offers another, instead of starting over unasked', async () => {
    site.unicorn = 2;
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() =>
      expect(statusText()).toBe('Ride complete: Rocinante has arrived. Giddy up!'),
    );
    expect(byId('rideActions', HTMLElement).hidden).toBe(true);
    expect(document.querySelector('#map .pickup-pin')).not.toBeNull();
    const another = byId('requestAnother', HTMLButtonElement);
    expect(another.hidden).toBe(false);

    another.click();
    expect(statusCard().hidden).toBe(true);
    expect(pickupText()).toBe(NO_PICKUP);
    expect(requestButton().hidden).toBe(true);
    expect(document.activeElement).toBe(byId('map', HTMLElement));
    expect(updates()).toHaveLength(2);
  });

  it('starts the next ride at once when the rider picks a new point after arriving', async () => {
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() => expect(statusText()).toMatch(/^Ride complete: /));
    byId('pickCentre', HTMLButtonElement).click();
    expect(statusCard().hidden).toBe(true);
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().hidden).toBe(false);
  });

  it('moves keyboard focus from Request Unicorn to the status card, then to its one action', async () => {
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().focus();
    requestButton().click();
    await vi.waitFor(() => expect(statusText()).toMatch(/^Ride complete: /));
    expect(document.activeElement).toBe(byId('requestAnother', HTMLButtonElement));
  });

  it('shows the unicorn jumping onto the pin, with no animation, when the rider prefers reduced motion', async () => {
    const requestFrame = vi.fn();
    await page(await signedInRider(site), { matchMedia: REDUCED, requestFrame });
    byId('pickCentre', HTMLButtonElement).click();
    const pin = markerPosition('.pickup-pin');
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(requestFrame).not.toHaveBeenCalled();
    expect(markerPosition('.unicorn-marker')).toEqual(pin);
  });

  it('moves the unicorn from the far corner to the pin over about two seconds', async () => {
    const frames: ((time: number) => void)[] = [];
    const runFrameAt = (time: number) => frames.shift()?.(time);
    await page(await signedInRider(site), {
      matchMedia: NO_PREFERENCE,
      requestFrame: (callback) => frames.push(callback),
      mapSize: { width: 800, height: 600 },
    });
    byId('pickCentre', HTMLButtonElement).click();
    const pin = markerPosition('.pickup-pin');
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(1));
    expect(byId('rideActions', HTMLElement).hidden).toBe(true);
    expect(ON_THE_WAY.map((text) => `Unicorn on the way: ${text}`)).toContain(statusText());

    runFrameAt(1000);
    const start = markerPosition('.unicorn-marker');
    // The far corner of an 800×600 view, seen from its centre, is 500 px away.
    expect(Math.hypot(start.x - pin.x, start.y - pin.y)).toBeCloseTo(500, 0);
    runFrameAt(2000);
    const halfway = markerPosition('.unicorn-marker');
    expect(Math.hypot(halfway.x - pin.x, halfway.y - pin.y)).toBeCloseTo(250, 0);
    runFrameAt(2900);
    expect(updates()).toHaveLength(1);

    runFrameAt(3000);
    expect(markerPosition('.unicorn-marker')).toEqual(pin);
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(ON_THE_WAY).toContain(updates()[0]);
    expect(updates()[1]).toMatch(/^(Bucephalus|Shadowfax|Rocinante) has arrived\. Giddy up!$/);
  });

  it('ignores new clicks on the map while a unicorn is on its way', async () => {
    const frames: ((time: number) => void)[] = [];
    await page(await signedInRider(site), {
      matchMedia: NO_PREFERENCE,
      requestFrame: (callback) => frames.push(callback),
      mapSize: { width: 800, height: 600 },
    });
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(1));
    byId('map', HTMLElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: 10, clientY: 10 }),
    );
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(statusText()).toMatch(/^Unicorn on the way: /);
  });

  it('shows the unicorn’s name from the service as text, never as HTML', async () => {
    const name = '<img src=x onerror="alert(1)">';
    site.server.use(
      http.post(site.rideUrl, () =>
        HttpResponse.json(
          { RideId: 'r1', Unicorn: { Name: name, Color: 'Pink', Gender: 'Female' } },
          { status: 201 },
        ),
      ),
    );
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(updates()[0]).toBe(`${name}, your Pink unicorn, is on her way.`);
    expect(byId('updates', HTMLOListElement).querySelector('img')).toBeNull();
  });

  it('tells the story in Korean after a language switch', async () => {
    site.unicorn = 0;
    const { i18n } = await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    i18n.setLanguage('ko');
    expect(updates()).toEqual([
      '황금빛 유니콘 Bucephalus가 데리러 오고 있어요.',
      'Bucephalus가 도착했어요. 이랴!',
    ]);
    expect(statusText()).toBe('탑승 완료: Bucephalus가 도착했어요. 이랴!');
  });
});

describe('when the ride API refuses or fails', () => {
  it('says the session has expired and offers to sign in again when the token is refused', async () => {
    const rider = await signedInRider(site);
    const { navigate } = await page(rider);
    // An hour and more later on the service's clock, the ID token is past its expiry.
    site.clock += 2 * 60 * 60 * 1000;
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() =>
      expect(rideMessage()).toBe('Your session has expired. Sign in again to request a unicorn.'),
    );
    expect(updates()).toEqual([]);
    const signInAgain = byId('signInAgain', HTMLButtonElement);
    expect(signInAgain.hidden).toBe(false);

    signInAgain.click();
    await vi.waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com'),
    );
    expect(await rider.auth.getIdToken()).toBeNull();
  });

  it('says the ride service cannot be reached when the network fails, and keeps the pickup', async () => {
    site.server.use(http.post(site.rideUrl, () => HttpResponse.error()));
    await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() =>
      expect(rideMessage()).toBe(
        'Could not reach the ride service. Check your connection and try again.',
      ),
    );
    expect(byId('signInAgain', HTMLButtonElement).hidden).toBe(true);
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().disabled).toBe(false);
    expect(requestButton().textContent).toBe('Request Unicorn');
    expect(updates()).toEqual([]);
  });

  it('says the ride service had a problem when it answers 500, and a retry can succeed', async () => {
    site.server.use(
      http.post(site.rideUrl, () => HttpResponse.json({ message: 'Internal' }, { status: 500 }), {
        once: true,
      }),
    );
    const { i18n } = await page(await signedInRider(site));
    pickCentreByKeyboard();
    requestButton().click();
    await vi.waitFor(() =>
      expect(rideMessage()).toBe(
        'The ride service had a problem, so no unicorn is coming. Try again in a moment.',
      ),
    );
    // No raw status in either language: "HTTP 500" means nothing to a rider.
    await i18n.setLanguage('ko');
    expect(rideMessage()).toBe(
      '라이드 서비스에 문제가 생겨 유니콘을 보낼 수 없어요. 잠시 후 다시 시도하세요.',
    );
    await i18n.setLanguage('en');
    requestButton().click();
    await vi.waitFor(() => expect(updates()).toHaveLength(2));
    expect(rideMessage()).toBe('');
  });
});

describe('without a configured ride API', () => {
  it('says so without blocking the page, and copies the real ID token only when asked', async () => {
    const rider = await signedInRider(site);
    const { clipboard } = await page(rider, { invokeUrl: null });
    const notice = byId('apiNotice', HTMLElement);
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain('The ride API is not configured yet');
    expect(notice.textContent).toContain('You are signed in');
    expect(byId('greeting', HTMLElement).textContent).toBe('Hello, rider!');
    expect(document.body.innerHTML).not.toContain(rider.idToken);

    byId('copyToken', HTMLButtonElement).click();
    await vi.waitFor(() => expect(clipboard.writeText).toHaveBeenCalledTimes(1));
    const copied = clipboard.writeText.mock.calls[0]?.[0] ?? '';
    expect(claimsOf(copied)).toMatchObject({ email: 'rider@example.com', token_use: 'id' });
    expect(rideMessage()).toBe('The ID token is on your clipboard.');
  });

  it('still lets the rider pick, and explains the missing API instead of requesting', async () => {
    const rides = recordRides();
    await page(await signedInRider(site), { invokeUrl: null });
    pickCentreByKeyboard();
    expect(pickupText()).toBe(CENTRE_PICKUP);
    expect(requestButton().textContent).toBe('Request Unicorn');
    requestButton().click();
    await vi.waitFor(() =>
      expect(rideMessage()).toBe(
        'No unicorn can come yet: the ride API is not configured (VITE_API_INVOKE_URL). Your pickup point is kept.',
      ),
    );
    expect(rides).toEqual([]);
    expect(updates()).toEqual([]);
  });
});

describe('the account menu', () => {
  it('opens and closes from the keyboard', async () => {
    await page(await signedInRider(site));
    const button = byId('accountLink', HTMLButtonElement);
    const menu = byId('accountMenu', HTMLElement);
    button.click();
    expect(menu.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    byId('signOut', HTMLButtonElement).focus();
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('signs out on this device and goes to sign in', async () => {
    const rider = await signedInRider(site);
    const { navigate } = await page(rider);
    byId('signOut', HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&signedOut=1'),
    );
    expect(await rider.auth.getIdToken()).toBeNull();
  });

  it('signs out everywhere, so the refresh token stops working on every device', async () => {
    const rider = await signedInRider(site);
    const otherDevice = memoryStorage();
    for (const [key, value] of rider.storage.data) otherDevice.setItem(key, value);
    const { navigate } = await page(rider);

    byId('signOutEverywhere', HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('signin.html?email=rider%40example.com&signedOut=1'),
    );
    expect(await rider.auth.getIdToken()).toBeNull();

    // The other device's session, refreshed at the service, is refused now.
    const refreshToken = [...otherDevice.data].find(([key]) => key.endsWith('.refreshToken'))?.[1];
    await expect(
      site.emulator.call(
        'InitiateAuth',
        {
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: site.config.cognito.userPoolClientId,
          AuthParameters: { REFRESH_TOKEN: refreshToken ?? '' },
        },
        { baseUrl: `${ORIGIN}/emulator` },
      ),
    ).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('stays signed in and explains when signing out everywhere cannot reach the service', async () => {
    const rider = await signedInRider(site);
    const { navigate } = await page(rider);
    site.server.use(http.post(`${ORIGIN}/emulator/`, () => HttpResponse.error()));
    byId('signOutEverywhere', HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(rideMessage()).toBe(
        'Could not reach the sign-in service. Check your connection and try again.',
      ),
    );
    expect(navigate).not.toHaveBeenCalled();
  });
});
