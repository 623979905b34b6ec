/**
 * Sign-up, confirmation and the sign-in right after it through the typed client (sign-up.ts),
 * against the emulator through msw: the Session SignUp and ConfirmSignUp hand on signs the new
 * rider in once, within Cognito's three-minute authentication session, and the tokens land where
 * the real library reads its session. Also the tab's keeping of SignUp's Session.
 */
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuthError, NetworkError } from '../../src/auth-errors.ts';
import { idTokenEmail } from '../../src/cognito-auth.ts';
import { ConfigError } from '../../src/config.ts';
import {
  forgetSignUpSession,
  keepSignUpSession,
  SIGN_UP_SESSION_MS,
  signUpSessionFor,
  unconfiguredSignUp,
} from '../../src/sign-up.ts';
import { otherCode } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { memoryStorage } from '../support/storage.ts';
import { useEmulatedCognito } from './emulator.ts';
import { answer, TEST_CLIENT_ID, testAuth, testSignUp } from './helpers.ts';

const EMAIL = 'rider@example.com';
const HOUR = 3600 * 1000;

const cognito = useEmulatedCognito();

/** Registers and confirms `EMAIL` in this "tab", returning ConfirmSignUp's Session. */
async function confirmedWithSession(): Promise<string> {
  const signUp = testSignUp();
  const { session } = await signUp.register(EMAIL, PASSWORD);
  const next = await signUp.verify(EMAIL, cognito.code(EMAIL), session);
  if (next === null) throw new Error('ConfirmSignUp returned no Session');
  return next;
}

describe('register', () => {
  it('signs up with the email as username and as the email attribute, and a code is mailed', async () => {
    const result = await testSignUp().register(EMAIL, PASSWORD);
    expect(result).toEqual({
      confirmed: false,
      destination: 'r***@e***',
      session: expect.any(String),
    });
    expect(cognito.requests[0]?.body).toMatchObject({
      ClientId: TEST_CLIENT_ID,
      Username: EMAIL,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
    });
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'UNCONFIRMED' }]);
    expect(cognito.code(EMAIL)).toMatch(/^\d{6}$/);
  });

  it('fails with the Cognito code and message when the email is taken', async () => {
    await cognito.confirmedUser(EMAIL);
    const failure = await rejection(testSignUp().register(EMAIL, 'Other-Pass-7'), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'UsernameExistsException',
      'An account with the given email already exists.',
    ]);
  });

  it('fails with the policy rule Cognito names when the password is weak', async () => {
    const failure = await rejection(testSignUp().register(EMAIL, 'giddy-up-42'), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    ]);
  });

  it('fails with a NetworkError when the service cannot be reached', async () => {
    cognito.server.use(answer('SignUp', () => HttpResponse.error()));
    const failure = await rejection(testSignUp().register(EMAIL, PASSWORD), NetworkError);
    expect(failure.code).toBe('NetworkError');
    await expect(cognito.users()).resolves.toEqual([]);
  });

  it('reads the code from the x-amzn-ErrorType header when a proxy answers with HTML', async () => {
    cognito.server.use(
      answer(
        'SignUp',
        () =>
          new HttpResponse('<html>busy</html>', {
            status: 400,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException:' },
          }),
      ),
    );
    const failure = await rejection(testSignUp().register(EMAIL, PASSWORD), AuthError);
    expect(failure.code).toBe('TooManyRequestsException');
  });
});

describe('verify and resendCode', () => {
  it('confirms the sign-up with the mailed code', async () => {
    await cognito.unconfirmedUser(EMAIL);
    await expect(testSignUp().verify(EMAIL, cognito.code(EMAIL))).resolves.toBeNull();
    expect(cognito.requests.at(-1)?.body).toEqual({
      ClientId: TEST_CLIENT_ID,
      Username: EMAIL,
      ConfirmationCode: cognito.code(EMAIL),
    });
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it('reports a wrong code as CodeMismatchException', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const failure = await rejection(
      testSignUp().verify(EMAIL, otherCode(cognito.code(EMAIL))),
      AuthError,
    );
    expect([failure.code, failure.message]).toEqual([
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    ]);
  });

  it('reports an expired code with its own code', async () => {
    await cognito.unconfirmedUser(EMAIL);
    cognito.clock.advance(24 * HOUR + 1000);
    const failure = await rejection(testSignUp().verify(EMAIL, cognito.code(EMAIL)), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    ]);
  });

  it('tells where the new code went, and the new code confirms', async () => {
    await cognito.unconfirmedUser(EMAIL);
    await expect(testSignUp().resendCode(EMAIL)).resolves.toEqual({ destination: 'r***@e***' });
    expect(cognito.mails(EMAIL)).toHaveLength(2);
    await testSignUp().verify(EMAIL, cognito.code(EMAIL));
    await expect(cognito.users()).resolves.toEqual([{ email: EMAIL, status: 'CONFIRMED' }]);
  });

  it('keeps the Session usable after a wrong code, so the right one still signs in', async () => {
    const signUp = testSignUp();
    const { session } = await signUp.register(EMAIL, PASSWORD);
    await rejection(signUp.verify(EMAIL, otherCode(cognito.code(EMAIL)), session), AuthError);
    await expect(signUp.verify(EMAIL, cognito.code(EMAIL), session)).resolves.toEqual(
      expect.any(String),
    );
  });
});

describe('sign-in after sign-up', () => {
  it('signs the new rider in with the Session, and the library reads the stored session', async () => {
    const session = await confirmedWithSession();
    const storage = memoryStorage();
    await testSignUp(storage).signInAfterSignUp(EMAIL, session);
    expect(cognito.requests.at(-1)?.body).toEqual({
      ClientId: TEST_CLIENT_ID,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: EMAIL },
      Session: session,
    });
    const idToken = await testAuth(storage).getIdToken();
    expect(idToken === null ? null : idTokenEmail(idToken)).toBe(EMAIL);
  });

  it('signs in once only: the same Session again is refused', async () => {
    const session = await confirmedWithSession();
    await testSignUp().signInAfterSignUp(EMAIL, session);
    const storage = memoryStorage();
    const failure = await rejection(
      testSignUp(storage).signInAfterSignUp(EMAIL, session),
      AuthError,
    );
    expect([failure.code, failure.message]).toEqual([
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    ]);
    expect(storage.data.size).toBe(0);
  });

  it("refuses the Session after Cognito's three-minute authentication session", async () => {
    const session = await confirmedWithSession();
    cognito.clock.advance(3 * 60 * 1000);
    const failure = await rejection(testSignUp().signInAfterSignUp(EMAIL, session), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    ]);
  });

  it('gives no Session to sign in with when the confirmation had none', async () => {
    await testSignUp().register(EMAIL, PASSWORD);
    await expect(testSignUp().verify(EMAIL, cognito.code(EMAIL), null)).resolves.toBeNull();
  });
});

describe('an unconfigured site', () => {
  it('makes every sign-up action fail with the configuration error, sending nothing', async () => {
    const reason = new ConfigError(
      'NotConfigured',
      'VITE_COGNITO_USER_POOL_ID',
      'No Cognito user pool is configured.',
    );
    const signUp = unconfiguredSignUp(reason);
    expect(await rejection(signUp.register(EMAIL, PASSWORD))).toBe(reason);
    expect(await rejection(signUp.verify(EMAIL, '123456'))).toBe(reason);
    expect(await rejection(signUp.resendCode(EMAIL))).toBe(reason);
    expect(await rejection(signUp.signInAfterSignUp(EMAIL, 'session'))).toBe(reason);
    expect(cognito.requests).toEqual([]);
  });
});

describe("the tab's kept SignUp Session", () => {
  const T0 = Date.UTC(2026, 11, 2, 6, 0);

  it('is found by the same address in any case, and not by another', () => {
    const storage = memoryStorage();
    keepSignUpSession({ storage, now: () => T0 }, 'Rider@Example.com', 'the-session');
    expect(signUpSessionFor({ storage, now: () => T0 }, EMAIL)).toBe('the-session');
    expect(signUpSessionFor({ storage, now: () => T0 }, 'other@example.com')).toBeNull();
  });

  it('lasts three minutes, and is dropped once stale', () => {
    const storage = memoryStorage();
    keepSignUpSession({ storage, now: () => T0 }, EMAIL, 'the-session');
    const at = (ms: number) => ({ storage, now: () => T0 + ms });
    expect(signUpSessionFor(at(SIGN_UP_SESSION_MS - 1), EMAIL)).toBe('the-session');
    expect(signUpSessionFor(at(SIGN_UP_SESSION_MS), EMAIL)).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('is gone once forgotten, and a damaged entry counts as none', () => {
    const storage = memoryStorage();
    keepSignUpSession({ storage, now: () => T0 }, EMAIL, 'the-session');
    forgetSignUpSession({ storage }, EMAIL);
    expect(signUpSessionFor({ storage, now: () => T0 }, EMAIL)).toBeNull();
    storage.setItem(`WildRydes.signUpSession.${EMAIL}`, '{not json');
    expect(signUpSessionFor({ storage, now: () => T0 }, EMAIL)).toBeNull();
  });

  it('is simply not kept where storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    keepSignUpSession({ storage: blocked, now: () => T0 }, EMAIL, 'the-session');
    expect(signUpSessionFor({ storage: blocked, now: () => T0 }, EMAIL)).toBeNull();
  });
});
