/**
 * The tokens the emulator issues, checked from the outside as an API would: with `jose` against
 * the JWKS the standalone server publishes. The emulator's clock is injected, so expiry is tested
 * by moving it instead of waiting.
 */

import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { latestCode } from '../support/emulator.ts';
import { forgedCopy, unsignedCopy, withClaims } from '../support/jwt.ts';
import { PASSWORD } from '../support/passwords.ts';
import { type CognitoApi, cognitoApi, stringAt, tokensOf } from '../support/wire.ts';

const SHORT_CLIENT_ID = 'shortlivedclient';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The emulator's clock, in milliseconds; reset to the real time before each test. */
let clock = 0;
let emulator: Emulator;
let server: RunningServer;
let issuer: string;
let api: CognitoApi;
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  // A config file as a developer would write it: the default client plus one with 2 s tokens.
  const config = readEmulatorConfig({
    pools: [
      {
        id: DEFAULT_POOL_ID,
        clients: [
          { id: DEFAULT_CLIENT_ID },
          { id: SHORT_CLIENT_ID, idTokenValidity: 2, accessTokenValidity: 2 },
        ],
      },
    ],
  });
  emulator = await createNodeEmulator({ config, now: () => clock });
  server = await startServer(emulator, { port: 0 });
  issuer = `${server.url}/${DEFAULT_POOL_ID}`;
  api = cognitoApi(fetch, `${server.url}/`);
  jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
});

afterAll(() => server.close());

beforeEach(() => {
  clock = Math.floor(Date.now() / 1000) * 1000;
});

let counter = 0;
/** Signs a new user up and confirms them with the mailed code; returns their email and sub. */
async function confirmedUser(): Promise<{ email: string; sub: string }> {
  counter += 1;
  const email = `token.${counter}.${Date.now()}@example.com`;
  const signUp = await api.signUp(email, PASSWORD);
  expect(signUp.status).toBe(200);
  const confirm = await api.confirmSignUp(email, latestCode(emulator, email));
  expect(confirm.status).toBe(200);
  return { email, sub: stringAt(signUp.body, 'UserSub') };
}

async function signedIn(clientId = DEFAULT_CLIENT_ID) {
  const user = await confirmedUser();
  const answer = await api.passwordSignIn(user.email, PASSWORD, clientId);
  return { ...user, answer, ...tokensOf(answer) };
}

describe('keys and discovery', () => {
  it('serves an OpenID configuration naming the pool as issuer and its JWKS', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const configuration: unknown = await response.json();
    expect(stringAt(configuration, 'issuer')).toBe(issuer);
    expect(stringAt(configuration, 'jwks_uri')).toBe(`${issuer}/.well-known/jwks.json`);
  });

  it('answers 404 for the keys of a pool it does not serve', async () => {
    const response = await fetch(`${server.url}/local_Nope/.well-known/jwks.json`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'User pool local_Nope does not exist.' });
  });
});

describe('claims', () => {
  it('issues an ID token with exactly the claims Cognito puts in one', async () => {
    const { idToken, email, sub } = await signedIn();
    const { payload } = await jwtVerify(idToken, jwks, { issuer, audience: DEFAULT_CLIENT_ID });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'sub',
        'email',
        'email_verified',
        'iss',
        'cognito:username',
        'aud',
        'event_id',
        'origin_jti',
        'token_use',
        'auth_time',
        'exp',
        'iat',
        'jti',
      ].sort(),
    );
    const iat = clock / 1000;
    expect(payload).toEqual({
      sub,
      email,
      email_verified: true,
      iss: issuer,
      // In a pool that signs in with email, the internal username is the sub.
      'cognito:username': sub,
      aud: DEFAULT_CLIENT_ID,
      event_id: expect.stringMatching(UUID),
      origin_jti: expect.stringMatching(UUID),
      token_use: 'id',
      auth_time: iat,
      exp: iat + 3600,
      iat,
      jti: expect.stringMatching(UUID),
    });
  });

  it('issues an access token for the user-pool API scope, with no audience', async () => {
    const { accessToken, idToken, sub } = await signedIn();
    const { payload } = await jwtVerify(accessToken, jwks, { issuer });
    const iat = clock / 1000;
    expect(payload).toEqual({
      sub,
      iss: issuer,
      client_id: DEFAULT_CLIENT_ID,
      origin_jti: expect.stringMatching(UUID),
      event_id: expect.stringMatching(UUID),
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: iat,
      exp: iat + 3600,
      iat,
      jti: expect.stringMatching(UUID),
      username: sub,
    });
    const id = decodeJwt(idToken);
    expect(payload.origin_jti).toBe(id.origin_jti);
    expect(payload.event_id).toBe(id.event_id);
    expect(payload.jti).not.toBe(id.jti);
  });

  it('reports the access token lifetime and the Bearer type with the tokens', async () => {
    const { answer } = await signedIn();
    expect(answer.body).toMatchObject({
      ChallengeParameters: {},
      AuthenticationResult: { ExpiresIn: 3600, TokenType: 'Bearer' },
    });
  });

  it('keeps auth_time and origin_jti across a refresh while iat moves on', async () => {
    const { idToken, refreshToken } = await signedIn();
    clock += 600_000;
    const refreshed = await api.refresh(refreshToken);
    expect(refreshed.status).toBe(200);
    const newIdToken = stringAt(refreshed.body, 'AuthenticationResult', 'IdToken');
    const before = decodeJwt(idToken);
    const after = decodeJwt(newIdToken);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe((before.iat ?? 0) + 600);
  });
});

describe('lifetimes', () => {
  it('issues tokens that live two seconds to a client configured with idTokenValidity 2', async () => {
    const { idToken, accessToken, answer } = await signedIn(SHORT_CLIENT_ID);
    const id = decodeJwt(idToken);
    const access = decodeJwt(accessToken);
    expect(id.exp).toBe((id.iat ?? 0) + 2);
    expect(access.exp).toBe((access.iat ?? 0) + 2);
    expect(id.aud).toBe(SHORT_CLIENT_ID);
    expect(answer.body).toMatchObject({ AuthenticationResult: { ExpiresIn: 2 } });
  });

  it('accepts a short-lived access token until its expiry, then refuses it as expired', async () => {
    const { accessToken } = await signedIn(SHORT_CLIENT_ID);
    clock += 1999;
    expect((await api.getUser(accessToken)).status).toBe(200);

    clock += 1;
    const refused = await api.getUser(accessToken);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
  });

  it('refuses a default access token one hour after issue, and a refresh brings a working one', async () => {
    const { accessToken, refreshToken } = await signedIn();
    clock += 3600_000;
    expect((await api.getUser(accessToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });

    const refreshed = await api.refresh(refreshToken);
    const fresh = stringAt(refreshed.body, 'AuthenticationResult', 'AccessToken');
    expect((await api.getUser(fresh)).status).toBe(200);
  });
});

describe('tokens that were not issued as they are', () => {
  const invalid = { __type: 'NotAuthorizedException', message: 'Invalid Access Token' };

  it('refuses an access token whose payload was changed to live longer', async () => {
    const { accessToken } = await signedIn();
    const tampered = withClaims(accessToken, { exp: (decodeJwt(accessToken).exp ?? 0) + 86_400 });
    expect((await api.getUser(accessToken)).status).toBe(200);
    expect((await api.getUser(tampered)).body).toEqual(invalid);
  });

  it("refuses an access token whose payload was changed to another user's", async () => {
    const victim = await signedIn();
    const attacker = await signedIn();
    const tampered = withClaims(attacker.accessToken, { sub: victim.sub, username: victim.sub });
    expect((await api.getUser(tampered)).body).toEqual(invalid);
  });

  it('refuses a token signed with another key that claims the same kid and issuer', async () => {
    const { accessToken } = await signedIn();
    expect((await api.getUser(await forgedCopy(accessToken))).body).toEqual(invalid);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const { accessToken } = await signedIn();
    expect((await api.getUser(unsignedCopy(accessToken))).body).toEqual(invalid);
  });

  it('refuses an ID token where an access token is required', async () => {
    const { idToken } = await signedIn();
    expect((await api.getUser(idToken)).body).toEqual(invalid);
  });

  it('is not fooled by a public key handed over in the header', async () => {
    const { accessToken } = await signedIn();
    const forged = await forgedCopy(accessToken, { keyInHeader: true });
    expect((await api.getUser(forged)).body).toEqual(invalid);
  });
});

describe('refresh tokens', () => {
  it('hands out an opaque refresh token, not a JWT', async () => {
    const { refreshToken } = await signedIn();
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{64,}$/);
    expect(() => decodeJwt(refreshToken)).toThrowError(
      expect.objectContaining({ code: 'ERR_JWT_INVALID', message: 'Invalid JWT' }),
    );
  });

  it('refreshes into new verifiable tokens without a new refresh token', async () => {
    const { refreshToken, accessToken } = await signedIn();
    const refreshed = await api.refresh(refreshToken);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('AuthenticationResult.RefreshToken');
    const newAccess = stringAt(refreshed.body, 'AuthenticationResult', 'AccessToken');
    const newId = stringAt(refreshed.body, 'AuthenticationResult', 'IdToken');
    expect(newAccess).not.toBe(accessToken);
    await expect(jwtVerify(newAccess, jwks, { issuer })).resolves.toBeDefined();
    await expect(
      jwtVerify(newId, jwks, { issuer, audience: DEFAULT_CLIENT_ID }),
    ).resolves.toBeDefined();
  });

  it('refuses a refresh token with a client other than the one it was issued to', async () => {
    const { refreshToken } = await signedIn();
    expect((await api.refresh(refreshToken, SHORT_CLIENT_ID)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('revokes one sign-in: its refresh and access tokens stop working, other sign-ins go on', async () => {
    const first = await signedIn();
    const second = tokensOf(await api.passwordSignIn(first.email, PASSWORD));

    const revoked = await api.call('RevokeToken', {
      Token: first.refreshToken,
      ClientId: DEFAULT_CLIENT_ID,
    });
    expect(revoked).toMatchObject({ status: 200, body: {} });

    expect((await api.refresh(first.refreshToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    expect((await api.getUser(first.accessToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect((await api.getUser(second.accessToken)).status).toBe(200);
    expect((await api.refresh(second.refreshToken)).status).toBe(200);
  });

  it('refuses to revoke an access token with UnsupportedTokenTypeException', async () => {
    const { accessToken } = await signedIn();
    const answer = await api.call('RevokeToken', {
      Token: accessToken,
      ClientId: DEFAULT_CLIENT_ID,
    });
    expect(answer.body).toEqual({
      __type: 'UnsupportedTokenTypeException',
      message: 'Unsupported token type',
    });
    expect((await api.getUser(accessToken)).status).toBe(200);
  });
});
