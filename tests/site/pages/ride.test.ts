// @vitest-environment jsdom
import { HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupRidePage } from '../../../src/pages/ride.ts';
import {
  answer,
  byId,
  loadPage,
  memoryStorage,
  testAuth,
  testI18n,
  useNetwork,
} from '../helpers.ts';

const network = useNetwork();
const PREFIX = 'CognitoIdentityServiceProvider.testclient';
const SUB = 'sub-1';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

function signedInStorage(email = 'rider@example.com') {
  const storage = memoryStorage();
  const now = Math.floor(Date.now() / 1000);
  const idToken = jwt({ sub: SUB, email, token_use: 'id', iat: now, exp: now + 3600 });
  storage.setItem(`${PREFIX}.LastAuthUser`, SUB);
  storage.setItem(`${PREFIX}.${SUB}.idToken`, idToken);
  storage.setItem(
    `${PREFIX}.${SUB}.accessToken`,
    jwt({ sub: SUB, token_use: 'access', iat: now, exp: now + 3600 }),
  );
  storage.setItem(`${PREFIX}.${SUB}.refreshToken`, 'refresh');
  return { storage, idToken };
}

async function page(storage = memoryStorage(), invokeUrl: string | null = 'https://api.test/prod') {
  loadPage('ride.html');
  const navigate = vi.fn<(url: string) => void>();
  const clipboard = { writeText: vi.fn<(text: string) => Promise<void>>(() => Promise.resolve()) };
  await setupRidePage(document, {
    auth: testAuth(storage),
    i18n: testI18n(),
    navigate,
    invokeUrl,
    clipboard,
  });
  return { navigate, clipboard, storage };
}

beforeEach(() => {
  document.documentElement.replaceChildren();
});

describe('ride page', () => {
  it('sends a signed-out visitor to sign in', async () => {
    const { navigate } = await page();
    expect(navigate).toHaveBeenCalledWith('signin.html');
    expect(byId('account', HTMLElement).hidden).toBe(true);
  });

  it('greets the signed-in rider by the email in the ID token, as text', async () => {
    const { navigate } = await page(signedInStorage('<b>rider</b>@example.com').storage);
    expect(navigate).not.toHaveBeenCalled();
    const greeting = byId('greeting', HTMLElement);
    expect(greeting.textContent).toBe('Hello, <b>rider</b>@example.com!');
    expect(greeting.querySelector('b')).toBeNull();
    expect(byId('account', HTMLElement).hidden).toBe(false);
  });

  it('has the request button and the updates list, with no ride faked yet', async () => {
    await page(signedInStorage().storage);
    expect(byId('request', HTMLButtonElement).disabled).toBe(true);
    expect(byId('updates', HTMLOListElement).children).toHaveLength(0);
    expect(byId('map', HTMLElement)).toBeTruthy();
  });

  it('opens and closes the account menu from the keyboard', async () => {
    await page(signedInStorage().storage);
    const button = byId('accountLink', HTMLButtonElement);
    const menu = byId('accountMenu', HTMLElement);
    button.click();
    expect(menu.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    byId('signOut', HTMLButtonElement).focus();
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(menu.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('signs out on this device and goes to sign in', async () => {
    const { navigate, storage } = await page(signedInStorage().storage);
    byId('signOut', HTMLButtonElement).click();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('signin.html'));
    expect(storage.data.size).toBe(0);
  });

  it('signs out everywhere with GlobalSignOut', async () => {
    network.server.use(answer('GlobalSignOut', () => HttpResponse.json({})));
    const { navigate, storage } = await page(signedInStorage().storage);
    byId('signOutEverywhere', HTMLButtonElement).click();
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('signin.html'));
    expect(network.operations).toEqual(['GlobalSignOut']);
    expect(storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
  });

  it('stays signed in and explains when signing out everywhere cannot reach the service', async () => {
    network.server.use(answer('GlobalSignOut', () => HttpResponse.error()));
    const { navigate } = await page(signedInStorage().storage);
    byId('signOutEverywhere', HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(byId('rideMessage', HTMLElement).textContent).toBe(
        'Could not reach the sign-in service. Check your connection and try again.',
      ),
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says the API is not configured and copies the ID token only when asked', async () => {
    const { storage, idToken } = signedInStorage();
    const { clipboard } = await page(storage, null);
    expect(byId('apiNotice', HTMLElement).hidden).toBe(false);
    expect(document.body.innerHTML).not.toContain(idToken);
    byId('copyToken', HTMLButtonElement).click();
    await vi.waitFor(() => expect(clipboard.writeText).toHaveBeenCalledWith(idToken));
    expect(byId('rideMessage', HTMLElement).textContent).toBe('The ID token is on your clipboard.');
  });

  it('hides the API notice when the API is configured', async () => {
    await page(signedInStorage().storage);
    expect(byId('apiNotice', HTMLElement).hidden).toBe(true);
  });
});
