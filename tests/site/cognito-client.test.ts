/**
 * The typed client for the operations amazon-cognito-identity-js cannot send, against the
 * emulator through msw: sign-in right after sign-up with the `Session` that SignUp and
 * ConfirmSignUp hand on, an email code through USER_AUTH, tokens kept where the library reads
 * them, and failures as the same `AuthError` / `NetworkError` values the library path gives.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError } from '../../src/auth-errors.ts';
import { idTokenEmail } from '../../src/cognito-auth.ts';
import { createCognitoClient } from '../../src/cognito-client.ts';
import { storeAuthenticationResult } from '../../src/token-store.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { memoryStorage } from '../support/storage.ts';
import { useEmulatedCognito } from './emulator.ts';
import { ENDPOINT, TEST_CLIENT_ID, TEST_POOL_ID, testAuth } from './helpers.ts';

const EMAIL = 'rider@example.com';
const COGNITO = {
  userPoolId: TEST_POOL_ID,
  userPoolClientId: TEST_CLIENT_ID,
  region: 'us-east-1',
  endpoint: ENDPOINT,
};
const cognito = useEmulatedCognito();
const { call } = createCognitoClient({ cognito: COGNITO });

describe('sign-in right after sign-up', () => {
  it('turns the Session of SignUp and ConfirmSignUp into tokens the library then uses', async () => {
    const signedUp = await call('SignUp', {
      Username: EMAIL,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
    });
    expect(signedUp.UserConfirmed).toBe(false);
    expect(signedUp.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    const confirmed = await call('ConfirmSignUp', {
      Username: EMAIL,
      ConfirmationCode: cognito.code(EMAIL),
      ...(signedUp.Session === undefined ? {} : { Session: signedUp.Session }),
    });
    expect(confirmed.Session).toEqual(expect.any(String));

    const answer = await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: EMAIL },
      ...(confirmed.Session === undefined ? {} : { Session: confirmed.Session }),
    });
    if (answer.AuthenticationResult === undefined) throw new Error('expected tokens');
    const storage = memoryStorage();
    storeAuthenticationResult({ cognito: COGNITO, storage }, answer.AuthenticationResult);
    const idToken = await testAuth(storage).getIdToken();
    expect(idToken === null ? null : idTokenEmail(idToken)).toBe(EMAIL);
  });
});

describe('an email code through USER_AUTH', () => {
  it('mails a code for EMAIL_OTP and signs in with it', async () => {
    await cognito.confirmedUser(EMAIL);
    const asked = await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: EMAIL, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    expect(asked.ChallengeName).toBe('EMAIL_OTP');
    const mails = cognito.emulator.mailbox().filter((mail) => mail.to === EMAIL);
    const code = mails.at(-1)?.code ?? '';
    expect(code).toMatch(/^\d{8}$/);
    const answered = await call('RespondToAuthChallenge', {
      ChallengeName: 'EMAIL_OTP',
      Session: asked.Session ?? '',
      ChallengeResponses: { USERNAME: EMAIL, EMAIL_OTP_CODE: code },
    });
    expect(answered.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });
});

describe('keeping the tokens', () => {
  it('refuses a result without a refresh token rather than keep a session that cannot renew', async () => {
    const failure = await rejection(
      () =>
        storeAuthenticationResult(
          { cognito: COGNITO, storage: memoryStorage() },
          { IdToken: 'id', AccessToken: 'access' },
        ),
      AuthError,
    );
    expect(failure.message).toBe('The sign-in ended without a refresh token.');
  });
});

describe('failures', () => {
  it("rejects with Cognito's code and message as an AuthError", async () => {
    await cognito.confirmedUser(EMAIL);
    const failure = await rejection(
      call('SignUp', { Username: EMAIL, Password: PASSWORD }),
      AuthError,
    );
    expect(failure.code).toBe('UsernameExistsException');
    expect(failure.message).toBe('An account with the given email already exists.');
  });

  it('keeps a code it does not know as the server sent it', async () => {
    cognito.server.use(
      http.post(ENDPOINT, () =>
        HttpResponse.json(
          { __type: 'com.amazonaws.cognito#WebAuthnNotEnabledException', message: 'Off.' },
          { status: 400 },
        ),
      ),
    );
    const failure = await rejection(
      call('StartWebAuthnRegistration', { AccessToken: 'token' }),
      AuthError,
    );
    expect([failure.code, failure.serverCode, failure.message]).toEqual([
      'UnknownError',
      'WebAuthnNotEnabledException',
      'Off.',
    ]);
  });

  it('says the network failed when nothing answers', async () => {
    cognito.server.use(http.post(ENDPOINT, () => HttpResponse.error()));
    await rejection(call('ResendConfirmationCode', { Username: EMAIL }), NetworkError);
  });

  it('refuses an answer that is not JSON', async () => {
    cognito.server.use(http.post(ENDPOINT, () => new HttpResponse('<html>', { status: 200 })));
    const failure = await rejection(call('ResendConfirmationCode', { Username: EMAIL }), AuthError);
    expect(failure.message).toContain('ResendConfirmationCode');
  });
});
