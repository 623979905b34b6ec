/**
 * The ride page, signed-in only: the pickup map, "Request Unicorn" through the ride API, the
 * unicorn's trip told in the updates list, and the account menu.
 */
import { type Auth, idTokenEmail } from '../cognito-auth.ts';
import { type MapConfig, OPENSTREETMAP_TILES } from '../config.ts';
import { emailName, type I18n, type MessageKey, translateTree } from '../i18n/index.ts';
import { createPickupMap, type RequestFrame } from '../map.ts';
import { browserPasskeys, type PasskeyBrowser, type PasskeyConfig } from '../passkey-support.ts';
import { placeNear } from '../places.ts';
import { type LatLng, type Ride, requestRide, type Unicorn } from '../ride-api.ts';
import { RideError } from '../ride-errors.ts';
import type { PasskeysPanel } from './passkeys-panel.ts';
import type { LoadQr } from './totp.ts';
import type { TwoStepPanel } from './two-step.ts';
import {
  browserNavigate,
  find,
  idTokenOrSignIn,
  type MessageArea,
  messageArea,
  type Navigate,
  pageUrl,
  type ShellDeps,
  setupShell,
  whileBusy,
} from './ui.ts';

/** The part of `window.matchMedia` the page uses. */
export type MatchMedia = (query: string) => { readonly matches: boolean };

/** What the ride page needs. */
export interface RidePageDeps extends ShellDeps {
  readonly auth: Pick<
    Auth,
    | 'getIdToken'
    | 'signOut'
    | 'signOutEverywhere'
    | 'twoStepEnabled'
    | 'startTwoStep'
    | 'confirmTwoStep'
    | 'turnOffTwoStep'
    | 'getAccessToken'
  >;
  readonly navigate?: Navigate;
  /** The ride API base URL; null when it is not configured yet. */
  readonly invokeUrl: string | null;
  /** Where the map tiles come from; OpenStreetMap's by default. */
  readonly tiles?: MapConfig;
  /** Where "Copy ID token" and "Copy key" write; defaults to the browser's clipboard. */
  readonly clipboard?: Pick<Clipboard, 'writeText'>;
  /** How the ride API is called; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Asked for `(prefers-reduced-motion: reduce)`; defaults to the browser's. */
  readonly matchMedia?: MatchMedia;
  /** Drives the unicorn's trip; defaults to `requestAnimationFrame`. */
  readonly requestFrame?: RequestFrame;
  /** Loads the QR encoder when "Two-step sign-in" opens; `uqr`, fetched then, by default. */
  readonly loadQr?: LoadQr;
  /** Where passkeys are kept; null or absent when the pool does not allow them (no menu item). */
  readonly passkeys?: PasskeyConfig | null;
  /** This browser's WebAuthn, for adding a passkey; the browser's own by default. */
  readonly passkeyBrowser?: PasskeyBrowser | null;
  /**
   * After signing out: the user pool domain's `/logout` URL when the session came from hosted
   * sign-in (its own session must end too), else null for the sign-in page.
   */
  readonly hostedLogout?: () => string | null;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

const browserMatchMedia: MatchMedia = (query) =>
  typeof window.matchMedia === 'function' ? window.matchMedia(query) : { matches: false };

const browserRequestFrame: RequestFrame = (callback) => window.requestAnimationFrame(callback);

/**
 * Sets up the ride page inside `root`. Resolves once the sign-in check is done (signed out means
 * navigating to the sign-in page) and, when signed in, the map is ready.
 */
export async function setupRidePage(root: ParentNode, deps: RidePageDeps): Promise<void> {
  const { auth, i18n, navigate = browserNavigate, invokeUrl } = deps;
  setupShell(root, deps);

  const greeting = find(root, '#greeting', HTMLElement);
  const account = find(root, '#account', HTMLElement);
  const message = messageArea(find(root, '#rideMessage', HTMLElement), i18n);
  const idToken = await idTokenOrSignIn(auth, message, navigate);
  if (idToken === null) return;

  const email = idTokenEmail(idToken) ?? '';
  const greet = (): void => {
    greeting.textContent = i18n.t('ride.greeting', { name: emailName(email) });
  };
  greeting.removeAttribute('data-i18n');
  i18n.subscribe(greet);
  greet();
  setupAccountMenu(root, deps, { navigate, message, email });
  account.hidden = false;

  if (invokeUrl === null) setupTokenCopy(root, deps, navigate, message);
  setupRide(root, deps, { navigate, message, email });
}

function setupAccountMenu(
  root: ParentNode,
  deps: RidePageDeps,
  { navigate, message, email }: RideContext,
): void {
  const { auth, i18n, hostedLogout, clipboard = navigator.clipboard, loadQr } = deps;
  const account = find(root, '#account', HTMLElement);
  const accountLink = find(root, '#accountLink', HTMLButtonElement);
  const menu = find(root, '#accountMenu', HTMLElement);
  const signOut = find(root, '#signOut', HTMLButtonElement);
  const signOutEverywhere = find(root, '#signOutEverywhere', HTMLButtonElement);
  const twoStepOpen = find(root, '#twoStepOpen', HTMLButtonElement);

  const setMenu = (open: boolean): void => {
    menu.hidden = !open;
    accountLink.setAttribute('aria-expanded', String(open));
  };
  accountLink.addEventListener('click', () => setMenu(menu.hidden));
  account.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !menu.hidden) {
      setMenu(false);
      accountLink.focus();
    }
  });
  account.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && account.contains(event.relatedTarget)))
      setMenu(false);
  });

  let twoStep: Promise<TwoStepPanel> | null = null;
  // The panel's module (and the QR encoder after it) loads only when someone opens the panel.
  const loadTwoStep = (): Promise<TwoStepPanel> => {
    twoStep ??= import('./two-step.ts').then(({ setupTwoStep }) =>
      setupTwoStep(find(root, '#twoStepPanel', HTMLElement), {
        auth,
        i18n,
        clipboard,
        loadQr,
        email,
        onClose: () => accountLink.focus(),
      }),
    );
    return twoStep;
  };
  twoStepOpen.addEventListener('click', () => {
    setMenu(false);
    void (async () => {
      try {
        await (await loadTwoStep()).open();
      } catch (failure) {
        // The module could not load (offline): the next press tries again.
        twoStep = null;
        message.fail(failure);
      }
    })();
  });

  setupPasskeysItem(
    root,
    deps,
    () => setMenu(false),
    message,
    () => accountLink.focus(),
  );

  signOut.addEventListener('click', () => {
    void whileBusy(signOut, i18n, async () => {
      await auth.signOut();
      navigate(hostedLogout?.() ?? signedOutUrl(email));
    });
  });
  signOutEverywhere.addEventListener('click', () => {
    void whileBusy(signOutEverywhere, i18n, async () => {
      try {
        await auth.signOutEverywhere();
        navigate(hostedLogout?.() ?? signedOutUrl(email));
      } catch (failure) {
        message.fail(failure);
      }
    });
  });
}

/** "Passkeys" in the account menu, where the pool allows them; the panel loads on first open. */
function setupPasskeysItem(
  root: ParentNode,
  deps: RidePageDeps,
  closeMenu: () => void,
  message: MessageArea,
  onClose: () => void,
): void {
  const { auth, i18n, passkeys: config = null } = deps;
  if (config === null) return;
  const open = find(root, '#passkeysOpen', HTMLButtonElement);
  find(root, '#passkeysItem', HTMLElement).hidden = false;
  let panel: Promise<PasskeysPanel> | null = null;
  open.addEventListener('click', () => {
    closeMenu();
    void (async () => {
      try {
        panel ??= import('./passkeys-panel.ts').then(({ setupPasskeysPanel }) =>
          setupPasskeysPanel(find(root, '#passkeysPanel', HTMLElement), {
            auth,
            i18n,
            config,
            browser: deps.passkeyBrowser === undefined ? browserPasskeys() : deps.passkeyBrowser,
            onClose,
          }),
        );
        await (await panel).open();
      } catch (failure) {
        // The module could not load (offline): the next press tries again.
        panel = null;
        message.fail(failure);
      }
    })();
  });
}

/** Sign-in after signing out: the address filled in, and the sign-out confirmed. */
function signedOutUrl(email: string): string {
  return pageUrl('signin.html', email === '' ? { signedOut: '1' } : { email, signedOut: '1' });
}

interface RideContext {
  readonly navigate: Navigate;
  readonly message: MessageArea;
  readonly email: string;
}

/** Where the page is in a ride: picking, waiting for the API, watching the unicorn come, done. */
type Phase = 'picking' | 'requesting' | 'riding' | 'arrived';

function setupRide(root: ParentNode, deps: RidePageDeps, context: RideContext): void {
  const {
    auth,
    i18n,
    invokeUrl,
    tiles = OPENSTREETMAP_TILES,
    fetch,
    matchMedia = browserMatchMedia,
    requestFrame = browserRequestFrame,
  } = deps;
  const { navigate, message, email } = context;
  const mapElement = find(root, '#map', HTMLElement);
  const actions = find(root, '#rideActions', HTMLElement);
  const request = find(root, '#request', HTMLButtonElement);
  const pickCentre = find(root, '#pickCentre', HTMLButtonElement);
  const tilesOffline = find(root, '#tilesOffline', HTMLElement);
  const retryTiles = find(root, '#retryTiles', HTMLButtonElement);
  const signInAgain = find(root, '#signInAgain', HTMLButtonElement);
  const pickupStatus = liveText(find(root, '#pickupStatus', HTMLElement), i18n);
  const status = statusCard(root, i18n);
  const updates = storyList(
    find(root, '#updates', HTMLOListElement),
    find(root, '#updatesEmpty', HTMLElement),
    i18n,
  );
  const reducedMotion = (): boolean => matchMedia(REDUCED_MOTION).matches;

  let phase: Phase = 'picking';
  let pickup: LatLng | null = null;

  // One action at a time: "Request Unicorn" only once there is a pickup to send a unicorn to.
  const showPickup = (point: LatLng | null): void => {
    pickup = point;
    map.showPin(point);
    request.hidden = point === null;
    pickupStatus.set(() => (point === null ? i18n.t('ride.noPickup') : pickupText(i18n, point)));
  };
  const backToPicking = (point: LatLng | null): void => {
    phase = 'picking';
    status.hide();
    actions.hidden = false;
    showPickup(point);
  };

  const map = createPickupMap(mapElement, {
    tiles,
    credit: find(root, '#mapCredit', HTMLElement),
    reducedMotion: reducedMotion(),
    onTiles: (loaded) => {
      tilesOffline.hidden = loaded;
    },
    onPick: (point) => {
      // The pin stays put while a unicorn is being dispatched to it.
      if (phase === 'requesting' || phase === 'riding') return;
      backToPicking(point);
    },
  });
  labelZoomButtons(mapElement, i18n);
  showPickup(null);
  pickCentre.addEventListener('click', () => map.pickCentre());
  retryTiles.addEventListener('click', () => map.retryTiles());
  status.onRequestAnother(() => {
    backToPicking(null);
    mapElement.focus();
  });
  if (invokeUrl === null) request.setAttribute('aria-describedby', 'apiNotice');

  const dispatch = async (at: LatLng): Promise<Ride | null> => {
    if (invokeUrl === null) {
      message.show({ key: 'ride.apiMissingRequest' }, 'info');
      return null;
    }
    const idToken = await idTokenOrSignIn(auth, message, navigate);
    if (idToken === null) return null;
    try {
      return await requestRide({ invokeUrl, idToken, pickup: at, ...(fetch ? { fetch } : {}) });
    } catch (failure) {
      message.fail(failure);
      signInAgain.hidden = !(failure instanceof RideError && failure.code === 'SessionExpired');
      return null;
    }
  };

  request.addEventListener('click', () => {
    const at = pickup;
    if (at === null || phase !== 'picking') return;
    message.clear();
    signInAgain.hidden = true;
    phase = 'requesting';
    void (async () => {
      const ride = await whileBusy(request, i18n, () => dispatch(at));
      if (ride === undefined || ride === null) {
        phase = 'picking';
        return;
      }
      phase = 'riding';
      // The request button goes away with the pickup row; focus follows to the card that replaces them.
      const hadFocus = request.ownerDocument.activeElement === request;
      actions.hidden = true;
      status.show('ride.unicornComing', () => onTheWay(i18n, ride.unicorn), false);
      if (hadFocus) status.focus();
      updates.add(() => onTheWay(i18n, ride.unicorn));
      await map.sendUnicorn(at, { reduced: reducedMotion(), requestFrame });
      phase = 'arrived';
      const arrived = (): string => i18n.t('ride.arrived', { name: ride.unicorn.name });
      updates.add(arrived);
      status.show('ride.complete', arrived, true);
    })();
  });

  signInAgain.addEventListener('click', () => {
    void whileBusy(signInAgain, i18n, async () => {
      await auth.signOut();
      navigate(email === '' ? 'signin.html' : pageUrl('signin.html', { email }));
    });
  });
}

/** "Pickup point: Downtown Seattle (47.60620, -122.33210)", or without a name outside the area. */
function pickupText(i18n: I18n, point: LatLng): string {
  const latitude = point.latitude.toFixed(5);
  const longitude = point.longitude.toFixed(5);
  const place = placeNear(point);
  return place === null
    ? i18n.t('ride.pickup', { latitude, longitude })
    : i18n.t('ride.pickupAt', { place: i18n.t(`ride.place.${place}`), latitude, longitude });
}

/** The card that stands in for the pickup row while the unicorn comes, and once it has arrived. */
interface StatusCard {
  /** Shows `heading` and `text`, with "Request another unicorn" when `done`. */
  show(heading: MessageKey, text: () => string, done: boolean): void;
  hide(): void;
  focus(): void;
  onRequestAnother(listener: () => void): void;
}

function statusCard(root: ParentNode, i18n: I18n): StatusCard {
  const card = find(root, '#rideStatus', HTMLElement);
  const heading = liveText(find(card, '#rideStatusHeading', HTMLElement), i18n);
  const body = liveText(find(card, '#rideStatusText', HTMLElement), i18n);
  const another = find(card, '#requestAnother', HTMLButtonElement);
  return {
    show(key, text, done) {
      heading.set(() => i18n.t(key));
      body.set(text);
      another.hidden = !done;
      card.hidden = false;
      // Keyboard focus on the card moves to the one action once there is one.
      if (done && card.ownerDocument.activeElement === card) another.focus();
    },
    hide() {
      card.hidden = true;
    },
    focus: () => card.focus(),
    onRequestAnother: (listener) => another.addEventListener('click', listener),
  };
}

/** An element whose text is rendered again when the language changes; text only, never HTML. */
function liveText(element: HTMLElement, i18n: I18n): { set(text: () => string): void } {
  let current: () => string = () => '';
  i18n.subscribe(() => {
    element.textContent = current();
  });
  return {
    set(text) {
      current = text;
      element.textContent = text();
    },
  };
}

/** "<Name>, your <Color> unicorn, is on his/her way." in the current language. */
function onTheWay(i18n: I18n, { name, color, gender }: Unicorn): string {
  const key: MessageKey =
    gender === 'Male'
      ? 'ride.onWay.male'
      : gender === 'Female'
        ? 'ride.onWay.female'
        : 'ride.onWay.other';
  const colorKey = `ride.color.${color}`;
  return i18n.t(key, { name, color: i18n.has(colorKey) ? i18n.t(colorKey) : color });
}

/** Leaflet labels its zoom buttons in English; these follow the page's language. */
function labelZoomButtons(mapElement: HTMLElement, i18n: I18n): void {
  const buttons = [
    ['.leaflet-control-zoom-in', 'ride.zoomIn'],
    ['.leaflet-control-zoom-out', 'ride.zoomOut'],
  ] as const;
  for (const [selector, key] of buttons) {
    mapElement
      .querySelector(selector)
      ?.setAttribute('data-i18n-attr', `title: ${key}; aria-label: ${key}`);
  }
  translateTree(mapElement, i18n);
}

/**
 * The updates list: each entry re-renders when the language changes; text only, never HTML. The
 * `empty` note says what will appear there until the first entry does.
 */
function storyList(
  list: HTMLOListElement,
  empty: HTMLElement,
  i18n: I18n,
): { add(text: () => string): void } {
  const entries: { item: HTMLLIElement; text: () => string }[] = [];
  i18n.subscribe(() => {
    for (const { item, text } of entries) item.textContent = text();
  });
  return {
    add(text) {
      const item = list.ownerDocument.createElement('li');
      item.textContent = text();
      entries.push({ item, text });
      list.append(item);
      empty.hidden = true;
    },
  };
}

function setupTokenCopy(
  root: ParentNode,
  { auth, i18n, clipboard = navigator.clipboard }: RidePageDeps,
  navigate: Navigate,
  message: MessageArea,
): void {
  const notice = find(root, '#apiNotice', HTMLElement);
  const copy = find(root, '#copyToken', HTMLButtonElement);
  notice.hidden = false;
  copy.addEventListener('click', () => {
    void whileBusy(copy, i18n, async () => {
      // Fetched on demand, so the copy is fresh and the token never sits in the page.
      const token = await idTokenOrSignIn(auth, message, navigate);
      if (token === null) return;
      try {
        await clipboard.writeText(token);
        message.show({ key: 'ride.tokenCopied' }, 'success');
      } catch {
        message.show({ key: 'ride.copyFailed' });
      }
    });
  });
}
