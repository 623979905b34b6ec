// @vitest-environment jsdom
/**
 * Passkeys on the site in jsdom, against the emulator, with a software authenticator standing in
 * for the browser's WebAuthn: the ride page's "Passkeys" panel (list, add, remove after asking,
 * cancel, the same device twice) and "Sign in with a passkey" on the sign-in page (on to the ride
 * page, no passkey yet, a foreign or replayed answer refused), in English and Korean.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../../src/cognito-auth.ts';
import { readConfig } from '../../../src/config.ts';
import { setupRidePage } from '../../../src/pages/ride.ts';
import { setupSigninPage } from '../../../src/pages/signin.ts';
import {
  browserPasskeys,
  type PasskeyBrowser,
  passkeyConfig,
  passkeySignIn,
} from '../../../src/passkey-support.ts';
import { type Ceremony, SoftwareAuthenticator } from '../../support/authenticator.ts';
import { type MemoryStorage, memoryStorage } from '../../support/storage.ts';
import { ORIGIN, signedInRider, useEmulatedSite } from '../emulator.ts';
import { fieldError } from '../forms.ts';
import { byId, eventually, liveRegion, loadPage, testI18n, type } from '../helpers.ts';

const site = useEmulatedSite();
const EMAIL = 'rider@example.com';
const EMAIL_INVALID = 'Enter an email address like name@example.com.';
const TILES = { tileUrl: 'https://tiles.test/{z}/{x}/{y}.png', attribution: 'Test tiles' };
const CONFIG = passkeyConfig(readConfig({ DEV: true }, ORIGIN));

type Json = Record<string, unknown>;

/** What the test's authenticator was asked and answered, and how to make it misbehave. */
interface SoftwareBrowser extends PasskeyBrowser {
  readonly authenticator: SoftwareAuthenticator;
  /** Every answer it gave, as JSON. */
  readonly answers: Json[];
  /** Set to make the next ceremonies fail as a browser's do (a DOMException's name). */
  failWith: string | null;
  /** Set to answer the next sign-in with this JSON instead of a fresh assertion. */
  replay: Json | null;
  /** Set to sign with this credential id of its own, allowed or not. */
  use: string | undefined;
}

/**
 * The software authenticator as the browser's WebAuthn: its JSON stands in for the parsed
 * options (it reads the base64url strings itself), and its answers get the `toJSON()` browsers
 * give credentials.
 */
function softwareBrowser(authenticator = new SoftwareAuthenticator()): SoftwareBrowser {
  const ceremony: Ceremony = {};
  const answer = (json: Json): Credential => {
    browser.answers.push(json);
    return { id: String(json.id), type: 'public-key', toJSON: () => json } as unknown as Credential;
  };
  const failure = (): DOMException | null =>
    browser.failWith === null ? null : new DOMException('The operation failed.', browser.failWith);
  const browser: SoftwareBrowser = {
    authenticator,
    answers: [],
    failWith: null,
    replay: null,
    use: undefined,
    credentials: {
      async create(options) {
        const failed = failure();
        if (failed !== null) throw failed;
        return answer(await authenticator.create(options?.publicKey as unknown as Json, ceremony));
      },
      async get(options) {
        const failed = failure();
        if (failed !== null) throw failed;
        if (browser.replay !== null) return answer(browser.replay);
        const publicKey = options?.publicKey as unknown as Json;
        return answer(await authenticator.get(publicKey, ceremony, browser.use));
      },
    },
    parseCreationOptionsFromJSON: (json) => json as unknown as PublicKeyCredentialCreationOptions,
    parseRequestOptionsFromJSON: (json) => json as unknown as PublicKeyCredentialRequestOptions,
  };
  return browser;
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

/** The ride page of a signed-in rider, with the panel's elements. */
async function ridePage(
  browser: PasskeyBrowser | null = softwareBrowser(),
  languages = ['en-US'],
  rider?: Awaited<ReturnType<typeof signedInRider>>,
) {
  const signedIn = rider ?? (await signedInRider(site, EMAIL));
  loadPage('ride.html');
  const navigate = vi.fn();
  await setupRidePage(document, {
    auth: signedIn.auth,
    i18n: testI18n(languages),
    navigate,
    invokeUrl: site.config.api.invokeUrl,
    tiles: TILES,
    matchMedia: () => ({ matches: true }),
    requestFrame: vi.fn(),
    passkeys: CONFIG,
    passkeyBrowser: browser,
  });
  return {
    ...signedIn,
    navigate,
    panel: byId('passkeysPanel', HTMLElement),
    status: byId('passkeysStatus', HTMLElement),
    list: byId('passkeysList', HTMLUListElement),
    add: byId('passkeysAdd', HTMLButtonElement),
    message: liveRegion(byId('passkeysPanel', HTMLElement)),
  };
}

type RidePage = Awaited<ReturnType<typeof ridePage>>;

/** Opens "Passkeys" from the account menu and waits for the list (or its empty state). */
async function openPanel(p: RidePage): Promise<void> {
  byId('accountLink', HTMLButtonElement).click();
  byId('passkeysOpen', HTMLButtonElement).click();
  expect(byId('accountMenu', HTMLElement).hidden).toBe(true);
  await eventually(() => expect(p.panel.hidden).toBe(false));
  expect(document.activeElement).toBe(byId('passkeysHeading', HTMLElement));
  await eventually(() => expect(p.status.textContent).not.toBe('Loading your passkeys…'));
}

/** Presses "Add a passkey", sees it busy, and waits until it is free again. */
async function addPasskey(p: RidePage, busy = 'Waiting for your passkey…'): Promise<void> {
  p.add.click();
  expect(p.add.getAttribute('aria-busy')).toBe('true');
  expect(p.add.textContent?.trim()).toBe(busy);
  await eventually(() => expect(p.add.hasAttribute('aria-busy')).toBe(false));
}

/** The rows as a person reads them: name, then the day it was added. */
function rows(p: RidePage): string[][] {
  return [...p.list.querySelectorAll('li')].map((item) =>
    [...item.querySelectorAll('.passkey-name, .passkey-date')].map(
      (part) => part.textContent ?? '',
    ),
  );
}

function rowButton(p: RidePage, index: number, label: string): HTMLButtonElement {
  const item = p.list.querySelectorAll('li')[index];
  const found = [...(item?.querySelectorAll('button') ?? [])].find(
    (button) => !button.closest('[hidden]') && button.textContent?.trim() === label,
  );
  if (!(found instanceof HTMLButtonElement))
    throw new Error(`no visible "${label}" in row ${index}`);
  return found;
}

/** The sign-in page, with passkey sign-in for this pool and `browser`. */
function signinPage(browser: PasskeyBrowser | null, languages = ['en-US']) {
  loadPage('signin.html');
  const storage = memoryStorage();
  const navigate = vi.fn();
  setupSigninPage(document, {
    auth: createAuth({ cognito: site.config.cognito, storage }),
    i18n: testI18n(languages),
    navigate,
    search: '',
    replaceUrl: vi.fn(),
    passkeySignIn: passkeySignIn({ config: CONFIG, browser, storage }),
  });
  return {
    storage,
    navigate,
    area: byId('passkeySignIn', HTMLElement),
    button: byId('passkeySignInButton', HTMLButtonElement),
    email: byId('emailInputSignin', HTMLInputElement),
    message: byId('signinMessage', HTMLElement),
  };
}

type SigninPage = ReturnType<typeof signinPage>;

/** Types the address and presses "Sign in with a passkey", waiting until it is done. */
async function signInWithPasskey(p: SigninPage, email = EMAIL): Promise<void> {
  type(p.email, email);
  p.button.click();
  expect(p.button.getAttribute('aria-busy')).toBe('true');
  await eventually(() => expect(p.button.hasAttribute('aria-busy')).toBe(false));
}

/** A rider who has added a passkey on the ride page, and the authenticator holding it. */
async function riderWithPasskey(email = EMAIL) {
  const browser = softwareBrowser();
  const p = await ridePage(browser, ['en-US'], await signedInRider(site, email));
  await openPanel(p);
  await addPasskey(p);
  expect(rows(p)).toHaveLength(1);
  return { browser, page: p };
}

/** The library's session kept in `storage`, as the ride page reads it. */
function librarySession(storage: MemoryStorage) {
  return createAuth({ cognito: site.config.cognito, storage });
}

describe('the passkeys panel on the ride page', () => {
  it('is in the account menu only where the pool allows passkeys', async () => {
    const rider = await signedInRider(site, EMAIL);
    loadPage('ride.html');
    await setupRidePage(document, {
      auth: rider.auth,
      i18n: testI18n(),
      navigate: vi.fn(),
      invokeUrl: site.config.api.invokeUrl,
      tiles: TILES,
      matchMedia: () => ({ matches: true }),
      requestFrame: vi.fn(),
      passkeys: null,
    });
    expect(byId('passkeysItem', HTMLElement).hidden).toBe(true);
  });

  it('says there are none yet, then adds one made on this device and lists it with its day', async () => {
    const p = await ridePage();
    await openPanel(p);
    expect(p.status.textContent).toBe('You have no passkeys yet.');
    expect(p.list.hidden).toBe(true);
    await addPasskey(p);
    expect(p.message.textContent).toBe(
      'Passkey added. Next time, use “Sign in with a passkey” on the sign-in page.',
    );
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(site.clock);
    expect(rows(p)).toEqual([['Passkey 1', `Added ${day}`]]);
    expect(p.status.textContent).toBe('');
    expect(rowButton(p, 0, 'Remove').getAttribute('aria-label')).toBe('Remove Passkey 1');
  });

  it('asks before removing, keeps the passkey when told to, and removes it when confirmed', async () => {
    const { page: p } = await riderWithPasskey();
    const remove = rowButton(p, 0, 'Remove');
    remove.click();
    const row = p.list.querySelector('li');
    expect(row?.querySelector('.passkey-confirm p')?.textContent).toBe(
      'Remove Passkey 1? You will no longer be able to sign in with it.',
    );
    rowButton(p, 0, 'Keep it').click();
    expect(document.activeElement).toBe(remove);
    expect(rows(p)).toHaveLength(1);

    remove.click();
    const confirm = rowButton(p, 0, 'Remove');
    expect(document.activeElement).toBe(confirm);
    confirm.click();
    expect(confirm.getAttribute('aria-busy')).toBe('true');
    expect(confirm.textContent?.trim()).toBe('Removing…');
    await eventually(() => expect(p.message.textContent).toBe('Passkey 1 was removed.'));
    await eventually(() => expect(p.status.textContent).toBe('You have no passkeys yet.'));
    expect(rows(p)).toEqual([]);
  });

  it('says calmly that the request was cancelled when the browser’s dialog is closed', async () => {
    const browser = softwareBrowser();
    const p = await ridePage(browser);
    await openPanel(p);
    browser.failWith = 'NotAllowedError';
    await addPasskey(p);
    expect(p.message.textContent).toBe(
      'The passkey request was cancelled or timed out. You can try again when you are ready.',
    );
    expect(p.message.dataset.tone).toBe('info');
    expect(p.status.textContent).toBe('You have no passkeys yet.');
  });

  it('says this device already has a passkey when the browser refuses to make a second', async () => {
    const { browser, page: p } = await riderWithPasskey();
    browser.failWith = 'InvalidStateError';
    await addPasskey(p);
    expect(p.message.textContent).toBe('This device already has a passkey for this account.');
    expect(p.message.dataset.tone).toBe('error');
    expect(rows(p)).toHaveLength(1);
  });

  it('lists and removes, but offers no "Add" where the browser cannot make passkeys', async () => {
    const p = await ridePage(null);
    await openPanel(p);
    expect(p.add.hidden).toBe(true);
    expect(byId('passkeysUnsupported', HTMLElement).hidden).toBe(false);
    expect(byId('passkeysUnsupported', HTMLElement).textContent).toBe(
      'This browser cannot make passkeys. You can still remove the ones you have.',
    );
  });

  it('asks to sign in again when the session has ended elsewhere', async () => {
    const p = await ridePage();
    await p.auth.signOut();
    await openPanel(p);
    expect(p.message.textContent).toBe(
      'Your sign-in has ended. Sign in again to change your passkeys.',
    );
  });

  it('speaks Korean, with the day in Korean', async () => {
    const rider = await signedInRider(site, EMAIL);
    const p = await ridePage(softwareBrowser(), ['ko-KR'], rider);
    byId('accountLink', HTMLButtonElement).click();
    byId('passkeysOpen', HTMLButtonElement).click();
    await eventually(() => expect(p.status.textContent).toBe('아직 패스키가 없어요.'));
    await addPasskey(p, '패스키를 기다리는 중…');
    expect(p.message.textContent).toBe(
      '패스키를 추가했어요. 다음부터 로그인 페이지에서 “패스키로 로그인”을 눌러 주세요.',
    );
    const day = new Intl.DateTimeFormat('ko', { dateStyle: 'medium' }).format(site.clock);
    expect(rows(p)).toEqual([['Passkey 1', `추가한 날: ${day}`]]);
    rowButton(p, 0, '삭제').click();
    expect(p.list.querySelector('.passkey-confirm p')?.textContent).toBe(
      'Passkey 1을 삭제할까요? 삭제하면 이 패스키로 로그인할 수 없어요.',
    );
  });
});

describe('signing in with a passkey', () => {
  it('is offered only where the pool allows passkeys and the browser can use them', () => {
    expect(signinPage(softwareBrowser()).area.hidden).toBe(false);
    expect(signinPage(null).area.hidden).toBe(true);
    expect(passkeySignIn({ config: null, browser: softwareBrowser() })).toBeNull();
    // A real pool says which passwordless sign-ins it allows (VITE_COGNITO_PASSWORDLESS).
    const pool = (factors: string) =>
      readConfig({
        VITE_COGNITO_USER_POOL_ID: 'us-east-1_AbC123',
        VITE_COGNITO_USER_POOL_CLIENT_ID: 'client',
        VITE_COGNITO_PASSWORDLESS: factors,
      });
    expect(passkeyConfig(pool('EMAIL_OTP'))).toBeNull();
    expect(passkeyConfig(pool('EMAIL_OTP,WEB_AUTHN'))?.cognito.userPoolId).toBe('us-east-1_AbC123');
  });

  it('sees passkey support in the browser’s JSON bridge, not in a platform authenticator', () => {
    const credentials = { create: vi.fn(), get: vi.fn() };
    const parse = { parseCreationOptionsFromJSON: vi.fn(), parseRequestOptionsFromJSON: vi.fn() };
    expect(
      browserPasskeys({ PublicKeyCredential: parse, navigator: { credentials } }),
    ).not.toBeNull();
    expect(browserPasskeys({ PublicKeyCredential: {}, navigator: { credentials } })).toBeNull();
    expect(browserPasskeys({ navigator: { credentials } })).toBeNull();
    expect(browserPasskeys({ PublicKeyCredential: parse, navigator: {} })).toBeNull();
  });

  it('adds a passkey, signs out, signs in with it and goes on to the ride page', async () => {
    const { browser, page: ride } = await riderWithPasskey();
    byId('signOut', HTMLButtonElement).click();
    await eventually(() => expect(ride.navigate).toHaveBeenCalled());
    await expect(ride.auth.getIdToken()).resolves.toBeNull();

    const p = signinPage(browser);
    await signInWithPasskey(p);
    expect(p.message.textContent).toBe('');
    expect(p.navigate).toHaveBeenCalledWith('ride.html');
    // The session is where the library keeps its own: the ride page greets the rider.
    const idToken = await librarySession(p.storage).getIdToken();
    expect(idToken).not.toBeNull();
    document.documentElement.replaceChildren();
    await ridePage(browser, ['en-US'], { ...ride, auth: librarySession(p.storage) });
    expect(byId('greeting', HTMLElement).textContent).toMatch(/rider/i);
  });

  it('checks the address first, as the password sign-in does', async () => {
    const p = signinPage(softwareBrowser());
    type(p.email, 'not-an-address');
    p.button.click();
    expect(fieldError(p.email)).toBe(EMAIL_INVALID);
    expect(document.activeElement).toBe(p.email);
    expect(p.button.hasAttribute('aria-busy')).toBe(false);
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('tells an account without a passkey to sign in with the password and add one', async () => {
    await signedInRider(site, EMAIL);
    const p = signinPage(softwareBrowser());
    await signInWithPasskey(p);
    expect(p.message.textContent).toBe(
      'This account has no passkey yet. Sign in with your password, then add one from the account menu.',
    );
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('says the same for an address with no account, giving nothing away', async () => {
    const p = signinPage(softwareBrowser());
    await signInWithPasskey(p, 'nobody@example.com');
    expect(p.message.textContent).toBe(
      'This account has no passkey yet. Sign in with your password, then add one from the account menu.',
    );
  });

  it('says calmly that the request was cancelled when the dialog is closed', async () => {
    const { browser } = await riderWithPasskey();
    browser.failWith = 'NotAllowedError';
    const p = signinPage(browser);
    await signInWithPasskey(p);
    expect(p.message.textContent).toBe(
      'The passkey request was cancelled or timed out. You can try again when you are ready.',
    );
    expect(p.message.dataset.tone).toBe('info');
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('refuses an answer that was already used once, and says the passkey was not accepted', async () => {
    const { browser } = await riderWithPasskey();
    const first = signinPage(browser);
    await signInWithPasskey(first);
    expect(first.navigate).toHaveBeenCalledWith('ride.html');
    const used = browser.answers.at(-1);
    if (used === undefined) throw new Error('no assertion was made');

    browser.replay = used;
    const again = signinPage(browser);
    await signInWithPasskey(again);
    expect(again.message.textContent).toBe(
      'That passkey was not accepted. Try again, or sign in with your password.',
    );
    expect(again.navigate).not.toHaveBeenCalled();
    await expect(librarySession(again.storage).getIdToken()).resolves.toBeNull();
  });

  it('refuses another account’s passkey', async () => {
    const { browser } = await riderWithPasskey();
    const theirs = browser.answers.at(-1)?.id;
    document.documentElement.replaceChildren();
    // Someone else registers too, with a passkey on the same authenticator.
    const other = await signedInRider(site, 'other@example.com');
    const otherPage = await ridePage(browser, ['en-US'], other);
    await openPanel(otherPage);
    await addPasskey(otherPage);
    const foreign = browser.answers.at(-1)?.id;
    expect(foreign).not.toBe(theirs);

    browser.use = String(foreign);
    const p = signinPage(browser);
    await signInWithPasskey(p);
    expect(p.message.textContent).toBe(
      'That passkey was not accepted. Try again, or sign in with your password.',
    );
    expect(p.navigate).not.toHaveBeenCalled();
  });

  it('speaks Korean', async () => {
    await signedInRider(site, EMAIL);
    const p = signinPage(softwareBrowser(), ['ko-KR']);
    expect(p.button.textContent?.trim()).toBe('패스키로 로그인');
    await signInWithPasskey(p);
    expect(p.message.textContent).toBe(
      '이 계정에는 아직 패스키가 없어요. 비밀번호로 로그인한 뒤 계정 메뉴에서 패스키를 추가해 주세요.',
    );
  });
});
