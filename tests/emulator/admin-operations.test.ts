/**
 * Admin operations that back ends and test suites call, through the AWS SDK v3 Cognito client
 * (msw routes its requests to a fresh emulator per test).
 */

import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
} from '../../emulator/core/config.ts';
import { useEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { attributeOf, sdkClient } from '../support/sdk.ts';

const SERVER_CLIENT = 'serverclient';
const EMAIL = 'rider@example.com';

const h = useEmulator({
  config: {
    pools: [
      defaultPool({
        clients: [
          defaultClient(),
          defaultClient({
            id: SERVER_CLIENT,
            explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          }),
        ],
      }),
    ],
  },
});

const cognito = sdkClient(h.endpoint);
afterAll(() => cognito.destroy());

function adminSignIn(
  password = PASSWORD,
  clientId = SERVER_CLIENT,
  flow = 'ADMIN_USER_PASSWORD_AUTH',
) {
  return cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId: DEFAULT_POOL_ID,
      ClientId: clientId,
      AuthFlow: flow as 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: EMAIL, PASSWORD: password },
    }),
  );
}

describe('AdminInitiateAuth', () => {
  it('signs a user in with ADMIN_USER_PASSWORD_AUTH and returns working tokens', async () => {
    await h.confirmedUser(EMAIL);
    const answer = await adminSignIn();
    expect(answer.ChallengeName).toBeUndefined();
    expect(answer.AuthenticationResult?.TokenType).toBe('Bearer');
    const me = await cognito.send(
      new GetUserCommand({ AccessToken: answer.AuthenticationResult?.AccessToken }),
    );
    expect(attributeOf(me.UserAttributes, 'email')).toBe(EMAIL);
  });

  it('accepts ADMIN_NO_SRP_AUTH, the older name of the same flow', async () => {
    await h.confirmedUser(EMAIL);
    const answer = await adminSignIn(PASSWORD, SERVER_CLIENT, 'ADMIN_NO_SRP_AUTH');
    expect(answer.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('refreshes tokens with REFRESH_TOKEN_AUTH', async () => {
    await h.confirmedUser(EMAIL);
    const first = await adminSignIn();
    const refreshed = await cognito.send(
      new AdminInitiateAuthCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: SERVER_CLIENT,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult?.RefreshToken ?? '' },
      }),
    );
    expect(refreshed.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
  });

  it('refuses a wrong password with the generic NotAuthorizedException', async () => {
    await h.confirmedUser(EMAIL);
    const error = await rejection(adminSignIn('Wrong-Passw0rd!'));
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('refuses the flow on a client that does not allow it', async () => {
    await h.confirmedUser(EMAIL);
    const error = await rejection(adminSignIn(PASSWORD, DEFAULT_CLIENT_ID));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe('ADMIN_USER_PASSWORD_AUTH flow not enabled for this client');
  });

  it('refuses an app client of another pool as not found', async () => {
    await h.restart({
      config: {
        pools: [
          defaultPool(),
          defaultPool({ id: 'local_Other', clients: [defaultClient({ id: 'otherclient' })] }),
        ],
      },
    });
    const error = await rejection(adminSignIn(PASSWORD, 'otherclient'));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('User pool client otherclient does not exist.');
  });

  it('asks for a new password with a temporary one, answered by AdminRespondToAuthChallenge', async () => {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: EMAIL,
        TemporaryPassword: 'Temp-Passw0rd!',
        MessageAction: 'SUPPRESS',
      }),
    );
    const challenge = await adminSignIn('Temp-Passw0rd!');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answer = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: SERVER_CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: EMAIL, NEW_PASSWORD: PASSWORD },
      }),
    );
    expect(answer.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect((await adminSignIn()).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});

describe('AdminUpdateUserAttributes', () => {
  it('changes ordinary attributes at once', async () => {
    await h.confirmedUser(EMAIL);
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: EMAIL,
        UserAttributes: [{ Name: 'name', Value: 'Rider One' }],
      }),
    );
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    expect(attributeOf(user.UserAttributes, 'name')).toBe('Rider One');
  });

  it('mails a code for a new email and keeps the old one until it is verified', async () => {
    await h.confirmedUser(EMAIL);
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: EMAIL,
        UserAttributes: [{ Name: 'email', Value: 'moved@example.org' }],
      }),
    );
    expect(h.code('moved@example.org', 'verify-attribute')).toMatch(/^\d{6}$/);
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    expect(attributeOf(user.UserAttributes, 'email')).toBe(EMAIL);
  });

  it('applies a new email at once when email_verified is set to true with it', async () => {
    await h.confirmedUser(EMAIL);
    const before = h.emulator.mailbox().length;
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: EMAIL,
        UserAttributes: [
          { Name: 'email', Value: 'moved@example.org' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    expect(h.emulator.mailbox()).toHaveLength(before);
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: 'moved@example.org' }),
    );
    expect(attributeOf(user.UserAttributes, 'email')).toBe('moved@example.org');
    expect(attributeOf(user.UserAttributes, 'email_verified')).toBe('true');
  });

  it('applies a waiting email when an administrator later sets email_verified to true', async () => {
    await h.confirmedUser(EMAIL);
    const update = (attributes: { Name: string; Value: string }[]) =>
      cognito.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: DEFAULT_POOL_ID,
          Username: EMAIL,
          UserAttributes: attributes,
        }),
      );
    await update([{ Name: 'email', Value: 'moved@example.org' }]);
    await update([{ Name: 'email_verified', Value: 'true' }]);
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: 'moved@example.org' }),
    );
    expect(attributeOf(user.UserAttributes, 'email')).toBe('moved@example.org');
  });
});

describe('AdminUserGlobalSignOut', () => {
  it('ends every session of the user: refresh tokens and access tokens stop working', async () => {
    await h.confirmedUser(EMAIL);
    const tokens = (await adminSignIn()).AuthenticationResult;
    await cognito.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    const access = await rejection(
      cognito.send(new GetUserCommand({ AccessToken: tokens?.AccessToken })),
    );
    expect(access.name).toBe('NotAuthorizedException');
    expect(access.message).toBe('Access Token has been revoked');
    const refresh = await rejection(
      cognito.send(
        new InitiateAuthCommand({
          ClientId: SERVER_CLIENT,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens?.RefreshToken ?? '' },
        }),
      ),
    );
    expect(refresh.name).toBe('NotAuthorizedException');
    expect(refresh.message).toBe('Refresh Token has been revoked');
  });
});

describe('AdminResetUserPassword', () => {
  it('mails a reset code and answers PasswordResetRequiredException to the old password', async () => {
    await h.confirmedUser(EMAIL);
    await cognito.send(
      new AdminResetUserPasswordCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    expect(user.UserStatus).toBe('RESET_REQUIRED');
    const error = await rejection(adminSignIn());
    expect(error.name).toBe('PasswordResetRequiredException');
    expect(error.message).toBe('Password reset required for the user');
    const wrong = await rejection(adminSignIn('Wrong-Passw0rd!'));
    expect(wrong.message).toBe('Incorrect username or password.');
  });

  it('lets the user back in after ConfirmForgotPassword with the mailed code', async () => {
    await h.confirmedUser(EMAIL);
    await cognito.send(
      new AdminResetUserPasswordCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    await cognito.send(
      new ConfirmForgotPasswordCommand({
        ClientId: DEFAULT_CLIENT_ID,
        Username: EMAIL,
        ConfirmationCode: h.code(EMAIL, 'forgot-password'),
        Password: 'Brand-New-Passw0rd!',
      }),
    );
    const answer = await adminSignIn('Brand-New-Passw0rd!');
    expect(answer.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});

describe('AdminDisableUser and AdminEnableUser', () => {
  it('revokes the sessions of a disabled user, and lets them sign in again once enabled', async () => {
    await h.confirmedUser(EMAIL);
    const tokens = (await adminSignIn()).AuthenticationResult;
    await cognito.send(
      new AdminDisableUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    const disabled = await rejection(adminSignIn());
    expect(disabled.name).toBe('NotAuthorizedException');
    expect(disabled.message).toBe('User is disabled.');
    const access = await rejection(
      cognito.send(new GetUserCommand({ AccessToken: tokens?.AccessToken })),
    );
    expect(access.message).toBe('Access Token has been revoked');

    await cognito.send(
      new AdminEnableUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: EMAIL }),
    );
    expect((await adminSignIn()).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});
