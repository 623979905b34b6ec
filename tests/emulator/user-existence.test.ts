/**
 * With user-existence errors prevented (the console's default), answers about an account must not
 * tell a stranger whether it exists, is disabled, or can receive mail
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
 */

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
} from '../../emulator/core/config.ts';
import { USERNAME_POOL, useEmulator, usernamePool } from '../support/emulator.ts';
import { failure, signIn, signUp } from '../support/library.ts';
import { stringAt } from '../support/wire.ts';

/** Only a pool where people choose usernames (no email sign-in). */
const USERNAMES_ONLY = { pools: [usernamePool()] };

const h = useEmulator();

const EMAIL = 'rider@example.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function disable(username: string) {
  return h.api.call('AdminDisableUser', { UserPoolId: DEFAULT_POOL_ID, Username: username });
}

function forgotPassword(username: string, clientId = DEFAULT_CLIENT_ID) {
  return h.api.call('ForgotPassword', { ClientId: clientId, Username: username });
}

function confirmForgotPassword(username: string, code: string, clientId = DEFAULT_CLIENT_ID) {
  return h.api.call('ConfirmForgotPassword', {
    ClientId: clientId,
    Username: username,
    ConfirmationCode: code,
    Password: 'New-Passw0rd!',
  });
}

/** SRP's first step; any A that is not 0 mod N is acceptable to the server. */
async function srpChallenge(username: string, clientId = DEFAULT_CLIENT_ID) {
  const answer = await h.api.call('InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: username, SRP_A: 'abcdef0123456789' },
  });
  return {
    salt: stringAt(answer.body, 'ChallengeParameters', 'SALT'),
    userId: stringAt(answer.body, 'ChallengeParameters', 'USER_ID_FOR_SRP'),
    username: stringAt(answer.body, 'ChallengeParameters', 'USERNAME'),
  };
}

async function withLegacyClient(): Promise<void> {
  await h.restart({
    config: {
      pools: [
        defaultPool({
          clients: [
            defaultClient(),
            defaultClient({ id: 'legacyclient', preventUserExistenceErrors: false }),
          ],
        }),
      ],
    },
  });
}

describe('a disabled account', () => {
  it('gets the generic refusal for a wrong password, by SRP and by USER_PASSWORD_AUTH', async () => {
    await h.confirmedUser(EMAIL);
    await disable(EMAIL);
    const srp = await failure(signIn(h.pool, EMAIL, 'Wrong-Passw0rd!'));
    expect(srp.code).toBe('NotAuthorizedException');
    expect(srp.message).toBe('Incorrect username or password.');
    expect((await h.api.passwordSignIn(EMAIL, 'Wrong-Passw0rd!')).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('is told it is disabled only with the right password', async () => {
    await h.confirmedUser(EMAIL);
    await disable(EMAIL);
    const error = await failure(signIn(h.pool, EMAIL));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('User is disabled.');
  });

  it('gets a simulated reset-code delivery, and nothing is mailed', async () => {
    await h.confirmedUser(EMAIL);
    await disable(EMAIL);
    const before = h.emulator.mailbox().length;
    const answer = await forgotPassword(EMAIL);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      CodeDeliveryDetails: {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: 'r***@e***',
      },
    });
    expect(h.emulator.mailbox()).toHaveLength(before);
  });

  it('gets CodeMismatchException from ConfirmForgotPassword even with the code sent before', async () => {
    await h.confirmedUser(EMAIL);
    await forgotPassword(EMAIL);
    const code = h.code(EMAIL, 'forgot-password');
    await disable(EMAIL);
    expect((await confirmForgotPassword(EMAIL, code)).body).toEqual({
      __type: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
  });

  it('is named as disabled when the client does not prevent existence errors', async () => {
    await withLegacyClient();
    await h.confirmedUser(EMAIL);
    await disable(EMAIL);
    expect((await forgotPassword(EMAIL, 'legacyclient')).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    expect((await confirmForgotPassword(EMAIL, '123456', 'legacyclient')).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });
});

describe('an account that cannot receive a reset code', () => {
  it('gets a simulated delivery instead of InvalidParameterException', async () => {
    await signUp(h.pool, EMAIL);
    const before = h.emulator.mailbox().length;
    expect((await forgotPassword(EMAIL)).body).toEqual({
      CodeDeliveryDetails: {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: 'r***@e***',
      },
    });
    expect(h.emulator.mailbox()).toHaveLength(before);
  });

  it('is told why when the client does not prevent existence errors', async () => {
    await withLegacyClient();
    await signUp(h.pool, EMAIL);
    expect((await forgotPassword(EMAIL, 'legacyclient')).body).toEqual({
      __type: 'InvalidParameterException',
      message:
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
  });
});

describe("SRP's first step for someone who does not exist", () => {
  it('answers a UUID-shaped user id and a salt shaped like a real one', async () => {
    await h.confirmedUser(EMAIL);
    const real = await srpChallenge(EMAIL);
    const decoy = await srpChallenge('ghost@example.com');
    expect(real.userId).toMatch(UUID);
    expect(decoy.userId).toMatch(UUID);
    expect(decoy.username).toBe(decoy.userId);
    expect(real.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(decoy.salt).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers the same salt and user id every time for the same name, whatever its case', async () => {
    const first = await srpChallenge('ghost@example.com');
    const again = await srpChallenge('ghost@example.com');
    const shouted = await srpChallenge('GHOST@EXAMPLE.COM');
    expect(again).toEqual(first);
    expect(shouted).toEqual(first);
    const other = await srpChallenge('phantom@example.com');
    expect(other.salt).not.toBe(first.salt);
    expect(other.userId).not.toBe(first.userId);
  });

  it('keeps the same decoy after a restart with the same pool data', async () => {
    const before = await srpChallenge('ghost@example.com');
    await h.restart();
    expect(await srpChallenge('ghost@example.com')).toEqual(before);
  });

  it('derives the decoy from the pool secret, so another pool key gives another decoy', async () => {
    const before = await srpChallenge('ghost@example.com');
    // No stored data: the pool makes itself new keys.
    await h.restart({ data: {} });
    const after = await srpChallenge('ghost@example.com');
    expect(after.salt).not.toBe(before.salt);
    expect(after.userId).not.toBe(before.userId);
  });

  it('ends with the generic refusal at the password proof', async () => {
    const error = await failure(signIn(h.pool, 'ghost@example.com'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('answers the typed name as user id in a pool where people choose usernames', async () => {
    await h.restart({ config: USERNAMES_ONLY });
    const decoy = await srpChallenge('no_such_rider', USERNAME_POOL.clientId);
    expect(decoy.userId).toBe('no_such_rider');
    expect(decoy.salt).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('ForgotPassword for someone who does not exist', () => {
  it('answers the same simulated destination every time in a username pool', async () => {
    await h.restart({ config: USERNAMES_ONLY });
    const first = await forgotPassword('no_such_rider', USERNAME_POOL.clientId);
    const again = await forgotPassword('no_such_rider', USERNAME_POOL.clientId);
    expect(stringAt(first.body, 'CodeDeliveryDetails', 'Destination')).toMatch(
      /^[a-z]\*\*\*@[a-z]\*\*\*$/,
    );
    expect(again.body).toEqual(first.body);
    expect(h.emulator.mailbox()).toEqual([]);
  });
});
