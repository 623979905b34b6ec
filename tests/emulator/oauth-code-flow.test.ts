/**
 * The authorization code grant with PKCE end to end, driven by arctic (an OAuth 2.0 client that
 * is not the one the site uses): authorize → managed login → code → tokens, checked with jose
 * against the pool's JWKS, then used as any other tokens (REFRESH_TOKEN_AUTH, GetUser).
 */

import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from 'arctic';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../emulator/core/bytes.ts';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import { CALLBACK, type HostedFixture, startHosted, TestBrowser } from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';
import { stringAt } from '../support/wire.ts';

const EMAIL = 'rider@example.com';

let hosted: HostedFixture;
let browser: TestBrowser;

beforeEach(async () => {
  hosted = await startHosted();
  browser = new TestBrowser(hosted.url);
  await hosted.api.confirmedUser(EMAIL, PASSWORD);
});
afterEach(async () => {
  await hosted.server.close();
});

async function atHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)),
  );
  return toBase64Url(digest.slice(0, 16));
}

/** Signs in through the managed login for `authorizeUrl`; the redirect back to the app. */
async function signInFor(authorizeUrl: URL): Promise<URL> {
  const toLogin = await browser.visit(authorizeUrl);
  expect(toLogin.status).toBe(302);
  const loginUrl = toLogin.location as URL;
  expect(loginUrl.pathname).toBe('/login');
  const form = await browser.visit(loginUrl);
  const back = await browser.submitLogin(loginUrl, form, EMAIL, PASSWORD);
  expect(back.status).toBe(302);
  return back.location as URL;
}

describe('the authorization code grant with PKCE', () => {
  it('gives tokens whose signatures, at_hash, nonce and scope check out against the JWKS', async () => {
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const state = generateState();
    const verifier = generateCodeVerifier();
    const url = client.createAuthorizationURLWithPKCE(
      `${hosted.url}/oauth2/authorize`,
      state,
      CodeChallengeMethod.S256,
      verifier,
      ['openid', 'email', 'aws.cognito.signin.user.admin'],
    );
    url.searchParams.set('nonce', 'n-0S6_WzA2Mj');
    const back = await signInFor(url);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe(state);

    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      back.searchParams.get('code') ?? '',
      verifier,
    );
    expect(tokens.tokenType()).toBe('Bearer');
    expect(tokens.accessTokenExpiresInSeconds()).toBe(3600);
    expect(tokens.hasRefreshToken()).toBe(true);

    const jwks = createRemoteJWKSet(new URL(`${hosted.issuer}/.well-known/jwks.json`));
    const id = await jwtVerify(tokens.idToken(), jwks, {
      issuer: hosted.issuer,
      audience: DEFAULT_CLIENT_ID,
      currentDate: new Date(hosted.now()),
    });
    expect(id.payload.token_use).toBe('id');
    expect(id.payload.email).toBe(EMAIL);
    expect(id.payload.nonce).toBe('n-0S6_WzA2Mj');
    expect(id.payload.at_hash).toBe(await atHash(tokens.accessToken()));
    const access = await jwtVerify(tokens.accessToken(), jwks, {
      issuer: hosted.issuer,
      currentDate: new Date(hosted.now()),
    });
    expect(access.payload.scope).toBe('openid email aws.cognito.signin.user.admin');
    expect(access.payload.client_id).toBe(DEFAULT_CLIENT_ID);
  });

  it('gives tokens that work with GetUser and REFRESH_TOKEN_AUTH like any others', async () => {
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const verifier = generateCodeVerifier();
    const url = client.createAuthorizationURLWithPKCE(
      `${hosted.url}/oauth2/authorize`,
      'state-1',
      CodeChallengeMethod.S256,
      verifier,
      ['openid', 'aws.cognito.signin.user.admin'],
    );
    const back = await signInFor(url);
    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      back.searchParams.get('code') ?? '',
      verifier,
    );
    const user = await hosted.api.call('GetUser', { AccessToken: tokens.accessToken() });
    expect(user.status).toBe(200);
    expect(stringAt(user.body, 'Username')).toMatch(/^[0-9a-f-]{36}$/);

    const refreshed = await hosted.api.call('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.refreshToken() },
    });
    expect(refreshed.status).toBe(200);
    const access = stringAt(refreshed.body, 'AuthenticationResult', 'AccessToken');
    const claims = JSON.parse(atob(access.split('.')[1] ?? '')) as Record<string, unknown>;
    // The refreshed token keeps the scopes granted at the pool domain.
    expect(claims.scope).toBe('openid aws.cognito.signin.user.admin');

    const again = await client.refreshAccessToken(
      `${hosted.url}/oauth2/token`,
      tokens.refreshToken(),
      [],
    );
    expect(again.hasRefreshToken()).toBe(false);
    expect(again.idToken()).toMatch(/^ey/);
  });

  it('refuses GetUser with a pool-domain token that lacks aws.cognito.signin.user.admin', async () => {
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const verifier = generateCodeVerifier();
    const url = client.createAuthorizationURLWithPKCE(
      `${hosted.url}/oauth2/authorize`,
      's',
      CodeChallengeMethod.S256,
      verifier,
      ['openid', 'email'],
    );
    const back = await signInFor(url);
    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      back.searchParams.get('code') ?? '',
      verifier,
    );
    const user = await hosted.api.call('GetUser', { AccessToken: tokens.accessToken() });
    expect(user.status).toBe(400);
    expect(user.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
    });
  });

  it('skips the form on a second authorize while the managed-login session lives', async () => {
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const first = client.createAuthorizationURL(`${hosted.url}/oauth2/authorize`, 'a', ['openid']);
    await signInFor(first);
    const second = client.createAuthorizationURL(`${hosted.url}/oauth2/authorize`, 'b', ['openid']);
    const back = await browser.visit(second);
    expect(back.status).toBe(302);
    expect(back.location?.searchParams.get('code')).toMatch(/.+/);
    expect(back.location?.searchParams.get('state')).toBe('b');
  });

  it('answers the implicit grant in the fragment, without a refresh token', async () => {
    const url = new URL(`${hosted.url}/oauth2/authorize`);
    url.search = new URLSearchParams({
      client_id: 'implicitclient',
      response_type: 'token',
      redirect_uri: CALLBACK,
      scope: 'openid aws.cognito.signin.user.admin',
      state: 'imp',
    }).toString();
    const back = await signInFor(url);
    const fragment = new URLSearchParams(back.hash.slice(1));
    expect(back.search).toBe('');
    expect(fragment.get('access_token')).toMatch(/^ey/);
    expect(fragment.get('id_token')).toMatch(/^ey/);
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('state')).toBe('imp');
    expect(fragment.has('refresh_token')).toBe(false);
  });
});
