/**
 * Choice-based sign-in (USER_AUTH) through the AWS SDK v3 against the emulator: the choice
 * offered, each first factor (PASSWORD, PASSWORD_SRP, EMAIL_OTP), PREFERRED_CHALLENGE, the app
 * client's ALLOW_USER_AUTH and the pool's AllowedFirstAuthFactors, and MFA after a password.
 */

import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  type AuthenticationResultType,
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  InvalidParameterException,
  LimitExceededException,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { N } from '../../emulator/core/srp.ts';
import { useEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';

const h = useEmulator();
const POOL_NAME = DEFAULT_POOL_ID.split('_')[1] ?? '';
const EMAIL = 'chooser@example.com';

let cognito: CognitoIdentityProviderClient;
beforeEach(() => {
  cognito = sdkClient(h.endpoint);
});
afterEach(() => cognito.destroy());

function userAuth(parameters: Record<string, string>, clientId = DEFAULT_CLIENT_ID) {
  return cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: EMAIL, ...parameters },
    }),
  );
}

function answer(challenge: string, session: string | undefined, responses: Record<string, string>) {
  return cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: challenge as 'SELECT_CHALLENGE',
      Session: session,
      ChallengeResponses: { USERNAME: EMAIL, ...responses },
    }),
  );
}

/** USER_AUTH → SELECT_CHALLENGE → EMAIL_OTP: the code challenge, its code now in the mailbox. */
async function emailCodeChallenge(): Promise<InitiateAuthCommandOutput> {
  const choice = await userAuth({});
  return answer('SELECT_CHALLENGE', choice.Session, { ANSWER: 'EMAIL_OTP' });
}

function expectTokens(result: AuthenticationResultType | undefined): void {
  expect(result?.AccessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(result?.IdToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(result?.RefreshToken).toBeTruthy();
  expect(result?.TokenType).toBe('Bearer');
}

describe('the choice', () => {
  it('offers a confirmed user with a verified email the password, SRP and an email code', async () => {
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    expect(choice.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(choice.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    expect(choice.Session).toBeTruthy();
    expect(choice.AuthenticationResult).toBeUndefined();
  });

  it('does not offer an email code where the pool allows only passwords', async () => {
    await h.restart({
      config: {
        pools: [defaultPool({ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD'] } })],
      },
    });
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    expect(choice.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('does not offer an email code where the pool requires MFA', async () => {
    await h.restart({ config: { pools: [defaultPool({ mfaConfiguration: 'ON' })] } });
    await h.confirmedUser(EMAIL);
    expect((await userAuth({})).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('does not offer an email code to a user whose email is not verified', async () => {
    await h.unconfirmedUser(EMAIL);
    expect((await userAuth({})).AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('never offers passkeys (WEB_AUTHN) to a user without one', async () => {
    await h.confirmedUser(EMAIL);
    expect((await userAuth({})).AvailableChallenges).not.toContain('WEB_AUTHN');
  });

  it('answers an unknown name like a user without a verified email, then refuses the password generically', async () => {
    const choice = await userAuth({ USERNAME: 'nobody@example.com' });
    expect(choice.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP']);
    const error = await rejection(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: DEFAULT_CLIENT_ID,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: choice.Session,
          ChallengeResponses: {
            USERNAME: 'nobody@example.com',
            ANSWER: 'PASSWORD',
            PASSWORD,
          },
        }),
      ),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('tells of an unknown name where the client does not prevent existence errors', async () => {
    await h.restart({
      config: {
        pools: [defaultPool({ clients: [defaultClient({ preventUserExistenceErrors: false })] })],
      },
    });
    const error = await rejection(userAuth({}), UserNotFoundException);
    expect(error.message).toBe('User does not exist.');
  });

  it('refuses USER_AUTH for an app client without ALLOW_USER_AUTH', async () => {
    await h.restart({
      config: {
        pools: [
          defaultPool({
            clients: [defaultClient({ explicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] })],
          }),
        ],
      },
    });
    await h.confirmedUser(EMAIL);
    const error = await rejection(userAuth({}), InvalidParameterException);
    expect(error.message).toBe('USER_AUTH flow not enabled for this client');
  });

  it('refuses an ANSWER that was not offered, and the same session still takes a good one', async () => {
    await h.restart({
      config: {
        pools: [defaultPool({ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD'] } })],
      },
    });
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    const error = await rejection(
      answer('SELECT_CHALLENGE', choice.Session, { ANSWER: 'EMAIL_OTP' }),
      InvalidParameterException,
    );
    expect(error.message).toBe(
      'ANSWER must be one of the available challenges: PASSWORD, PASSWORD_SRP',
    );
    expect(h.mails(EMAIL, 'sign-in')).toEqual([]);
    const done = await answer('SELECT_CHALLENGE', choice.Session, {
      ANSWER: 'PASSWORD',
      PASSWORD,
    });
    expectTokens(done.AuthenticationResult);
  });

  it('refuses a SELECT_CHALLENGE answer after the session has expired', async () => {
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    h.clock.advance(181_000);
    const error = await rejection(
      answer('SELECT_CHALLENGE', choice.Session, { ANSWER: 'PASSWORD', PASSWORD }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('refuses a PREFERRED_CHALLENGE Cognito does not know', async () => {
    await h.confirmedUser(EMAIL);
    const error = await rejection(
      userAuth({ PREFERRED_CHALLENGE: 'CARRIER_PIGEON' }),
      InvalidParameterException,
    );
    expect(error.message).toBe(
      'PREFERRED_CHALLENGE must be one of PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP, WEB_AUTHN',
    );
  });

  it('leaves the choice to the user when the preferred challenge is not available to them', async () => {
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({ PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(choice.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(choice.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
  });
});

describe('PASSWORD', () => {
  it('signs in with the password chosen in SELECT_CHALLENGE', async () => {
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    const done = await answer('SELECT_CHALLENGE', choice.Session, {
      ANSWER: 'PASSWORD',
      PASSWORD,
    });
    expectTokens(done.AuthenticationResult);
  });

  it('signs in at once with PREFERRED_CHALLENGE PASSWORD and the password', async () => {
    await h.confirmedUser(EMAIL);
    const done = await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
    expect(done.ChallengeName).toBeUndefined();
    expectTokens(done.AuthenticationResult);
  });

  it('refuses a wrong password as every password flow does', async () => {
    await h.confirmedUser(EMAIL);
    const error = await rejection(
      userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Passw0rd!' }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('asks for PASSWORD when the preferred challenge is PASSWORD', async () => {
    await h.confirmedUser(EMAIL);
    const error = await rejection(
      userAuth({ PREFERRED_CHALLENGE: 'PASSWORD' }),
      InvalidParameterException,
    );
    expect(error.message).toBe('Missing required parameter PASSWORD');
  });

  it('works through AdminInitiateAuth too', async () => {
    await h.confirmedUser(EMAIL);
    const done = await cognito.send(
      new AdminInitiateAuthCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: EMAIL, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    );
    expectTokens(done.AuthenticationResult);
  });
});

describe('PASSWORD_SRP', () => {
  it('answers the choice with the PASSWORD_VERIFIER of real SRP, and a correct proof signs in', async () => {
    await h.confirmedUser(EMAIL);
    const choice = await userAuth({});
    const client = srpClient();
    const verifier = await answer('SELECT_CHALLENGE', choice.Session, {
      ANSWER: 'PASSWORD_SRP',
      SRP_A: client.A.toString(16),
    });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const sub = h.emulator.dump()[DEFAULT_POOL_ID]?.users[0]?.sub;
    const parameters = verifier.ChallengeParameters ?? {};
    expect(parameters).toMatchObject({ USER_ID_FOR_SRP: sub, USERNAME: sub });
    const proof = client.prove(parameters, PASSWORD, new Date(h.clock.now()));
    const done = await answer('PASSWORD_VERIFIER', verifier.Session, proof);
    expectTokens(done.AuthenticationResult);
  });

  it('refuses a proof made with the wrong password', async () => {
    await h.confirmedUser(EMAIL);
    const client = srpClient();
    const verifier = await userAuth({
      PREFERRED_CHALLENGE: 'PASSWORD_SRP',
      SRP_A: client.A.toString(16),
    });
    const proof = client.prove(
      verifier.ChallengeParameters ?? {},
      'Wrong-Passw0rd!',
      new Date(h.clock.now()),
    );
    const error = await rejection(
      answer('PASSWORD_VERIFIER', verifier.Session, proof),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Incorrect username or password.');
  });
});

describe('EMAIL_OTP', () => {
  it('mails an eight-digit code and says where it went, as Cognito does', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    expect(challenge.ChallengeParameters).toEqual({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'c***@e***',
    });
    expect(h.code(EMAIL, 'sign-in')).toMatch(/^\d{8}$/);
  });

  it('signs in with the mailed code, with no second factor', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    const done = await answer('EMAIL_OTP', challenge.Session, {
      EMAIL_OTP_CODE: h.code(EMAIL, 'sign-in'),
    });
    expectTokens(done.AuthenticationResult);
  });

  it('sends the code at once with PREFERRED_CHALLENGE EMAIL_OTP', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await userAuth({ PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(challenge.ChallengeName).toBe('EMAIL_OTP');
    expect(h.mails(EMAIL, 'sign-in')).toHaveLength(1);
  });

  it('refuses a wrong code, and the same session then takes the right one', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    const code = h.code(EMAIL, 'sign-in');
    const wrong = String((Number(code) + 1) % 100_000_000).padStart(8, '0');
    const error = await rejection(
      answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: wrong }),
      CodeMismatchException,
    );
    expect(error.message).toBe('Invalid code or auth state for the user.');
    const done = await answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: code });
    expectTokens(done.AuthenticationResult);
  });

  it('ends the session after three wrong codes', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    const code = h.code(EMAIL, 'sign-in');
    const wrong = String((Number(code) + 1) % 100_000_000).padStart(8, '0');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await rejection(
        answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: wrong }),
        CodeMismatchException,
      );
    }
    const error = await rejection(
      answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: code }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('refuses a code after its three minutes are up', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    h.clock.advance(180_000);
    const error = await rejection(
      answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: h.code(EMAIL, 'sign-in') }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('accepts a code once', async () => {
    await h.confirmedUser(EMAIL);
    const challenge = await emailCodeChallenge();
    const code = h.code(EMAIL, 'sign-in');
    await answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: code });
    const error = await rejection(
      answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: code }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('stops sending codes at the hourly limit every code shares', async () => {
    await h.confirmedUser(EMAIL);
    // The sign-up code was the first of five.
    for (let sent = 1; sent < 5; sent += 1) await emailCodeChallenge();
    const error = await rejection(emailCodeChallenge(), LimitExceededException);
    expect(error.message).toBe('Attempt limit exceeded, please try after some time.');
  });

  it('counts wrong codes toward the lockout wrong passwords start', async () => {
    await h.confirmedUser(EMAIL);
    // Five failures start the lockout: three under one sign-in, two under the next.
    for (const wrongCodes of [3, 2]) {
      const challenge = await emailCodeChallenge();
      const code = h.code(EMAIL, 'sign-in');
      const wrong = String((Number(code) + 1) % 100_000_000).padStart(8, '0');
      for (let attempt = 0; attempt < wrongCodes; attempt += 1) {
        await rejection(
          answer('EMAIL_OTP', challenge.Session, { EMAIL_OTP_CODE: wrong }),
          CodeMismatchException,
        );
      }
    }
    const error = await rejection(
      userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD }),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Password attempts exceeded');
  });
});

describe('MFA after a password first factor', () => {
  it('asks a user with an authenticator app for its code after PASSWORD, not after EMAIL_OTP', async () => {
    await h.restart({ config: { pools: [defaultPool({ mfaConfiguration: 'OPTIONAL' })] } });
    await h.confirmedUser(EMAIL);
    const pool = h.emulator.dump()[DEFAULT_POOL_ID];
    const stored = pool?.users[0];
    if (!pool || !stored) throw new Error('no user');
    stored.softwareToken = {
      secret: 'JBSWY3DPEHPK3PXP',
      lastUsedStep: 0,
      enabled: true,
      preferred: true,
    };
    await h.restart({ data: { [DEFAULT_POOL_ID]: pool } });
    const password = await userAuth({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
    expect(password.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const challenge = await emailCodeChallenge();
    const done = await answer('EMAIL_OTP', challenge.Session, {
      EMAIL_OTP_CODE: h.code(EMAIL, 'sign-in'),
    });
    expectTokens(done.AuthenticationResult);
  });
});

describe('the signInPolicy setting', () => {
  const withFactors = (allowedFirstAuthFactors: unknown) => () =>
    readEmulatorConfig({
      pools: [{ id: 'x_1', clients: [{ id: 'x' }], signInPolicy: { allowedFirstAuthFactors } }],
    });

  it('allows the password, email codes and passkeys unless configured (SPEC §8)', () => {
    expect(defaultPool().signInPolicy.allowedFirstAuthFactors).toEqual([
      'PASSWORD',
      'EMAIL_OTP',
      'WEB_AUTHN',
    ]);
    expect(defaultClient().explicitAuthFlows).toContain('ALLOW_USER_AUTH');
  });

  it('reads a list of first factors', () => {
    const config = withFactors(['EMAIL_OTP', 'PASSWORD'])();
    expect(config.pools[1]?.signInPolicy.allowedFirstAuthFactors).toEqual([
      'EMAIL_OTP',
      'PASSWORD',
    ]);
  });

  it.each([
    [['EMAIL_OTP'], /must include PASSWORD/],
    [['PASSWORD', 'SMS_OTP'], /must list some of PASSWORD, EMAIL_OTP, WEB_AUTHN, each once/],
    [['PASSWORD', 'PASSWORD'], /each once/],
    ['PASSWORD', /must list some of/],
  ])('refuses %j', (factors, message) => {
    expect(withFactors(factors)).toThrow(message);
  });
});

/**
 * The client side of Cognito's SRP, written here from SPEC §5 with Node's crypto (only the group
 * N comes from the emulator), so a proof the emulator accepts was not made by its own code.
 */
function srpClient() {
  const hash = (...parts: (string | Buffer)[]) =>
    createHash('sha256')
      .update(Buffer.concat(parts.map((p) => Buffer.from(p))))
      .digest();
  const hmac = (key: Buffer, ...parts: Buffer[]) =>
    createHmac('sha256', key).update(Buffer.concat(parts)).digest();
  const padHex = (n: bigint) => {
    const hex = n.toString(16);
    const even = hex.length % 2 === 1 ? `0${hex}` : hex;
    return /^[89a-f]/.test(even) ? `00${even}` : even;
  };
  const bytes = (n: bigint) => Buffer.from(padHex(n), 'hex');
  const int = (buffer: Buffer) => BigInt(`0x${buffer.toString('hex')}`);
  const modPow = (base: bigint, exponent: bigint) => {
    let result = 1n;
    let b = base % N;
    for (let e = exponent; e > 0n; e >>= 1n) {
      if (e & 1n) result = (result * b) % N;
      b = (b * b) % N;
    }
    return result;
  };
  const a = int(randomBytes(32));
  const A = modPow(2n, a);
  return {
    A,
    prove(parameters: Record<string, string>, password: string, date: Date) {
      const { SALT = '', SRP_B = '', SECRET_BLOCK = '', USER_ID_FOR_SRP = '' } = parameters;
      const B = BigInt(`0x${SRP_B}`);
      const k = int(hash(bytes(N), bytes(2n)));
      const u = int(hash(bytes(A), bytes(B)));
      const inner = hash(`${POOL_NAME}${USER_ID_FOR_SRP}:${password}`);
      const x = int(hash(bytes(BigInt(`0x${SALT}`)), inner));
      const S = modPow((((B - k * modPow(2n, x)) % N) + N) % N, a + u * x);
      const prk = hmac(bytes(u), bytes(S));
      const key = hmac(prk, Buffer.from('Caldera Derived Key'), Buffer.from([1])).subarray(0, 16);
      const timestamp = date
        .toUTCString()
        .replace(/^(\w+), 0?(\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4');
      const signature = hmac(
        key,
        Buffer.from(POOL_NAME),
        Buffer.from(USER_ID_FOR_SRP),
        Buffer.from(SECRET_BLOCK, 'base64'),
        Buffer.from(timestamp),
      ).toString('base64');
      return {
        PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
        PASSWORD_CLAIM_SIGNATURE: signature,
        TIMESTAMP: timestamp,
        USERNAME: USER_ID_FOR_SRP,
      };
    },
  };
}
