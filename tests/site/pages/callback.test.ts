// @vitest-environment jsdom
/**
 * The callback page: the domain's answer finished into a session (tokens under the library's
 * keys, on to the ride page, the code gone from the address), or the failure said in words in
 * both languages with the way back to sign in. The flow itself (state, PKCE, nonce, the token
 * endpoint's errors) is pinned in tests/site/hosted-sign-in.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../../src/cognito-auth.ts';
import { completeHostedSignIn, HostedSignInError } from '../../../src/hosted/flow.ts';
import { setupCallbackPage } from '../../../src/pages/callback.ts';
import { type SessionTokens, storeSession } from '../../../src/token-store.ts';
import { PASSWORD } from '../../support/passwords.ts';
import { memoryStorage } from '../../support/storage.ts';
import { byId, liveRegion, loadPage, testI18n } from '../helpers.ts';
import { DEV_ORIGIN, devSiteConfig, useHostedEmulator } from '../hosted.ts';

const cognito = useHostedEmulator();
const EMAIL = 'rider@example.com';
const ANSWER = `${DEV_ORIGIN}/callback.html?code=a-code&state=a-state`;

/** Real tokens of a signed-in user, from a sign-in on another device. */
async function realTokens(): Promise<SessionTokens> {
  await cognito.confirmedUser(EMAIL, PASSWORD);
  const { cognito: pool } = devSiteConfig();
  const elsewhere = memoryStorage();
  await createAuth({ cognito: pool, storage: elsewhere }).signIn(EMAIL, PASSWORD);
  const prefix = `CognitoIdentityServiceProvider.${pool.userPoolClientId}`;
  const user = elsewhere.getItem(`${prefix}.LastAuthUser`) ?? '';
  const token = (name: string) => elsewhere.getItem(`${prefix}.${user}.${name}`) ?? '';
  return {
    idToken: token('idToken'),
    accessToken: token('accessToken'),
    refreshToken: token('refreshToken'),
  };
}

async function page(
  complete: ((url: URL) => Promise<SessionTokens>) | null,
  languages = ['en-US'],
) {
  loadPage('callback.html');
  const storage = memoryStorage();
  const navigate = vi.fn<(url: string) => void>();
  const replaceUrl = vi.fn<(url: string) => void>();
  const i18n = testI18n(languages);
  await setupCallbackPage(document, {
    i18n,
    complete,
    store: (tokens) => storeSession({ cognito: devSiteConfig().cognito, storage }, tokens),
    url: ANSWER,
    replaceUrl,
    navigate,
  });
  return { storage, navigate, replaceUrl, i18n };
}

const failing =
  (code: HostedSignInError['code'], error = '') =>
  async (): Promise<never> => {
    throw new HostedSignInError(code, error, 'refused');
  };

const heading = () => byId('callbackHeading', HTMLElement);
const back = () => byId('callbackBack', HTMLElement);

describe('the callback page', () => {
  it('keeps the session, takes the code out of the address and goes on to the ride page', async () => {
    const tokens = await realTokens();
    const seen: URL[] = [];
    const { storage, navigate, replaceUrl } = await page(async (url) => {
      seen.push(url);
      return tokens;
    });
    expect(seen.map(String)).toEqual([ANSWER]);
    expect(replaceUrl).toHaveBeenCalledWith('/callback.html');
    const prefix = `CognitoIdentityServiceProvider.${devSiteConfig().cognito.userPoolClientId}`;
    const user = storage.getItem(`${prefix}.LastAuthUser`) ?? '';
    expect(storage.getItem(`${prefix}.${user}.idToken`)).toBe(tokens.idToken);
    expect(navigate).toHaveBeenCalledWith('ride.html');
    expect(back().hidden).toBe(true);
  });

  it('says a stale answer in words, with the way back to sign in, after checking it for real', async () => {
    const config = devSiteConfig();
    const { navigate, storage } = await page((url) =>
      completeHostedSignIn(
        { hosted: config.hosted, cognito: config.cognito, storage: memoryStorage() },
        url,
      ),
    );
    expect(heading().textContent).toBe('Sign-in did not finish');
    expect(liveRegion(document).textContent).toBe(
      'This answer does not belong to a sign-in started in this tab: it is old, or was opened in another tab. Start signing in again.',
    );
    expect(back().hidden).toBe(false);
    expect(back().querySelector('a')?.getAttribute('href')).toBe('signin.html');
    expect(document.activeElement).toBe(heading());
    expect(navigate).not.toHaveBeenCalled();
    expect(storage.length).toBe(0);
  });

  it.each([
    [
      'AccessDenied',
      'Sign-in was cancelled, or this account may not sign in here. You can try again.',
    ],
    [
      'InvalidGrant',
      'The sign-in code was already used or has expired (codes last 5 minutes). Sign in again.',
    ],
    [
      'InvalidClient',
      'The app client refused the site (invalid_client). A browser app needs an app client without a client secret.',
    ],
  ] as const)('says %s in words', async (code, text) => {
    await page(failing(code));
    expect(liveRegion(document).textContent).toBe(text);
    expect(back().hidden).toBe(false);
  });

  it('names the OAuth error it has no words of its own for', async () => {
    await page(failing('Refused', 'server_error'));
    expect(liveRegion(document).textContent).toBe(
      'The sign-in service refused (server_error). Sign in again.',
    );
  });

  it('says it in Korean, and follows a language switch', async () => {
    const { i18n } = await page(failing('AccessDenied', 'access_denied'), ['ko-KR']);
    expect(heading().textContent).toBe('로그인을 마치지 못했어요');
    expect(liveRegion(document).textContent).toBe(
      '로그인이 취소됐거나, 이 계정으로는 여기에 로그인할 수 없어요. 다시 시도해 보세요.',
    );
    expect(back().textContent).toBe('로그인으로 돌아가기');
    await i18n.setLanguage('en');
    expect(heading().textContent).toBe('Sign-in did not finish');
    expect(liveRegion(document).textContent).toMatch(/^Sign-in was cancelled/);
  });

  it('says that hosted sign-in is not set up when the site has no user pool domain', async () => {
    const { navigate } = await page(null);
    expect(liveRegion(document).textContent).toBe(
      'Hosted sign-in is not set up for this site: VITE_COGNITO_DOMAIN is not set.',
    );
    expect(navigate).not.toHaveBeenCalled();
  });
});
