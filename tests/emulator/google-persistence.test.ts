/**
 * Federated users in the data folder: a Google user, their `identities` attribute and their
 * membership of the provider's group survive a restart, and signing in with Google again after it
 * finds the same user.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { CALLBACK, csrfOf, TestBrowser } from '../support/hosted.ts';
import { stringAt } from '../support/wire.ts';

let dir: string;
let server: RunningServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-google-'));
});
afterEach(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the standalone server on the test's data folder. */
async function restart(): Promise<string> {
  await server?.close();
  server = await startServer(await createNodeEmulator({ dataDir: dir }), { port: 0 });
  return server.url;
}

/** Signs in with Google as the stand-in's Alex Rider; the code's tokens' ID token claims. */
async function signInAsAlex(url: string) {
  const browser = new TestBrowser(url);
  const authorize = new URL('/oauth2/authorize', url);
  authorize.search = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid email',
    identity_provider: 'Google',
  }).toString();
  const standIn = (await browser.visit(authorize)).location as URL;
  const page = await browser.visit(standIn);
  const idp = await browser.visit(standIn, { _csrf: csrfOf(page.text), account: 'alex' });
  const back = (await browser.visit(idp.location as URL)).location as URL;
  const answer = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: DEFAULT_CLIENT_ID,
      code: back.searchParams.get('code') ?? '',
      redirect_uri: CALLBACK,
    }),
  });
  return decodeJwt(stringAt(await answer.json(), 'id_token'));
}

describe('a restart', () => {
  it('keeps a Google user, their identities and their group, and finds them on the next sign-in', async () => {
    const first = await signInAsAlex(await restart());
    const url = await restart();
    const admin = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      },
      body: JSON.stringify({ UserPoolId: DEFAULT_POOL_ID, Username: first['cognito:username'] }),
    });
    const user = (await admin.json()) as { UserStatus: string; UserAttributes: { Name: string }[] };
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    expect(user.UserAttributes.map((a) => a.Name)).toContain('identities');
    const again = await signInAsAlex(url);
    expect(again.sub).toBe(first.sub);
    expect(again.identities).toEqual(first.identities);
    expect(again['cognito:groups']).toEqual([`${DEFAULT_POOL_ID}_Google`]);
  });
});
