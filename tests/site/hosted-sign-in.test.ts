/**
 * The site's hosted sign-in (src/hosted/flow.ts, oauth4webapi) against the emulator's pool
 * domain: authorize with PKCE S256, state and nonce → managed login → code → tokens kept where
 * amazon-cognito-identity-js keeps its session, then getSession() and refresh work on them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  defaultClient,
  defaultConfig,
  defaultPool,
  localClientOAuth,
} from '../../emulator/core/config.ts';
import {
  completeHostedSignIn,
  HOSTED_SCOPES,
  HostedSignInError,
  startHostedSignIn,
} from '../../src/hosted/flow.ts';
import { storeSession } from '../../src/token-store.ts';
import { PASSWORD } from '../support/passwords.ts';
import {
  DEFAULT_CLIENT_ID,
  DEV_ORIGIN,
  devSiteConfig,
  newTab,
  signInAt,
  type Tab,
  tabAuth,
  useHostedEmulator,
} from './hosted.ts';

const cognito = useHostedEmulator();
afterEach(() => {
  vi.useRealTimers();
});
const EMAIL = 'rider@example.com';
const PREFIX = `CognitoIdentityServiceProvider.${DEFAULT_CLIENT_ID}`;

/** What the flow failed with, or a failure of the test when it did not fail. */
async function failureOf(task: Promise<unknown>): Promise<HostedSignInError> {
  const outcome = await task.then(
    () => new Error('expected the sign-in to fail'),
    (failure: unknown) => failure,
  );
  if (!(outcome instanceof HostedSignInError)) throw outcome;
  return outcome;
}

/** A tab that has started a sign-in and come back from the managed login with a code. */
async function signedInAtDomain(tab: Tab = newTab()): Promise<{ tab: Tab; back: URL }> {
  await cognito.confirmedUser(EMAIL, PASSWORD);
  const back = await signInAt(tab, await startHostedSignIn(tab.deps), EMAIL);
  return { tab, back };
}

function tokenRequests(): number {
  return cognito.requests.filter((request) => request.url.endsWith('/oauth2/token')).length;
}

describe('starting hosted sign-in', () => {
  it('asks the domain for a code with PKCE S256, a state and a nonce, back to the callback page', async () => {
    const tab = newTab();
    const url = new URL(await startHostedSignIn(tab.deps, { language: 'ko' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${DEV_ORIGIN}/emulator/oauth2/authorize`);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: `${DEV_ORIGIN}/callback.html`,
      scope: HOSTED_SCOPES,
      code_challenge_method: 'S256',
      lang: 'ko',
    });
    expect(query.state).toMatch(/^[\w-]{43}$/);
    expect(query.nonce).toMatch(/^[\w-]{43}$/);
    expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(query).not.toHaveProperty('identity_provider');
    // The verifier stays in this tab; only its S256 challenge travels.
    const pending = JSON.parse(tab.session.getItem('wildrydes.hosted.pending') ?? '{}');
    expect(pending.state).toBe(query.state);
    expect(pending.verifier).not.toBe(query.code_challenge);
  });

  it('goes straight to Google with identity_provider=Google', async () => {
    const url = new URL(await startHostedSignIn(newTab().deps, { provider: 'Google' }));
    expect(url.searchParams.get('identity_provider')).toBe('Google');
  });
});

describe('finishing hosted sign-in', () => {
  it('keeps the tokens under the library keys, so getSession() and refresh work', async () => {
    const { tab, back } = await signedInAtDomain();
    const tokens = await completeHostedSignIn(tab.deps, back);
    const username = storeSession({ cognito: devSiteConfig().cognito, storage: tab.local }, tokens);

    expect(username).toMatch(/^[0-9a-f-]{36}$/);
    expect(tab.local.getItem(`${PREFIX}.LastAuthUser`)).toBe(username);
    expect(tab.local.getItem(`${PREFIX}.${username}.idToken`)).toBe(tokens.idToken);
    expect(tab.local.getItem(`${PREFIX}.${username}.accessToken`)).toBe(tokens.accessToken);
    expect(tab.local.getItem(`${PREFIX}.${username}.refreshToken`)).toBe(tokens.refreshToken);
    expect(tab.local.getItem(`${PREFIX}.${username}.clockDrift`)).toMatch(/^-?\d+$/);

    const auth = tabAuth(tab);
    expect(await auth.getIdToken()).toBe(tokens.idToken);
    // An hour on, the ID token has expired for the library (the real clock) and the pool alike.
    cognito.clock.advance(2 * 3600 * 1000);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3600 * 1000 });
    const refreshed = await auth.getIdToken();
    expect(refreshed).not.toBeNull();
    expect(refreshed).not.toBe(tokens.idToken);
    expect(cognito.requests.at(-1)?.operation).toBe('GetTokensFromRefreshToken');
  });

  it('forgets the pending sign-in, so the same answer cannot be replayed in this tab', async () => {
    const { tab, back } = await signedInAtDomain();
    await completeHostedSignIn(tab.deps, back);
    const again = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(again.code).toBe('StaleState');
  });

  it('refuses a code used twice: invalid_grant from the token endpoint', async () => {
    const { tab, back } = await signedInAtDomain();
    const pending = tab.session.getItem('wildrydes.hosted.pending') ?? '';
    await completeHostedSignIn(tab.deps, back);
    tab.session.setItem('wildrydes.hosted.pending', pending);
    const reused = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(reused.code).toBe('InvalidGrant');
    expect(reused.error).toBe('invalid_grant');
  });

  it('refuses an answer whose state is not the one this tab sent, before any token request', async () => {
    const { tab, back } = await signedInAtDomain();
    back.searchParams.set('state', 'someone-elses-state');
    const stale = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(stale.code).toBe('StaleState');
    expect(tokenRequests()).toBe(0);
  });

  it('refuses an answer without a state', async () => {
    const { tab, back } = await signedInAtDomain();
    back.searchParams.delete('state');
    expect((await failureOf(completeHostedSignIn(tab.deps, back))).code).toBe('StaleState');
  });

  it('refuses an answer when this tab started no sign-in (opened in another tab)', async () => {
    const { back } = await signedInAtDomain();
    const other = newTab();
    expect((await failureOf(completeHostedSignIn(other.deps, back))).code).toBe('StaleState');
    expect(tokenRequests()).toBe(0);
  });

  it('says access_denied when the domain sends the person back without signing in', async () => {
    const tab = newTab();
    const authorize = new URL(await startHostedSignIn(tab.deps));
    const back = new URL(`${DEV_ORIGIN}/callback.html`);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', authorize.searchParams.get('state') ?? '');
    const denied = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(denied.code).toBe('AccessDenied');
    expect(denied.error).toBe('access_denied');
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { tab, back } = await signedInAtDomain();
    const pending = JSON.parse(tab.session.getItem('wildrydes.hosted.pending') ?? '{}');
    tab.session.setItem(
      'wildrydes.hosted.pending',
      JSON.stringify({ ...pending, nonce: 'another-sign-ins-nonce' }),
    );
    const mismatch = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(mismatch.code).toBe('TokenMismatch');
    expect(mismatch.message).toMatch(/nonce/);
    expect(tab.local.length).toBe(0);
  });

  it('explains invalid_client: an app client with a secret, called without it', async () => {
    const oauth = localClientOAuth();
    await cognito.restart({
      config: {
        ...defaultConfig(),
        pools: [
          defaultPool({
            // Fixture users sign up through the first client, which has no secret.
            clients: [
              defaultClient({ id: 'signupclient' }),
              defaultClient({
                ...oauth,
                secret: 'a-secret-a-browser-cannot-keep',
              }),
            ],
          }),
        ],
      },
    });
    const { tab, back } = await signedInAtDomain();
    const refused = await failureOf(completeHostedSignIn(tab.deps, back));
    expect(refused.code).toBe('InvalidClient');
    expect(refused.error).toBe('invalid_client');
  });
});
