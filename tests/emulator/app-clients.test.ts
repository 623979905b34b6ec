/** App client and pool settings change what Cognito answers; the emulator follows them. */

import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { USERNAME_POOL, useEmulator, usernamePool } from '../support/emulator.ts';
import { failure, forgotPassword, signIn, signUp, userPool } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';

const h = useEmulator();

async function withClients(...clients: Parameters<typeof defaultClient>[0][]) {
  await h.restart({
    config: {
      pools: [defaultPool({ clients: clients.map((c) => defaultClient(c)) }), usernamePool()],
    },
  });
}

describe('auth flows an app client allows', () => {
  it('refuses SRP sign-in on a client that does not allow it, in Cognito words', async () => {
    await withClients({ id: 'passwordonly', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] });
    const pool = userPool('passwordonly');
    await signUp(pool, 'flows@example.com');
    const error = await failure(signIn(pool, 'flows@example.com'));
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toBe('USER_SRP_AUTH flow not enabled for this client');
  });
});

describe('app clients with a secret', () => {
  it('refuses a browser client that cannot send SECRET_HASH', async () => {
    await withClients({ id: 'secretclient', secret: 'server-side-only' });
    const error = await failure(signUp(userPool('secretclient'), 'secret@example.com'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Unable to verify secret hash for client secretclient');
    expect(h.emulator.mailbox()).toEqual([]);
  });
});

describe('user-existence errors', () => {
  it('says the user does not exist when the client does not prevent it', async () => {
    await withClients({ id: 'legacyclient', preventUserExistenceErrors: false });
    const pool = userPool('legacyclient');
    const error = await failure(signIn(pool, 'ghost@example.com'));
    expect(error.code).toBe('UserNotFoundException');
    expect(error.message).toBe('User does not exist.');

    const reset = await failure(forgotPassword(pool, 'ghost@example.com'));
    expect(reset.code).toBe('UserNotFoundException');
    expect(reset.message).toBe('Username/client id combination not found.');
  });

  it('pretends to send a reset code to an unknown user when the client prevents it', async () => {
    const details = await forgotPassword(h.pool, 'ghost@example.com');
    expect(details).toEqual({
      CodeDeliveryDetails: {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: 'g***@e***',
      },
    });
    expect(h.emulator.mailbox()).toEqual([]);
  });
});

describe('pools that sign in with a username', () => {
  it('keeps the chosen username as USER_ID_FOR_SRP and refuses it twice', async () => {
    await withClients({});
    const pool = userPool(USERNAME_POOL.clientId, USERNAME_POOL.id);
    await new Promise((resolve, reject) =>
      pool.signUp('unicorn_rider', PASSWORD, [], [], (err, result) =>
        err ? reject(err) : resolve(result),
      ),
    );
    const duplicate = await failure(
      new Promise((resolve, reject) =>
        pool.signUp('Unicorn_Rider', PASSWORD, [], [], (err, result) =>
          err ? reject(err) : resolve(result),
        ),
      ),
    );
    expect(duplicate.code).toBe('UsernameExistsException');
    expect(duplicate.message).toBe('User already exists');
  });
});

it('refuses an app client id it does not know', async () => {
  const error = await failure(signUp(userPool('nosuchclient'), 'who@example.com'));
  expect(error.code).toBe('ResourceNotFoundException');
  expect(error.message).toBe('User pool client nosuchclient does not exist.');
});

it('a confirmed user of one app client signs in through another of the same pool', async () => {
  await withClients({}, { id: 'secondclient', name: 'Second' });
  await h.confirmedUser('both@example.com');
  const { session } = await signIn(userPool('secondclient'), 'both@example.com');
  expect(session.getIdToken().decodePayload().aud).toBe('secondclient');
  expect(h.code('both@example.com')).toMatch(/^\d{6}$/);
});

describe('the config file', () => {
  it('adds pools beside the default one', () => {
    const config = readEmulatorConfig({
      pools: [{ id: 'us-east-1_Abc123', clients: [{ id: 'abc' }] }],
    });
    expect(config.pools.map((p) => p.id)).toEqual([DEFAULT_POOL_ID, 'us-east-1_Abc123']);
    expect(config.pools[1]?.clients[0]).toMatchObject({ id: 'abc', idTokenValidity: 3600 });
  });

  it.each([
    [
      { pools: [{ id: 'no-underscore' }] },
      /config\.pools\[0\]\.id must look like <region>_<letters and digits>/,
    ],
    [{ pools: [{ id: 'x_1', clients: [{ id: 'a' }, { id: 'a' }] }] }, /client id a is used twice/],
    [
      { pools: [{ id: 'x_1', clients: [{ id: 'a', explicitAuthFlows: ['CUSTOM'] }] }] },
      /explicitAuthFlows must list some of/,
    ],
    [
      { pools: [{ id: 'x_1', clients: [{ id: 'a', idTokenValidity: 0 }] }] },
      /idTokenValidity must be a whole number of seconds above 0/,
    ],
    [
      { pools: [{ id: 'x_1', passwordPolicy: { minimumLength: 3 } }] },
      /minimumLength must be a whole number from 6 to 99/,
    ],
    [[], /config must be a JSON object/],
  ])('refuses %j with a message naming the value', (value, message) => {
    let error: unknown;
    try {
      readEmulatorConfig(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });
});
