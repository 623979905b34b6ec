/**
 * Passkeys in the data folder: a registered passkey and its signature counter survive a restart
 * (a replayed counter is still refused after it), and a passkey record of the wrong shape stops
 * the start with an error naming it.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { DataDirError } from '../../emulator/node/persistence.ts';
import { SoftwareAuthenticator } from '../support/authenticator.ts';
import { latestCode } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { cognitoApi, stringAt, tokensOf } from '../support/wire.ts';

const EMAIL = 'kept-passkey@example.com';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-passkeys-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An emulator on the test's data folder, as `npm run emulator -- --data-dir` starts one. */
async function start() {
  const emulator = await createNodeEmulator({ dataDir: dir });
  return { emulator, api: cognitoApi(createHttpHandler(emulator), 'http://emulator.test/') };
}

type Running = Awaited<ReturnType<typeof start>>;

/** USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN, answered by the authenticator. */
async function passkeySignIn(
  running: Running,
  authenticator: SoftwareAuthenticator,
  counter?: number,
) {
  const started = await running.api.call('InitiateAuth', {
    ClientId: DEFAULT_CLIENT_ID,
    AuthFlow: 'USER_AUTH',
    AuthParameters: { USERNAME: EMAIL, PREFERRED_CHALLENGE: 'WEB_AUTHN' },
  });
  const options = JSON.parse(
    stringAt(started.body, 'ChallengeParameters', 'CREDENTIAL_REQUEST_OPTIONS'),
  );
  const credential = await authenticator.get(options, counter === undefined ? {} : { counter });
  return running.api.call('RespondToAuthChallenge', {
    ClientId: DEFAULT_CLIENT_ID,
    ChallengeName: 'WEB_AUTHN',
    Session: stringAt(started.body, 'Session'),
    ChallengeResponses: { USERNAME: EMAIL, CREDENTIAL: JSON.stringify(credential) },
  });
}

/** A confirmed user with one passkey of `authenticator`, signed in with it once (counter 1). */
async function withPasskey(running: Running, authenticator: SoftwareAuthenticator) {
  expect((await running.api.signUp(EMAIL, PASSWORD)).status).toBe(200);
  await running.api.confirmSignUp(EMAIL, latestCode(running.emulator, EMAIL));
  const tokens = tokensOf(await running.api.passwordSignIn(EMAIL, PASSWORD));
  const started = await running.api.call('StartWebAuthnRegistration', {
    AccessToken: tokens.accessToken,
  });
  const options = (started.body as { CredentialCreationOptions: Record<string, unknown> })
    .CredentialCreationOptions;
  const completed = await running.api.call('CompleteWebAuthnRegistration', {
    AccessToken: tokens.accessToken,
    Credential: await authenticator.create(options),
  });
  expect(completed.status).toBe(200);
  expect((await passkeySignIn(running, authenticator)).status).toBe(200);
}

describe('passkeys across a restart', () => {
  it('keep the public key and the counter: the next count signs in, a stale one is refused', async () => {
    const authenticator = new SoftwareAuthenticator();
    const before = await start();
    await withPasskey(before, authenticator);
    const snapshot = before.emulator.dump();

    const after = await start();
    expect(after.emulator.dump()).toEqual(snapshot);
    const stale = await passkeySignIn(after, authenticator, 1);
    expect(stale.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect((await passkeySignIn(after, authenticator, 2)).status).toBe(200);
    const [passkey] = after.emulator.dump()[DEFAULT_POOL_ID]?.users[0]?.passkeys ?? [];
    expect(passkey?.counter).toBe(2);
  });

  it('refuse to start from a passkey record of the wrong shape, naming it', async () => {
    await withPasskey(await start(), new SoftwareAuthenticator());
    await start(); // folds the journal into state.json
    const path = join(dir, 'state.json');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    snapshot.pools[DEFAULT_POOL_ID].users[0].passkeys[0].counter = '1';
    writeFileSync(path, JSON.stringify(snapshot));

    const error = await rejection(() => createNodeEmulator({ dataDir: dir }));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(
      /its passkeys is not a list of \{id, publicKey, counter, transports, attachment\?, friendlyName, relyingPartyId, createdAt\} or absent$/,
    );
  });
});
