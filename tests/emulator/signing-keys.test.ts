/**
 * The pool's two signing keys: Cognito signs ID tokens and access tokens with different keys and
 * publishes both in its JWKS, so a verifier must pick the key by the token's `kid`. Checked from
 * the outside with `jose`, against the standalone server.
 */

import { createRemoteJWKSet, decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { PASSWORD } from '../support/passwords.ts';
import { type CognitoApi, cognitoApi } from '../support/wire.ts';

let server: RunningServer;
let issuer: string;
let api: CognitoApi;

beforeAll(async () => {
  server = await startServer(await createNodeEmulator(), { port: 0 });
  issuer = `${server.url}/${DEFAULT_POOL_ID}`;
  api = cognitoApi(fetch, `${server.url}/`);
});

afterAll(() => server.close());

let counter = 0;
function signedIn() {
  counter += 1;
  return api.signedInUser(`keys.${counter}@example.com`, PASSWORD);
}

async function publishedKeys(): Promise<JWK[]> {
  const response = await fetch(`${issuer}/.well-known/jwks.json`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { keys: JWK[] };
  return body.keys;
}

describe('the JWKS', () => {
  it('publishes two RS256 signing keys with different kids', async () => {
    const keys = await publishedKeys();
    const shape = {
      alg: 'RS256',
      e: 'AQAB',
      kid: expect.any(String),
      kty: 'RSA',
      n: expect.any(String),
      use: 'sig',
    };
    expect(keys).toEqual([shape, shape]);
    expect(keys[0]?.kid).not.toBe(keys[1]?.kid);
    expect(keys[0]?.n).not.toBe(keys[1]?.n);
  });

  it('names one key in ID tokens and the other in access tokens', async () => {
    const kids = (await publishedKeys()).map((key) => key.kid);
    const { idToken, accessToken } = await signedIn();
    const idKid = decodeProtectedHeader(idToken).kid;
    const accessKid = decodeProtectedHeader(accessToken).kid;
    expect(kids).toContain(idKid);
    expect(kids).toContain(accessKid);
    expect(idKid).not.toBe(accessKid);
    expect(decodeProtectedHeader(idToken).alg).toBe('RS256');
  });

  it('lets a verifier that matches the kid check both tokens', async () => {
    const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    const { idToken, accessToken } = await signedIn();
    const id = await jwtVerify(idToken, jwks, { issuer, audience: DEFAULT_CLIENT_ID });
    const access = await jwtVerify(accessToken, jwks, { issuer });
    expect(id.payload.token_use).toBe('id');
    expect(access.payload.token_use).toBe('access');
  });

  it('fails a verifier that takes keys[0] on ID tokens, as it would fail against Cognito', async () => {
    const [first] = await publishedKeys();
    const key = await importJWK(first ?? {}, 'RS256');
    const { idToken, accessToken } = await signedIn();
    await expect(jwtVerify(idToken, key)).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      message: 'signature verification failed',
    });
    await expect(jwtVerify(accessToken, key)).resolves.toBeDefined();
  });
});
