/**
 * The AWS SDK v3 Cognito client against the standalone server: what a developer does with the SDK
 * (or the AWS CLI, which speaks the same protocol) instead of the AWS console.
 */

import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ResourceNotFoundException,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  UserNotFoundException,
  UsernameExistsException,
  type UserType,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { attributeOf, sdkClient } from '../support/sdk.ts';

let server: RunningServer;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  server = await startServer(await createNodeEmulator(), { port: 0 });
  cognito = sdkClient(server.url);
});

afterAll(async () => {
  cognito.destroy();
  await server.close();
});

let counter = 0;
/** A fresh address per test, since all tests share one server. */
function newEmail(label: string): string {
  counter += 1;
  return `${label}.${counter}.${Date.now()}@example.com`;
}

function signUp(email: string, password = PASSWORD) {
  return cognito.send(
    new SignUpCommand({
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
}

function emailsOf(users: UserType[] | undefined): (string | undefined)[] {
  return (users ?? []).map((u) => attributeOf(u.Attributes, 'email'));
}

describe('sign-up and confirmation by an administrator', () => {
  it('signs a user up as unconfirmed and tells where the code went', async () => {
    const email = newEmail('signup');
    const result = await signUp(email);
    expect(result.UserConfirmed).toBe(false);
    expect(result.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
    expect(result.CodeDeliveryDetails).toEqual({
      Destination: 's***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
  });

  it('confirms a user by hand, after which AdminGetUser shows CONFIRMED and the email', async () => {
    const email = newEmail('confirm');
    const { UserSub } = await signUp(email);
    const before = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    expect(before.UserStatus).toBe('UNCONFIRMED');

    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );

    const after = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    expect(after.UserStatus).toBe('CONFIRMED');
    expect(after.Enabled).toBe(true);
    // In a pool that signs in with email, the internal username is the sub.
    expect(after.Username).toBe(UserSub);
    expect(after.UserAttributes).toContainEqual({ Name: 'email', Value: email });
    expect(after.UserAttributes).toContainEqual({ Name: 'sub', Value: UserSub });
    expect(after.UserCreateDate).toBeInstanceOf(Date);
    expect(Math.abs((after.UserCreateDate?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('finds a user by email regardless of the case it is typed in', async () => {
    const email = newEmail('casing');
    const { UserSub } = await signUp(email);
    const found = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email.toUpperCase() }),
    );
    expect(found.Username).toBe(UserSub);
  });

  it('refuses to confirm a user twice with NotAuthorizedException', async () => {
    const email = newEmail('twice');
    await signUp(email);
    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    const error = await rejection(
      cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email })),
    );
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe('User cannot be confirmed. Current status is CONFIRMED');
  });
});

describe('ListUsers', () => {
  it('lists users with their status when no filter is given', async () => {
    const unconfirmed = newEmail('list-all');
    const confirmed = newEmail('list-all');
    await signUp(unconfirmed);
    await signUp(confirmed);
    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: confirmed }),
    );

    const { Users } = await cognito.send(new ListUsersCommand({ UserPoolId: DEFAULT_POOL_ID }));
    const byEmail = new Map(
      (Users ?? []).map((u) => [attributeOf(u.Attributes, 'email'), u.UserStatus]),
    );
    expect(byEmail.get(unconfirmed)).toBe('UNCONFIRMED');
    expect(byEmail.get(confirmed)).toBe('CONFIRMED');
  });

  it('filters by exact email', async () => {
    const wanted = newEmail('filter-email');
    await signUp(wanted);
    await signUp(newEmail('filter-email-other'));
    const { Users } = await cognito.send(
      new ListUsersCommand({ UserPoolId: DEFAULT_POOL_ID, Filter: `email = "${wanted}"` }),
    );
    expect(emailsOf(Users)).toEqual([wanted]);
  });

  it('filters by status, as the console lists unconfirmed users', async () => {
    const waiting = newEmail('filter-status');
    const done = newEmail('filter-status');
    await signUp(waiting);
    await signUp(done);
    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: done }),
    );

    const { Users } = await cognito.send(
      new ListUsersCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Filter: 'cognito:user_status = "UNCONFIRMED"',
      }),
    );
    expect((Users ?? []).every((u) => u.UserStatus === 'UNCONFIRMED')).toBe(true);
    expect(emailsOf(Users)).toContain(waiting);
    expect(emailsOf(Users)).not.toContain(done);
  });

  it('pages through users with Limit and PaginationToken, oldest first, each user once', async () => {
    const prefix = `paged.${Date.now()}.`;
    const emails = [1, 2, 3, 4, 5].map((n) => `${prefix}${n}@example.com`);
    for (const email of emails) await signUp(email);

    const pages: (string | undefined)[][] = [];
    let token: string | undefined;
    do {
      const page = await cognito.send(
        new ListUsersCommand({
          UserPoolId: DEFAULT_POOL_ID,
          Filter: `email ^= "${prefix}"`,
          Limit: 2,
          PaginationToken: token,
        }),
      );
      pages.push(emailsOf(page.Users));
      token = page.PaginationToken;
    } while (token !== undefined && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(emails);
  });

  it('refuses a filter it cannot parse with InvalidParameterException', async () => {
    const error = await rejection(
      cognito.send(new ListUsersCommand({ UserPoolId: DEFAULT_POOL_ID, Filter: 'email == x' })),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe('Error while parsing filter.');
  });
});

describe('users created by an administrator', () => {
  it('creates a user who must change the password, and a permanent password lets them sign in', async () => {
    const email = newEmail('admin-create');
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
        MessageAction: 'SUPPRESS',
      }),
    );
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');

    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: email,
        Password: PASSWORD,
        Permanent: true,
      }),
    );
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');

    const signedIn = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: PASSWORD },
      }),
    );
    expect(signedIn.ChallengeName).toBeUndefined();
    expect(signedIn.AuthenticationResult?.TokenType).toBe('Bearer');
    expect(signedIn.AuthenticationResult?.ExpiresIn).toBe(3600);
    const me = await cognito.send(
      new GetUserCommand({ AccessToken: signedIn.AuthenticationResult?.AccessToken }),
    );
    expect(me.UserAttributes).toContainEqual({ Name: 'email', Value: email });
  });

  it('asks a user with a temporary password for a new one, then signs them in with it', async () => {
    const email = newEmail('temporary');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: email,
        TemporaryPassword: 'Temp-Passw0rd!',
        MessageAction: 'SUPPRESS',
      }),
    );
    const answer = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Temp-Passw0rd!' },
      }),
    );
    expect(answer.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(answer.AuthenticationResult).toBeUndefined();

    const changed = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: DEFAULT_CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: answer.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: PASSWORD },
      }),
    );
    expect(changed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
  });

  it('deletes a user, after which AdminGetUser no longer finds them', async () => {
    const email = newEmail('delete');
    await signUp(email);
    await cognito.send(
      new AdminDeleteUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    const error = await rejection(
      cognito.send(new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email })),
    );
    expect(error).toBeInstanceOf(UserNotFoundException);
    expect(error.message).toBe('User does not exist.');
  });
});

describe('two-step sign-in with an authenticator app', () => {
  /** The code an authenticator app shows `steps` 30-second steps from now (the server's clock is real). */
  function appCode(secret: string, steps = 0): string {
    const timestamp = Date.now() + steps * 30_000;
    return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp });
  }

  it('sets up TOTP with an access token, then signs in with a code; an administrator turns it off', async () => {
    const email = newEmail('totp');
    await signUp(email);
    await cognito.send(
      new AdminConfirmSignUpCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    const signIn = () =>
      cognito.send(
        new InitiateAuthCommand({
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD },
        }),
      );
    const AccessToken = (await signIn()).AuthenticationResult?.AccessToken;
    const { SecretCode = '' } = await cognito.send(
      new AssociateSoftwareTokenCommand({ AccessToken }),
    );
    const verified = await cognito.send(
      new VerifySoftwareTokenCommand({ AccessToken, UserCode: appCode(SecretCode) }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await cognito.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    const challenged = await signIn();
    expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const respond = (code: string) =>
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: DEFAULT_CLIENT_ID,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenged.Session,
          ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      );
    // Codes up to the one verified are spent; the next step's is within the allowed drift.
    const spent = await rejection(respond(appCode(SecretCode, -1)));
    expect(spent).toBeInstanceOf(CodeMismatchException);
    expect(spent.message).toBe('Invalid code or auth state for the user.');
    const tokens = await respond(appCode(SecretCode, 1));
    expect(tokens.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(tokens.AuthenticationResult?.NewDeviceMetadata).toBeUndefined();

    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: email }),
    );
    expect(user.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(user.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
    await cognito.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: DEFAULT_POOL_ID,
        Username: email,
        SoftwareTokenMfaSettings: { Enabled: false },
      }),
    );
    expect((await signIn()).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });
});

describe('typed errors', () => {
  it('throws UsernameExistsException when the email is taken', async () => {
    const email = newEmail('taken');
    await signUp(email);
    const error = await rejection(signUp(email.toUpperCase(), 'Other-Passw0rd!'));
    expect(error).toBeInstanceOf(UsernameExistsException);
    expect(error.message).toBe('An account with the given email already exists.');
    expect((error as UsernameExistsException).$metadata.httpStatusCode).toBe(400);
  });

  it('throws UserNotFoundException from AdminGetUser for someone who never signed up', async () => {
    const error = await rejection(
      cognito.send(
        new AdminGetUserCommand({ UserPoolId: DEFAULT_POOL_ID, Username: newEmail('nobody') }),
      ),
    );
    expect(error).toBeInstanceOf(UserNotFoundException);
    expect(error.message).toBe('User does not exist.');
  });

  it('throws ResourceNotFoundException for a user pool that does not exist', async () => {
    const error = await rejection(
      cognito.send(new ListUsersCommand({ UserPoolId: 'local_NoSuchPool' })),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe('User pool local_NoSuchPool does not exist.');
  });

  it('throws ResourceNotFoundException for an app client that does not exist', async () => {
    const error = await rejection(
      cognito.send(
        new SignUpCommand({
          ClientId: 'nosuchclient',
          Username: newEmail('x'),
          Password: PASSWORD,
        }),
      ),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe('User pool client nosuchclient does not exist.');
  });
});

describe('what a browser and a developer see over plain HTTP', () => {
  it('answers the CORS preflight a browser sends before a Cognito call', async () => {
    const response = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'x-amz-target,x-amz-user-agent,cache-control,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase());
    expect(allowed).toEqual(
      expect.arrayContaining(['x-amz-target', 'x-amz-user-agent', 'cache-control', 'content-type']),
    );
  });

  it('lets a browser read the error type of a refused call', async () => {
    const response = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: {
        Origin: 'http://localhost:5173',
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminGetUser',
      },
      body: JSON.stringify({ UserPoolId: DEFAULT_POOL_ID, Username: newEmail('cors') }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UserNotFoundException:/);
    expect(await response.json()).toEqual({
      __type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });

  it('lists sent codes at GET /mailbox as [{to, code, purpose, sentAt}], newest last', async () => {
    const first = newEmail('mail');
    const second = newEmail('mail');
    await signUp(first);
    await signUp(second);

    const response = await fetch(`${server.url}/mailbox`);
    expect(response.status).toBe(200);
    const mails: unknown = await response.json();
    expect(Array.isArray(mails)).toBe(true);
    const all = mails as unknown[];
    for (const mail of all) {
      expect(mail).toEqual(
        expect.objectContaining({
          to: expect.any(String),
          code: expect.any(String),
          purpose: expect.any(String),
          sentAt: expect.any(String),
        }),
      );
    }
    expect(all.slice(-2)).toEqual([
      expect.objectContaining({
        to: first,
        code: expect.stringMatching(/^\d{6}$/),
        purpose: 'sign-up',
      }),
      expect.objectContaining({
        to: second,
        code: expect.stringMatching(/^\d{6}$/),
        purpose: 'sign-up',
      }),
    ]);
    const last = all.at(-1) as { sentAt: string };
    expect(new Date(last.sentAt).toISOString()).toBe(last.sentAt);
    expect(Math.abs(Date.parse(last.sentAt) - Date.now())).toBeLessThan(60_000);
  });
});
