/**
 * "Continue with Google" end to end over HTTP, driven by arctic (an OAuth client independent of
 * the site's): authorize with `identity_provider=Google` → the local Google stand-in's page → a
 * test account → `/oauth2/idpresponse` → code → tokens, checked with jose against the pool's
 * JWKS. Then what Cognito does with federated users (username `Google_<sub>`, EXTERNAL_PROVIDER,
 * `identities`, attribute mapping, the `<pool>_Google` group) and the error paths.
 */

import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from 'arctic';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { LOCAL_GOOGLE_CLIENT_ID } from '../../emulator/core/oauth/providers.ts';
import {
  CALLBACK,
  csrfOf,
  type HostedFixture,
  startHosted,
  TestBrowser,
  type Visit,
} from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';
import { sdkClient } from '../support/sdk.ts';
import { stringAt } from '../support/wire.ts';

const ALEX_SUB = '104839201758493021733';
const GOOGLE_GROUP = `${DEFAULT_POOL_ID}_Google`;

let hosted: HostedFixture;
let browser: TestBrowser;

beforeEach(async () => {
  hosted = await startHosted();
  browser = new TestBrowser(hosted.url);
});
afterEach(async () => {
  await hosted.server.close();
});

/** The local client's authorize URL for Google, with PKCE, a state and a nonce. */
function googleAuthorize(extra: Record<string, string> = {}) {
  const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
  const state = generateState();
  const verifier = generateCodeVerifier();
  const url = client.createAuthorizationURLWithPKCE(
    `${hosted.url}/oauth2/authorize`,
    state,
    CodeChallengeMethod.S256,
    verifier,
    ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
  );
  url.searchParams.set('nonce', 'n-google-1');
  url.searchParams.set('identity_provider', 'Google');
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return { client, state, verifier, url };
}

/** The text of a page without its markup, as a person reads it. */
function words(page: string): string {
  return page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Follows authorize to the stand-in's page; returns its URL and the page. */
async function openStandIn(url: URL): Promise<{ standIn: URL; page: Visit }> {
  const toGoogle = await browser.visit(url);
  expect(toGoogle.status).toBe(302);
  const standIn = toGoogle.location as URL;
  const page = await browser.visit(standIn);
  expect(page.status).toBe(200);
  return { standIn, page };
}

/** Picks a choice on the stand-in's page, then follows idpresponse back to the app. */
async function choose(url: URL, choice: Record<string, string>): Promise<URL> {
  const { standIn, page } = await openStandIn(url);
  const toCognito = await browser.visit(standIn, { _csrf: csrfOf(page.text), ...choice });
  expect(toCognito.status).toBe(302);
  expect(toCognito.location?.pathname).toBe('/oauth2/idpresponse');
  const back = await browser.visit(toCognito.location as URL);
  expect(back.status).toBe(302);
  return back.location as URL;
}

/** Signs in with Google as `choice` and redeems the code; the tokens. */
async function googleTokens(choice: Record<string, string>) {
  const flow = googleAuthorize();
  const back = await choose(flow.url, choice);
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
  expect(back.searchParams.get('state')).toBe(flow.state);
  return flow.client.validateAuthorizationCode(
    `${hosted.url}/oauth2/token`,
    back.searchParams.get('code') ?? '',
    flow.verifier,
  );
}

describe('Continue with Google through the local stand-in', () => {
  it('sends identity_provider=Google straight to the stand-in with Cognito’s own state and the idpresponse redirect', async () => {
    const { url } = googleAuthorize();
    const toGoogle = await browser.visit(url);
    expect(toGoogle.status).toBe(302);
    const standIn = toGoogle.location as URL;
    expect(`${standIn.origin}${standIn.pathname}`).toBe(`${hosted.url}/google/authorize`);
    expect(standIn.searchParams.get('client_id')).toBe(LOCAL_GOOGLE_CLIENT_ID);
    expect(standIn.searchParams.get('redirect_uri')).toBe(`${hosted.url}/oauth2/idpresponse`);
    expect(standIn.searchParams.get('response_type')).toBe('code');
    expect(standIn.searchParams.get('scope')).toBe('openid email profile');
    // The app's state and nonce stay with Cognito; Google gets values of Cognito's own.
    expect(standIn.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
    expect(standIn.searchParams.get('nonce')).not.toBe('n-google-1');
  });

  it('signs a new person in as Google_<sub> with identities, mapped attributes and the Google group in the tokens', async () => {
    const tokens = await googleTokens({ account: 'alex' });
    const jwks = createRemoteJWKSet(new URL(`${hosted.issuer}/.well-known/jwks.json`));
    const { payload: id } = await jwtVerify(tokens.idToken(), jwks, {
      issuer: hosted.issuer,
      audience: DEFAULT_CLIENT_ID,
      currentDate: new Date(hosted.now()),
    });
    expect(id['cognito:username']).toBe(`Google_${ALEX_SUB}`);
    expect(id['cognito:groups']).toEqual([GOOGLE_GROUP]);
    expect(id.identities).toEqual([
      {
        userId: ALEX_SUB,
        providerName: 'Google',
        providerType: 'Google',
        issuer: null,
        primary: 'true',
        dateCreated: String(hosted.now()),
      },
    ]);
    expect(id).toMatchObject({
      email: 'alex.rider@example.com',
      email_verified: true,
      name: 'Alex Rider',
      picture: 'https://example.com/avatars/alex-rider.png',
      nonce: 'n-google-1',
    });
    expect(id.sub).not.toBe(ALEX_SUB);
    const { payload: access } = await jwtVerify(tokens.accessToken(), jwks, {
      issuer: hosted.issuer,
      currentDate: new Date(hosted.now()),
    });
    expect(access).toMatchObject({
      username: `Google_${ALEX_SUB}`,
      'cognito:groups': [GOOGLE_GROUP],
    });
    // Tokens from Google sign-in work with the API like any others.
    const user = await hosted.api.getUser(tokens.accessToken());
    expect(stringAt(user.body, 'Username')).toBe(`Google_${ALEX_SUB}`);
  });

  it('shows the federated user as EXTERNAL_PROVIDER with an identities attribute to AdminGetUser', async () => {
    await googleTokens({ account: 'sam' });
    const sdk = sdkClient(hosted.url);
    try {
      const user = await sdk.send(
        new AdminGetUserCommand({
          UserPoolId: DEFAULT_POOL_ID,
          Username: 'Google_100000000000000000042',
        }),
      );
      expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
      const attributes = Object.fromEntries(
        (user.UserAttributes ?? []).map((a) => [a.Name, a.Value]),
      );
      expect(attributes.email_verified).toBe('false');
      expect(JSON.parse(attributes.identities ?? '')).toEqual([
        {
          userId: '100000000000000000042',
          providerName: 'Google',
          providerType: 'Google',
          issuer: null,
          primary: true,
          dateCreated: hosted.now(),
        },
      ]);
    } finally {
      sdk.destroy();
    }
  });

  it('updates the same user on a second sign-in instead of making another', async () => {
    const first = decodeJwt(
      (await googleTokens({ email: 'typed@example.com', name: 'First Name' })).idToken(),
    );
    hosted.advance(60_000);
    const second = decodeJwt(
      (await googleTokens({ email: 'typed@example.com', name: 'Second Name' })).idToken(),
    );
    expect(second.sub).toBe(first.sub);
    expect(second['cognito:username']).toBe(first['cognito:username']);
    expect(second.name).toBe('Second Name');
    const listed = await hosted.api.call('ListUsers', { UserPoolId: DEFAULT_POOL_ID });
    const users = (listed.body as { Users: { Username: string }[] }).Users;
    expect(users.filter((u) => u.Username.startsWith('Google_'))).toHaveLength(1);
    const members = await hosted.api.call('ListUsersInGroup', {
      UserPoolId: DEFAULT_POOL_ID,
      GroupName: GOOGLE_GROUP,
    });
    expect((members.body as { Users: unknown[] }).Users).toHaveLength(1);
  });

  it('does not let a federated user sign in with a password, nor take a pool user’s email', async () => {
    await hosted.api.confirmedUser('rider@example.com', PASSWORD);
    const tokens = await googleTokens({ email: 'rider@example.com', name: 'Same Email' });
    const username = String(decodeJwt(tokens.idToken())['cognito:username']);
    // "You can't sign in a user with a federated IdP with InitiateAuth" (InitiateAuth, API reference).
    const refused = await hosted.api.passwordSignIn(username, PASSWORD);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    // The pool's own user with that email still signs in with it.
    expect((await hosted.api.passwordSignIn('rider@example.com', PASSWORD)).status).toBe(200);
  });

  it('leaves a managed-login session, so the next authorize without a provider skips the form', async () => {
    await googleTokens({ account: 'minji' });
    const { url } = googleAuthorize();
    url.searchParams.delete('identity_provider');
    const again = await browser.visit(url);
    expect(again.status).toBe(302);
    expect(`${again.location?.origin}${again.location?.pathname}`).toBe(CALLBACK);
    expect(again.location?.searchParams.get('code')).toBeTruthy();
  });

  it('sends access_denied back to the app with its state when the person cancels at the stand-in', async () => {
    const flow = googleAuthorize();
    const back = await choose(flow.url, { cancel: '1' });
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe(flow.state);
    expect(back.searchParams.get('code')).toBeNull();
  });
});

describe('the managed login', () => {
  it('offers Continue with Google, linking to authorize with identity_provider=Google', async () => {
    const { url } = googleAuthorize();
    url.searchParams.delete('identity_provider');
    url.pathname = '/login';
    const page = await browser.visit(url);
    expect(words(page.text)).toContain('Continue with Google or');
    const href = /<a class="provider" href="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const link = new URL(href.replace(/&amp;/g, '&'), hosted.url);
    expect(link.pathname).toBe('/oauth2/authorize');
    expect(link.searchParams.get('identity_provider')).toBe('Google');
    expect(link.searchParams.get('state')).toBe(url.searchParams.get('state'));
    url.searchParams.set('lang', 'ko');
    expect(words((await browser.visit(url)).text)).toContain('Google 계정으로 계속하기');
  });

  it('has no Google button for a client that supports only the pool’s own users', async () => {
    const created = await hosted.api.call('CreateUserPoolClient', {
      UserPoolId: DEFAULT_POOL_ID,
      ClientName: 'PasswordsOnly',
      CallbackURLs: [CALLBACK],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
    const clientId = stringAt(created.body, 'UserPoolClient', 'ClientId');
    const login = new URL('/login', hosted.url);
    login.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: CALLBACK,
      state: 'st',
    }).toString();
    expect(words((await browser.visit(login)).text)).not.toContain('Google');
    login.pathname = '/oauth2/authorize';
    login.searchParams.set('identity_provider', 'Google');
    const refused = await browser.visit(login);
    expect(refused.status).toBe(302);
    expect(Object.fromEntries(refused.location?.searchParams ?? [])).toEqual({
      error: 'unauthorized_client',
      state: 'st',
    });
  });
});

describe('the stand-in', () => {
  it('is clearly labelled as not Google, in English and in Korean by Accept-Language', async () => {
    const { standIn, page } = await openStandIn(googleAuthorize().url);
    expect(words(page.text)).toContain('Local Google stand-in — not Google Choose an account');
    expect(page.text).toContain('name="account" value="alex"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const korean = await fetch(standIn, { headers: { 'Accept-Language': 'ko-KR,ko;q=0.9' } });
    const text = words(await korean.text());
    expect(text).toContain('로컬 Google 대역 — 진짜 Google이 아니에요 계정 선택');
    expect(text).toContain('다른 계정 사용');
  });

  // Chromium holds every redirect after a form's submission to form-action: the stand-in's answer
  // goes through idpresponse on to the app's callback, which may be on another origin.
  it('lets its forms go on through idpresponse to the callbacks of the apps that offer Google (form-action)', async () => {
    const { page } = await openStandIn(googleAuthorize().url);
    expect(new URL(CALLBACK).origin).not.toBe(new URL(hosted.url).origin);
    const csp = page.headers.get('content-security-policy') ?? '';
    const formAction = csp
      .split(';')
      .find((directive) => directive.trim().startsWith('form-action'));
    expect(formAction?.trim().split(' ')).toContain(new URL(CALLBACK).origin);
    expect(csp).toContain("script-src 'self';");
  });

  it('escapes what was typed and says at the field what is missing', async () => {
    const { standIn, page } = await openStandIn(googleAuthorize().url);
    const again = await browser.visit(standIn, {
      _csrf: csrfOf(page.text),
      email: '<b>not-an-email',
      name: '',
    });
    expect(again.status).toBe(200);
    expect(again.text).toContain('value="&lt;b&gt;not-an-email"');
    expect(again.text).not.toContain('<b>not-an-email');
    expect(words(again.text)).toContain('Enter an email address such as you@example.com.');
    expect(words(again.text)).toContain('Enter a name.');
  });

  it('refuses a form without its anti-forgery token', async () => {
    const { standIn } = await openStandIn(googleAuthorize().url);
    const forged = await browser.visit(standIn, { _csrf: 'forged', account: 'alex' });
    expect(forged.status).toBe(403);
    expect(forged.location).toBeUndefined();
  });

  it('shows an error page for an unknown client or a redirect_uri other than idpresponse', async () => {
    const { standIn } = await openStandIn(googleAuthorize().url);
    const unknown = new URL(standIn);
    unknown.searchParams.set('client_id', 'someone-else');
    const first = await browser.visit(unknown);
    expect(first.status).toBe(400);
    expect(words(first.text)).toContain('Error 401: invalid_client.');
    const elsewhere = new URL(standIn);
    elsewhere.searchParams.set('redirect_uri', 'https://evil.example/steal');
    const second = await browser.visit(elsewhere);
    expect(second.status).toBe(400);
    expect(words(second.text)).toContain(
      `Error 400: redirect_uri_mismatch. The stand-in sends people back only to ${hosted.url}/oauth2/idpresponse.`,
    );
  });

  it('publishes its own issuer and signing key, not the pool’s', async () => {
    const discovery = (await (
      await fetch(`${hosted.url}/google/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: `${hosted.url}/google`,
      authorization_endpoint: `${hosted.url}/google/authorize`,
      token_endpoint: `${hosted.url}/google/token`,
      jwks_uri: `${hosted.url}/google/jwks.json`,
    });
    const kids = async (url: string) =>
      ((await (await fetch(url)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const google = await kids(`${hosted.url}/google/jwks.json`);
    const pool = await kids(`${hosted.issuer}/.well-known/jwks.json`);
    expect(google).toHaveLength(1);
    expect(pool.some((kid) => google.includes(kid))).toBe(false);
  });

  it('answers its token endpoint with invalid_client for a wrong secret and invalid_grant for a spent code', async () => {
    const { standIn, page } = await openStandIn(googleAuthorize().url);
    const toCognito = await browser.visit(standIn, { _csrf: csrfOf(page.text), account: 'alex' });
    const code = toCognito.location?.searchParams.get('code') ?? '';
    const redeem = (secret: string) =>
      fetch(`${hosted.url}/google/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: `${hosted.url}/oauth2/idpresponse`,
          client_id: LOCAL_GOOGLE_CLIENT_ID,
          client_secret: secret,
        }),
      });
    const wrong = await redeem('not-the-secret');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'invalid_client' });
    const good = await redeem('local-google-secret');
    expect(good.status).toBe(200);
    const tokens = (await good.json()) as { id_token: string };
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      iss: `${hosted.url}/google`,
      aud: LOCAL_GOOGLE_CLIENT_ID,
      sub: ALEX_SUB,
    });
    const spent = await redeem('local-google-secret');
    expect(spent.status).toBe(400);
    expect(await spent.json()).toEqual({ error: 'invalid_grant' });
  });
});

describe('/oauth2/idpresponse', () => {
  it('shows an error page for a state it never issued, one from another browser, or one already used', async () => {
    const { standIn, page } = await openStandIn(googleAuthorize().url);
    const toCognito = await browser.visit(standIn, { _csrf: csrfOf(page.text), account: 'alex' });
    const response = toCognito.location as URL;

    const forged = new URL(response);
    forged.searchParams.set('state', 'never-issued');
    const unknown = await browser.visit(forged);
    expect(unknown.status).toBe(400);
    expect(words(unknown.text)).toContain('This sign-in has expired or was already used.');

    // Another browser (no cookie tying the state to it) cannot finish this sign-in.
    const stranger = await new TestBrowser(hosted.url).visit(response);
    expect(stranger.status).toBe(400);

    expect((await browser.visit(response)).status).toBe(302);
    expect((await browser.visit(response)).status).toBe(400);
  });

  it('sends server_error to the app when the code does not redeem at the provider', async () => {
    const flow = googleAuthorize();
    const { standIn, page } = await openStandIn(flow.url);
    const toCognito = await browser.visit(standIn, { _csrf: csrfOf(page.text), account: 'alex' });
    const response = new URL(toCognito.location as URL);
    response.searchParams.set('code', 'a-code-google-never-issued');
    const back = await browser.visit(response);
    expect(back.status).toBe(302);
    expect(back.location?.searchParams.get('error')).toBe('server_error');
    expect(back.location?.searchParams.get('state')).toBe(flow.state);
    const users = await hosted.api.call('ListUsers', { UserPoolId: DEFAULT_POOL_ID });
    expect((users.body as { Users: unknown[] }).Users).toHaveLength(0);
  });

  it('is not listed in the pool’s discovery document, whose every endpoint answers', async () => {
    const discovery = (await (
      await fetch(`${hosted.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    const endpoints = Object.entries(discovery).filter(
      ([key]) => key.endsWith('_endpoint') || key === 'jwks_uri',
    );
    expect(endpoints.map(([key]) => key).sort()).toEqual([
      'authorization_endpoint',
      'end_session_endpoint',
      'jwks_uri',
      'revocation_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
    ]);
    expect(JSON.stringify(discovery)).not.toContain('idpresponse');
    for (const [, url] of endpoints) {
      const post = /token|revoke/.test(String(url));
      const answer = await fetch(String(url), {
        method: post ? 'POST' : 'GET',
        redirect: 'manual',
      });
      expect(answer.status, String(url)).not.toBe(404);
    }
  });
});
