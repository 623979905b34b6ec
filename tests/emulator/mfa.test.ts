/**
 * Two-step sign-in with an authenticator app (TOTP), driven through the real
 * amazon-cognito-identity-js against the emulator: setting it up, signing in with a code, wrong,
 * reused and drifted codes, the session's single use and lifetime, lockout, turning it off, and
 * a pool that requires MFA (MFA_SETUP at sign-in). Codes come from the independent `otpauth`
 * library, computed from the secret the way an authenticator app computes them.
 */

import {
  AuthenticationDetails,
  type CognitoUser,
  type CognitoUserPool,
  type CognitoUserSession,
  type UserData,
} from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
} from '../../emulator/core/config.ts';
import { useEmulator } from '../support/emulator.ts';
import { failure, signIn, user } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';
import {
  authenticatorCode as codeAt,
  MID_STEP,
  STEP,
  wrongCode as wrongCodeAt,
} from '../support/totp.ts';
import { countOutcomes, stringAt } from '../support/wire.ts';

const h = useEmulator({ startAt: MID_STEP });

const EMAIL = 'two.step@example.com';

/** What an authenticator app shows for `secret` on the emulator's clock, or at `time`. */
function authenticatorCode(secret: string, time = h.clock.now()): string {
  return codeAt(secret, time);
}

/** A six-digit code that is no code of `secret` near the emulator's clock, for "wrong code". */
function wrongCode(secret: string): string {
  return wrongCodeAt(secret, h.clock.now());
}

/** The library's associateSoftwareToken: the secret to show as a QR code. */
function associate(cognitoUser: CognitoUser): Promise<string> {
  return new Promise((resolve, reject) =>
    cognitoUser.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
  );
}

/** The library's verifySoftwareToken with the first code from the app. */
function verify(cognitoUser: CognitoUser, code: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    cognitoUser.verifySoftwareToken(code, 'My phone', { onSuccess: resolve, onFailure: reject }),
  );
}

/** The library's setUserMfaPreference for TOTP (no SMS settings, as the site sends them). */
function preferTotp(cognitoUser: CognitoUser, enabled: boolean): Promise<string | undefined> {
  return new Promise((resolve, reject) =>
    cognitoUser.setUserMfaPreference(
      null,
      { Enabled: enabled, PreferredMfa: enabled },
      (err, result) => (err ? reject(err) : resolve(result)),
    ),
  );
}

/** GetUser through the library, bypassing its cache. */
function userData(cognitoUser: CognitoUser): Promise<UserData> {
  return new Promise((resolve, reject) =>
    cognitoUser.getUserData((err, data) => (err || !data ? reject(err) : resolve(data)), {
      bypassCache: true,
    }),
  );
}

/** How a password sign-in ended: tokens, or the challenge the library called back with. */
type SignInStep =
  | { kind: 'signed-in'; session: CognitoUserSession }
  | {
      kind: 'totp' | 'setup';
      challengeName: string;
      parameters: unknown;
      cognitoUser: CognitoUser;
    };

/** Signs in with the password and stops at whatever the library reports next. */
function passwordStep(pool: CognitoUserPool, email = EMAIL): Promise<SignInStep> {
  const cognitoUser = user(pool, email);
  return new Promise((resolve, reject) =>
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: email, Password: PASSWORD }),
      {
        onSuccess: (session) => resolve({ kind: 'signed-in', session }),
        onFailure: reject,
        totpRequired: (challengeName, parameters) =>
          resolve({ kind: 'totp', challengeName, parameters, cognitoUser }),
        mfaSetup: (challengeName, parameters) =>
          resolve({ kind: 'setup', challengeName, parameters, cognitoUser }),
      },
    ),
  );
}

/** The library's sendMFACode for a TOTP challenge. */
function sendCode(cognitoUser: CognitoUser, code: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) =>
    cognitoUser.sendMFACode(code, { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA'),
  );
}

/** The TOTP challenge of a fresh password sign-in; fails the test on anything else. */
async function totpChallenge(pool = h.pool, email = EMAIL): Promise<CognitoUser> {
  const step = await passwordStep(pool, email);
  if (step.kind !== 'totp') throw new Error(`expected SOFTWARE_TOKEN_MFA, got ${step.kind}`);
  return step.cognitoUser;
}

/** A confirmed user who set up an authenticator app and turned it on; returns the secret. */
async function userWithTotp(email = EMAIL): Promise<string> {
  await h.confirmedUser(email);
  const { cognitoUser } = await signIn(h.pool, email);
  const secret = await associate(cognitoUser);
  await verify(cognitoUser, authenticatorCode(secret));
  await preferTotp(cognitoUser, true);
  // The code just used for verification cannot sign in again: move to the next step.
  h.clock.advance(STEP);
  return secret;
}

describe('setting up an authenticator app', () => {
  it('hands out a base32 secret, verifies a code from it, and turns TOTP on', async () => {
    await h.confirmedUser(EMAIL);
    const { cognitoUser } = await signIn(h.pool, EMAIL);

    const secret = await associate(cognitoUser);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await verify(cognitoUser, authenticatorCode(secret))).toEqual({ Status: 'SUCCESS' });
    expect((await userData(cognitoUser)).UserMFASettingList ?? []).toEqual([]);

    expect(await preferTotp(cognitoUser, true)).toBe('SUCCESS');
    const data = await userData(cognitoUser);
    expect(data.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(data.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses a wrong first code with EnableSoftwareTokenMFAException, then takes the right one', async () => {
    await h.confirmedUser(EMAIL);
    const { cognitoUser } = await signIn(h.pool, EMAIL);
    const secret = await associate(cognitoUser);

    const error = await failure(verify(cognitoUser, wrongCode(secret)));
    expect(error.code).toBe('EnableSoftwareTokenMFAException');
    expect(error.message).toBe('Code mismatch and fail enable Software Token MFA');
    expect(await verify(cognitoUser, authenticatorCode(secret))).toEqual({ Status: 'SUCCESS' });
  });

  it('refuses to turn TOTP on before a code has been verified', async () => {
    await h.confirmedUser(EMAIL);
    const { cognitoUser } = await signIn(h.pool, EMAIL);
    await associate(cognitoUser);

    const error = await failure(preferTotp(cognitoUser, true));
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toBe('User has not set up software token mfa');
  });

  it('keeps the verified secret working until a new one is verified', async () => {
    const first = await userWithTotp();
    const challenged = await totpChallenge();
    await sendCode(challenged, authenticatorCode(first));
    const second = await associate(challenged);
    expect(second).not.toBe(first);

    h.clock.advance(STEP);
    await sendCode(await totpChallenge(), authenticatorCode(first));
    await verify(challenged, authenticatorCode(second));
    h.clock.advance(STEP);
    const error = await failure(sendCode(await totpChallenge(), authenticatorCode(first)));
    expect(error.code).toBe('CodeMismatchException');
  });

  it('never mails or otherwise delivers anything while TOTP is set up and used', async () => {
    const secret = await userWithTotp();
    const mailsBefore = h.emulator.mailbox().length;
    await sendCode(await totpChallenge(), authenticatorCode(secret));
    expect(h.emulator.mailbox()).toHaveLength(mailsBefore);
    expect(h.emulator.mailbox().every((mail) => mail.purpose === 'sign-up')).toBe(true);
  });
});

describe('signing in with a code', () => {
  it('asks for the code after the password (SOFTWARE_TOKEN_MFA) and signs in with it', async () => {
    const secret = await userWithTotp();

    const step = await passwordStep(h.pool);
    expect(step).toMatchObject({ kind: 'totp', challengeName: 'SOFTWARE_TOKEN_MFA' });
    if (step.kind !== 'totp') return;
    const session = await sendCode(step.cognitoUser, authenticatorCode(secret));
    expect(session.isValid()).toBe(true);
    expect(session.getIdToken().payload.email).toBe(EMAIL);
  });

  it('refuses a wrong code with CodeMismatchException and takes the right one in the same sign-in', async () => {
    const secret = await userWithTotp();
    const cognitoUser = await totpChallenge();

    const error = await failure(sendCode(cognitoUser, wrongCode(secret)));
    expect(error.code).toBe('CodeMismatchException');
    expect(error.message).toBe('Invalid code or auth state for the user.');
    expect((await sendCode(cognitoUser, authenticatorCode(secret))).isValid()).toBe(true);
  });

  it('refuses a code already used to sign in, and takes the next step’s code', async () => {
    const secret = await userWithTotp();
    const code = authenticatorCode(secret);
    await sendCode(await totpChallenge(), code);

    const error = await failure(sendCode(await totpChallenge(), code));
    expect(error.code).toBe('CodeMismatchException');
    h.clock.advance(STEP);
    expect((await sendCode(await totpChallenge(), authenticatorCode(secret))).isValid()).toBe(true);
  });

  it('accepts a code from one step before or after now, as a phone’s clock may be off', async () => {
    const secret = await userWithTotp();
    // One step on, so the step before now is not the one the set-up's code used.
    h.clock.advance(STEP);
    const early = authenticatorCode(secret, h.clock.now() - STEP);
    expect((await sendCode(await totpChallenge(), early)).isValid()).toBe(true);
    h.clock.advance(2 * STEP);
    const late = authenticatorCode(secret, h.clock.now() + STEP);
    expect((await sendCode(await totpChallenge(), late)).isValid()).toBe(true);
  });

  it('refuses a code from two steps before or after now', async () => {
    const secret = await userWithTotp();
    const cognitoUser = await totpChallenge();
    for (const offset of [-2 * STEP, 2 * STEP]) {
      const error = await failure(
        sendCode(cognitoUser, authenticatorCode(secret, h.clock.now() + offset)),
      );
      expect(error.code).toBe('CodeMismatchException');
    }
  });

  it('lets a session that signed in sign in no one else', async () => {
    const secret = await userWithTotp();
    const initiated = await h.api.passwordSignIn(EMAIL, PASSWORD);
    expect(stringAt(initiated.body, 'ChallengeName')).toBe('SOFTWARE_TOKEN_MFA');
    expect((initiated.body as { ChallengeParameters: unknown }).ChallengeParameters).toEqual({});
    const answer = {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: stringAt(initiated.body, 'Session'),
      ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret) },
    };
    expect((await h.api.call('RespondToAuthChallenge', answer)).status).toBe(200);
    h.clock.advance(STEP);
    const again = await h.api.call('RespondToAuthChallenge', {
      ...answer,
      ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret) },
    });
    expect(again.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('accepts a code once even when two sign-ins send it at the same moment', async () => {
    const secret = await userWithTotp();
    const started = await Promise.all([1, 2].map(() => h.api.passwordSignIn(EMAIL, PASSWORD)));
    const code = authenticatorCode(secret);
    const answers = await Promise.all(
      started.map((initiated) =>
        h.api.call('RespondToAuthChallenge', {
          ClientId: DEFAULT_CLIENT_ID,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: stringAt(initiated.body, 'Session'),
          ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      ),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, CodeMismatchException: 1 });
  });

  it('ends the sign-in when the code comes more than 3 minutes after the password', async () => {
    const secret = await userWithTotp();
    const cognitoUser = await totpChallenge();
    h.clock.advance(3 * 60_000);

    const error = await failure(sendCode(cognitoUser, authenticatorCode(secret)));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('counts wrong codes as failed sign-ins and locks the account after five', async () => {
    const secret = await userWithTotp();
    const cognitoUser = await totpChallenge();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await failure(sendCode(cognitoUser, wrongCode(secret)))).code).toBe(
        'CodeMismatchException',
      );
    }
    const error = await failure(sendCode(cognitoUser, authenticatorCode(secret)));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Password attempts exceeded');
  });

  it('keeps counting wrong codes across sign-ins: the password alone does not reset the count', async () => {
    const secret = await userWithTotp();
    const first = await totpChallenge();
    for (let attempt = 0; attempt < 4; attempt++) {
      await failure(sendCode(first, wrongCode(secret)));
    }
    const second = await totpChallenge();
    await failure(sendCode(second, wrongCode(secret)));
    const error = await failure(sendCode(second, authenticatorCode(secret)));
    expect(error.message).toBe('Password attempts exceeded');
  });

  it('asks for no code once the user turns TOTP off', async () => {
    const secret = await userWithTotp();
    const session = await sendCode(await totpChallenge(), authenticatorCode(secret));
    const cognitoUser = user(h.pool, EMAIL);
    cognitoUser.setSignInUserSession(session);

    await preferTotp(cognitoUser, false);
    expect((await userData(cognitoUser)).UserMFASettingList ?? []).toEqual([]);
    expect((await passwordStep(h.pool)).kind).toBe('signed-in');
  });
});

describe('an administrator', () => {
  it('sees a user’s TOTP settings in AdminGetUser and can turn them off', async () => {
    const secret = await userWithTotp();
    const shown = await h.api.adminGetUser(EMAIL);
    expect(shown.body).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });

    const off = await h.api.call('AdminSetUserMFAPreference', {
      UserPoolId: DEFAULT_POOL_ID,
      Username: EMAIL,
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    });
    expect(off).toMatchObject({ status: 200, body: {} });
    expect((await h.api.adminGetUser(EMAIL)).body).not.toHaveProperty('UserMFASettingList');
    expect((await passwordStep(h.pool)).kind).toBe('signed-in');

    const on = await h.api.call('AdminSetUserMFAPreference', {
      UserPoolId: DEFAULT_POOL_ID,
      Username: EMAIL,
      SoftwareTokenMfaSettings: { Enabled: true },
    });
    expect(on.status).toBe(200);
    await sendCode(await totpChallenge(), authenticatorCode(secret));
  });

  it('meets the code in AdminInitiateAuth too, and answers it with AdminRespondToAuthChallenge', async () => {
    const client = defaultClient({
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    });
    await h.restart({ config: { pools: [defaultPool({ clients: [client] })] } });
    const secret = await userWithTotp();
    const ids = { UserPoolId: DEFAULT_POOL_ID, ClientId: DEFAULT_CLIENT_ID };
    const initiated = await h.api.call('AdminInitiateAuth', {
      ...ids,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: EMAIL, PASSWORD },
    });
    expect(stringAt(initiated.body, 'ChallengeName')).toBe('SOFTWARE_TOKEN_MFA');
    const answered = await h.api.call('AdminRespondToAuthChallenge', {
      ...ids,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: stringAt(initiated.body, 'Session'),
      ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret) },
    });
    expect(stringAt(answered.body, 'AuthenticationResult', 'TokenType')).toBe('Bearer');
  });

  it('cannot turn TOTP on for a user who never verified a token', async () => {
    await h.confirmedUser(EMAIL);
    const answer = await h.api.call('AdminSetUserMFAPreference', {
      UserPoolId: DEFAULT_POOL_ID,
      Username: EMAIL,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    });
  });
});

describe('a pool that requires MFA', () => {
  const required = { config: { pools: [defaultPool({ mfaConfiguration: 'ON' })] } };

  it('has a user without a factor set one up at sign-in (MFA_SETUP), then asks for codes', async () => {
    await h.restart(required);
    await h.confirmedUser(EMAIL);

    const step = await passwordStep(h.pool);
    expect(step).toMatchObject({
      kind: 'setup',
      challengeName: 'MFA_SETUP',
      parameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
    });
    if (step.kind !== 'setup') return;
    const secret = await associate(step.cognitoUser);
    const session = await verify(step.cognitoUser, authenticatorCode(secret));
    expect((session as CognitoUserSession).isValid()).toBe(true);

    h.clock.advance(STEP);
    expect((await sendCode(await totpChallenge(), authenticatorCode(secret))).isValid()).toBe(true);
    expect((await h.api.adminGetUser(EMAIL)).body).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('refuses a wrong first code during set-up and takes the right one in the same sign-in', async () => {
    await h.restart(required);
    await h.confirmedUser(EMAIL);
    const step = await passwordStep(h.pool);
    if (step.kind !== 'setup') throw new Error(`expected MFA_SETUP, got ${step.kind}`);
    const secret = await associate(step.cognitoUser);

    const error = await failure(verify(step.cognitoUser, wrongCode(secret)));
    expect(error.code).toBe('EnableSoftwareTokenMFAException');
    const session = await verify(step.cognitoUser, authenticatorCode(secret));
    expect((session as CognitoUserSession).isValid()).toBe(true);
  });

  it('asks a user with a temporary password for a new one first, then to set up a factor', async () => {
    await h.restart(required);
    const created = await h.api.call('AdminCreateUser', {
      UserPoolId: DEFAULT_POOL_ID,
      Username: EMAIL,
      TemporaryPassword: 'Temp-Passw0rd!',
      MessageAction: 'SUPPRESS',
    });
    expect(created.status).toBe(200);
    const initiated = await h.api.passwordSignIn(EMAIL, 'Temp-Passw0rd!');
    expect(stringAt(initiated.body, 'ChallengeName')).toBe('NEW_PASSWORD_REQUIRED');
    const changed = await h.api.call('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: stringAt(initiated.body, 'Session'),
      ChallengeResponses: { USERNAME: EMAIL, NEW_PASSWORD: PASSWORD },
    });
    expect(stringAt(changed.body, 'ChallengeName')).toBe('MFA_SETUP');
  });

  it('ends the set-up when the code comes more than 3 minutes after the secret', async () => {
    await h.restart(required);
    await h.confirmedUser(EMAIL);
    const step = await passwordStep(h.pool);
    if (step.kind !== 'setup') throw new Error(`expected MFA_SETUP, got ${step.kind}`);
    const secret = await associate(step.cognitoUser);
    h.clock.advance(3 * 60_000);

    const error = await failure(verify(step.cognitoUser, authenticatorCode(secret)));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('does not answer MFA_SETUP before a code has been verified', async () => {
    await h.restart(required);
    await h.confirmedUser(EMAIL);
    const initiated = await h.api.passwordSignIn(EMAIL, PASSWORD);
    const answer = await h.api.call('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'MFA_SETUP',
      Session: stringAt(initiated.body, 'Session'),
      ChallengeResponses: { USERNAME: EMAIL },
    });
    expect(answer.status).toBe(400);
    expect(stringAt(answer.body, '__type')).toBe('InvalidParameterException');
  });
});

describe('a pool without MFA', () => {
  it('refuses to hand out a secret with SoftwareTokenMFANotFoundException', async () => {
    await h.restart({ config: { pools: [defaultPool({ mfaConfiguration: 'OFF' })] } });
    await h.confirmedUser(EMAIL);
    const { cognitoUser } = await signIn(h.pool, EMAIL);

    const error = await failure(associate(cognitoUser));
    expect(error.code).toBe('SoftwareTokenMFANotFoundException');
    expect(error.message).toBe('Software Token MFA has not been enabled by the userPool.');
  });

  it('signs a user who had turned TOTP on in with the password alone once MFA is off', async () => {
    await userWithTotp();
    await h.restart({
      config: { pools: [defaultPool({ mfaConfiguration: 'OFF' })] },
      data: h.emulator.dump(),
    });
    expect((await passwordStep(h.pool)).kind).toBe('signed-in');
  });
});
