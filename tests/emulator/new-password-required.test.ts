/**
 * A user created by an administrator signs in with the temporary password and must choose their
 * own: the real library's newPasswordRequired / completeNewPasswordChallenge against the emulator.
 */

import {
  AuthenticationDetails,
  type CognitoUser,
  type CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID, defaultPool } from '../../emulator/core/config.ts';
import { USERNAME_POOL, useEmulator, usernamePool } from '../support/emulator.ts';
import { confirmPassword, failure, forgotPassword, user, userPool } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';
import { stringAt } from '../support/wire.ts';

const h = useEmulator();

const TEMPORARY = 'Temp-Passw0rd!';
const EMAIL = 'invited@example.com';

async function invite(
  username: string,
  attributes: { Name: string; Value: string }[],
  poolId = DEFAULT_POOL_ID,
): Promise<void> {
  const answer = await h.api.call('AdminCreateUser', {
    UserPoolId: poolId,
    Username: username,
    TemporaryPassword: TEMPORARY,
    MessageAction: 'SUPPRESS',
    UserAttributes: attributes,
  });
  expect(answer.status).toBe(200);
}

interface Challenge {
  cognitoUser: CognitoUser;
  userAttributes: Record<string, string>;
  requiredAttributes: string[];
}

/** Signs in with the temporary password; resolves at the NEW_PASSWORD_REQUIRED challenge. */
function challenged(pool: CognitoUserPool, username: string): Promise<Challenge> {
  const cognitoUser = user(pool, username);
  return new Promise((resolve, reject) =>
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: username, Password: TEMPORARY }),
      {
        onSuccess: () => reject(new Error('expected NEW_PASSWORD_REQUIRED')),
        onFailure: reject,
        newPasswordRequired: (userAttributes, requiredAttributes) =>
          resolve({ cognitoUser, userAttributes, requiredAttributes }),
      },
    ),
  );
}

function complete(
  cognitoUser: CognitoUser,
  password: string,
  attributes: Record<string, string>,
): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) =>
    cognitoUser.completeNewPasswordChallenge(password, attributes, {
      onSuccess: resolve,
      onFailure: reject,
    }),
  );
}

describe('the NEW_PASSWORD_REQUIRED challenge', () => {
  it('shows the user their attributes, email_verified included, and asks for nothing already there', async () => {
    await invite(EMAIL, [
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Invited Rider' },
    ]);
    const { userAttributes, requiredAttributes } = await challenged(h.pool, EMAIL);
    expect(userAttributes).toEqual({
      email: EMAIL,
      email_verified: 'true',
      name: 'Invited Rider',
    });
    expect(requiredAttributes).toEqual([]);
  });

  it('sets the new password and the attributes given, and signs the user in', async () => {
    await invite(EMAIL, [{ Name: 'email_verified', Value: 'true' }]);
    const { cognitoUser } = await challenged(h.pool, EMAIL);
    const session = await complete(cognitoUser, PASSWORD, { name: 'Chosen Name' });
    expect(session.getIdToken().payload).toEqual(
      expect.objectContaining({ email: EMAIL, name: 'Chosen Name' }),
    );
    const status = await h.api.adminGetUser(EMAIL);
    expect(stringAt(status.body, 'UserStatus')).toBe('CONFIRMED');
  });

  it("refuses a weak new password in the challenge's wording and lets the user try again", async () => {
    await invite(EMAIL, [{ Name: 'email_verified', Value: 'true' }]);
    const { cognitoUser } = await challenged(h.pool, EMAIL);
    const error = await failure(complete(cognitoUser, 'alllowercase1!', {}));
    expect(error.code).toBe('InvalidPasswordException');
    expect(error.message).toBe(
      'Password does not conform to policy: Password must have uppercase characters',
    );
    const session = await complete(cognitoUser, PASSWORD, {});
    expect(session.isValid()).toBe(true);
  });

  it('refuses email_verified sent back, as apps that echo every attribute learn', async () => {
    await invite(EMAIL, [{ Name: 'email_verified', Value: 'true' }]);
    const { cognitoUser, userAttributes } = await challenged(h.pool, EMAIL);
    const error = await failure(complete(cognitoUser, PASSWORD, userAttributes));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('A client attempted to write unauthorized attribute');
  });

  it('refuses an email sent back when the user already has one', async () => {
    await invite(EMAIL, [{ Name: 'email_verified', Value: 'true' }]);
    const { cognitoUser } = await challenged(h.pool, EMAIL);
    const error = await failure(complete(cognitoUser, PASSWORD, { email: EMAIL }));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Cannot modify an already provided email');
  });

  it('requires USERNAME among the challenge responses', async () => {
    await invite(EMAIL, []);
    const started = await h.api.passwordSignIn(EMAIL, TEMPORARY);
    const answer = await h.api.call('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: stringAt(started.body, 'Session'),
      ChallengeResponses: { NEW_PASSWORD: PASSWORD },
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
    });
  });

  it('refuses a session answered for another user with the generic refusal', async () => {
    await invite(EMAIL, []);
    await invite('other@example.com', []);
    const started = await h.api.passwordSignIn(EMAIL, TEMPORARY);
    const answer = await h.api.call('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: stringAt(started.body, 'Session'),
      ChallengeResponses: { USERNAME: 'other@example.com', NEW_PASSWORD: PASSWORD },
    });
    expect(answer.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('required attributes the user lacks', () => {
  /** Serves the username pool beside the default one; its library pool object. */
  async function servingUsernamePool(): Promise<CognitoUserPool> {
    await h.restart({ config: { pools: [defaultPool(), usernamePool()] } });
    return userPool(USERNAME_POOL.clientId, USERNAME_POOL.id);
  }

  it('reports email as required when an invited user has none, and takes it from the answer', async () => {
    const pool = await servingUsernamePool();
    await invite('unicorn_rider', [], USERNAME_POOL.id);
    const { cognitoUser, requiredAttributes, userAttributes } = await challenged(
      pool,
      'unicorn_rider',
    );
    expect(requiredAttributes).toEqual(['email']);
    expect(userAttributes).toEqual({ email_verified: 'false' });

    const missing = await failure(complete(cognitoUser, PASSWORD, {}));
    expect(missing.code).toBe('InvalidParameterException');
    expect(missing.message).toBe('Invalid attributes given, email is missing');

    const session = await complete(cognitoUser, PASSWORD, { email: 'unicorn@example.com' });
    expect(session.getIdToken().payload.email).toBe('unicorn@example.com');
  });
});

describe('the wording of policy failures where a password is reset', () => {
  it('says "does not conform to policy" in ConfirmForgotPassword, as Cognito does there', async () => {
    await h.confirmedUser(EMAIL);
    await forgotPassword(h.pool, EMAIL);
    const code = h.code(EMAIL, 'forgot-password');
    const error = await failure(confirmPassword(h.pool, EMAIL, code, 'short'));
    expect(error.code).toBe('InvalidPasswordException');
    expect(error.message).toBe('Password does not conform to policy: Password not long enough');
  });
});
