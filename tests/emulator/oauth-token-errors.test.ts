/**
 * The token and revocation endpoints' refusals, each as Cognito answers it: HTTP 400 and
 * `{"error": …}` (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html).
 * Successes go through arctic; refusals through plain fetch, to see the body as sent.
 */

import {
  CodeChallengeMethod,
  generateCodeVerifier,
  OAuth2Client,
  OAuth2RequestError,
} from 'arctic';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import {
  API_ONLY_CLIENT,
  CALLBACK,
  type HostedFixture,
  MACHINE_CLIENT,
  SECRET_CLIENT,
  startHosted,
  TestBrowser,
} from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';

const EMAIL = 'rider@example.com';

let hosted: HostedFixture;

beforeEach(async () => {
  hosted = await startHosted();
  await hosted.api.confirmedUser(EMAIL, PASSWORD);
});
afterEach(async () => {
  await hosted.server.close();
});

/** A fresh code for `clientId` through the managed login, with the verifier of its challenge. */
async function codeFor(
  clientId = DEFAULT_CLIENT_ID,
  redirectUri: string = CALLBACK,
): Promise<{ code: string; verifier: string }> {
  const verifier = generateCodeVerifier();
  const url = new OAuth2Client(clientId, null, redirectUri).createAuthorizationURLWithPKCE(
    `${hosted.url}/oauth2/authorize`,
    'state',
    CodeChallengeMethod.S256,
    verifier,
    ['openid'],
  );
  const browser = new TestBrowser(hosted.url);
  const toLogin = await browser.visit(url);
  const loginUrl = toLogin.location as URL;
  const back = await browser.submitLogin(loginUrl, await browser.visit(loginUrl), EMAIL, PASSWORD);
  const code = back.location?.searchParams.get('code');
  if (!code) throw new Error(`no code in ${back.location}`);
  return { code, verifier };
}

/** POSTs a form to the token endpoint; the status and parsed body. */
async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${hosted.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function basic(id: string, secret: string): Record<string, string> {
  return { Authorization: `Basic ${btoa(`${id}:${secret}`)}` };
}

describe('client authentication at the token endpoint', () => {
  it('answers a client with a secret that sends none with HTTP 400 invalid_client (the seed author’s three-day trap)', async () => {
    const { code, verifier } = await codeFor(SECRET_CLIENT.id, SECRET_CLIENT.callback);
    const answer = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: SECRET_CLIENT.id,
      code,
      redirect_uri: SECRET_CLIENT.callback,
      code_verifier: verifier,
    });
    expect(answer).toEqual({ status: 400, body: { error: 'invalid_client' } });
  });

  it('takes the secret in Authorization: Basic, as arctic sends it', async () => {
    const { code, verifier } = await codeFor(SECRET_CLIENT.id, SECRET_CLIENT.callback);
    const client = new OAuth2Client(SECRET_CLIENT.id, SECRET_CLIENT.secret, SECRET_CLIENT.callback);
    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      code,
      verifier,
    );
    expect(tokens.hasRefreshToken()).toBe(true);
  });

  it('takes the secret as client_secret in the body', async () => {
    const { code, verifier } = await codeFor(SECRET_CLIENT.id, SECRET_CLIENT.callback);
    const answer = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: SECRET_CLIENT.id,
      client_secret: SECRET_CLIENT.secret,
      code,
      redirect_uri: SECRET_CLIENT.callback,
      code_verifier: verifier,
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a wrong secret and an unknown client with invalid_client', async () => {
    const { code, verifier } = await codeFor(SECRET_CLIENT.id, SECRET_CLIENT.callback);
    const client = new OAuth2Client(SECRET_CLIENT.id, 'not-the-secret', SECRET_CLIENT.callback);
    const error = await rejection<OAuth2RequestError>(
      client.validateAuthorizationCode(`${hosted.url}/oauth2/token`, code, verifier),
    );
    expect(error).toBeInstanceOf(OAuth2RequestError);
    expect(error.code).toBe('invalid_client');
    const unknown = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'nosuchclient',
      code: 'x',
      redirect_uri: CALLBACK,
    });
    expect(unknown).toEqual({ status: 400, body: { error: 'invalid_client' } });
  });
});

describe('malformed token requests', () => {
  it('refuses a JSON body, a missing grant_type and a missing client_id with invalid_request', async () => {
    const json = await fetch(`${hosted.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toEqual({ error: 'invalid_request' });
    expect(await tokenRequest({ client_id: DEFAULT_CLIENT_ID })).toEqual({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await tokenRequest({ grant_type: 'authorization_code', code: 'x' })).toEqual({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });

  it('refuses a grant type it does not know with unsupported_grant_type', async () => {
    const answer = await tokenRequest({
      grant_type: 'password',
      client_id: DEFAULT_CLIENT_ID,
      username: EMAIL,
      password: PASSWORD,
    });
    expect(answer).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('refuses the code grant to a client without it, with unauthorized_client', async () => {
    const answer = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: API_ONLY_CLIENT,
      code: 'x',
      redirect_uri: CALLBACK,
    });
    expect(answer).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
  });
});

describe('authorization codes', () => {
  const exchange = (code: string, verifier: string, redirectUri = CALLBACK) =>
    tokenRequest({
      grant_type: 'authorization_code',
      client_id: DEFAULT_CLIENT_ID,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });

  it('are single-use: the second exchange gets invalid_grant', async () => {
    const { code, verifier } = await codeFor();
    expect((await exchange(code, verifier)).status).toBe(200);
    expect(await exchange(code, verifier)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('work for 5 minutes and not a second longer', async () => {
    const early = await codeFor();
    hosted.advance(5 * 60 * 1000 - 1000);
    expect((await exchange(early.code, early.verifier)).status).toBe(200);
    const late = await codeFor();
    hosted.advance(5 * 60 * 1000);
    expect(await exchange(late.code, late.verifier)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuse a wrong PKCE verifier with invalid_grant, and a missing one with invalid_request', async () => {
    const first = await codeFor();
    expect(await exchange(first.code, generateCodeVerifier())).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const second = await codeFor();
    const missing = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: DEFAULT_CLIENT_ID,
      code: second.code,
      redirect_uri: CALLBACK,
    });
    expect(missing).toEqual({ status: 400, body: { error: 'invalid_request' } });
  });

  it('refuse a redirect_uri that differs from the authorize request’s with invalid_grant', async () => {
    const { code, verifier } = await codeFor();
    expect(await exchange(code, verifier, 'http://127.0.0.1:5173/callback.html')).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuse a code issued to another client with invalid_grant', async () => {
    const { code, verifier } = await codeFor(SECRET_CLIENT.id, SECRET_CLIENT.callback);
    expect(await exchange(code, verifier)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });
});

describe('client credentials', () => {
  it('give a machine an access token with its custom scope and no refresh or ID token', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', scope: MACHINE_CLIENT.scope },
      basic(MACHINE_CLIENT.id, MACHINE_CLIENT.secret),
    );
    expect(answer.status).toBe(200);
    const body = answer.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    const claims = JSON.parse(atob(String(body.access_token).split('.')[1] ?? '')) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ sub: MACHINE_CLIENT.id, scope: MACHINE_CLIENT.scope });
  });

  it('refuse a scope the client does not allow with invalid_scope', async () => {
    const answer = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'openid' },
      basic(MACHINE_CLIENT.id, MACHINE_CLIENT.secret),
    );
    expect(answer).toEqual({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('refuse a public client with invalid_client and a code-grant client with unauthorized_client', async () => {
    expect(
      await tokenRequest({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID }),
    ).toEqual({ status: 400, body: { error: 'invalid_client' } });
    expect(
      await tokenRequest(
        { grant_type: 'client_credentials' },
        basic(SECRET_CLIENT.id, SECRET_CLIENT.secret),
      ),
    ).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
  });
});

describe('revocation', () => {
  it('makes a refresh token stop working at the token endpoint and for REFRESH_TOKEN_AUTH', async () => {
    const { code, verifier } = await codeFor();
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      code,
      verifier,
    );
    await client.revokeToken(`${hosted.url}/oauth2/revoke`, tokens.refreshToken());
    const error = await rejection<OAuth2RequestError>(
      client.refreshAccessToken(`${hosted.url}/oauth2/token`, tokens.refreshToken(), []),
    );
    expect(error.code).toBe('invalid_grant');
    const api = await hosted.api.call('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.refreshToken() },
    });
    expect(api.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });

  it('refuses a client with a secret that sends none, with invalid_client', async () => {
    const response = await fetch(`${hosted.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'whatever', client_id: SECRET_CLIENT.id }).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });
});
