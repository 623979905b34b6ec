/**
 * `/oauth2/userInfo`: the attributes a pool-domain access token's scopes open
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html), and the
 * tokens it refuses — API tokens, which carry no `openid` scope, among them.
 */

import { CodeChallengeMethod, generateCodeVerifier, OAuth2Client } from 'arctic';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import { CALLBACK, type HostedFixture, startHosted, TestBrowser } from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';
import { stringAt } from '../support/wire.ts';

const EMAIL = 'rider@example.com';

let hosted: HostedFixture;

beforeEach(async () => {
  hosted = await startHosted();
  await hosted.api.confirmedUser(EMAIL, PASSWORD);
  await hosted.api.call('AdminUpdateUserAttributes', {
    UserPoolId: 'local_WildRydes',
    Username: EMAIL,
    UserAttributes: [{ Name: 'name', Value: 'Ada Rider' }],
  });
});
afterEach(async () => {
  await hosted.server.close();
});

async function accessTokenWith(scopes: string[]): Promise<string> {
  const verifier = generateCodeVerifier();
  const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
  const url = client.createAuthorizationURLWithPKCE(
    `${hosted.url}/oauth2/authorize`,
    's',
    CodeChallengeMethod.S256,
    verifier,
    scopes,
  );
  const browser = new TestBrowser(hosted.url);
  const loginUrl = (await browser.visit(url)).location as URL;
  const back = await browser.submitLogin(loginUrl, await browser.visit(loginUrl), EMAIL, PASSWORD);
  const tokens = await client.validateAuthorizationCode(
    `${hosted.url}/oauth2/token`,
    back.location?.searchParams.get('code') ?? '',
    verifier,
  );
  return tokens.accessToken();
}

function userInfo(token: string | undefined, method = 'GET') {
  return fetch(`${hosted.url}/oauth2/userInfo`, {
    method,
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
}

describe('GET|POST /oauth2/userInfo', () => {
  it('answers openid alone with every attribute, and the username', async () => {
    const token = await accessTokenWith(['openid']);
    const response = await userInfo(token, 'POST');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    // Confirmed by an administrator, not by a code: the address itself is unverified.
    expect(body).toMatchObject({ email: EMAIL, email_verified: 'false', name: 'Ada Rider' });
    expect(body.sub).toBe(body.username);
  });

  it('answers openid email with the email attributes only', async () => {
    const token = await accessTokenWith(['openid', 'email']);
    const body = (await (await userInfo(token)).json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['email', 'email_verified', 'sub', 'username']);
  });

  it('refuses a token without the openid scope', async () => {
    const token = await accessTokenWith(['email', 'aws.cognito.signin.user.admin']);
    const response = await userInfo(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Access token does not contain openid scope',
    });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses an access token from InitiateAuth, which carries no openid scope', async () => {
    const signIn = await hosted.api.passwordSignIn(EMAIL, PASSWORD);
    const token = stringAt(signIn.body, 'AuthenticationResult', 'AccessToken');
    expect((await userInfo(token)).status).toBe(401);
  });

  it('refuses a missing token with invalid_request and a revoked one with invalid_token', async () => {
    const missing = await userInfo(undefined);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');
    const token = await accessTokenWith(['openid', 'aws.cognito.signin.user.admin']);
    await hosted.api.call('GlobalSignOut', { AccessToken: token });
    const revoked = await userInfo(token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Access Token has been revoked',
    });
  });
});
