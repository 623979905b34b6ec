/**
 * The auth client's two-step sign-in, through the real amazon-cognito-identity-js against the
 * emulator: turning it on with the app's first code, signing in with a code, wrong, reused and
 * drifted codes, the challenge's session running out, turning it off, and a pool that requires
 * MFA, where the first sign-in sets the app up.
 */
import { describe, expect, it } from 'vitest';
import { AuthError, idTokenEmail, type SignInStep } from '../../src/cognito-auth.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { memoryStorage } from '../support/storage.ts';
import { authenticatorCode, STEP, wrongCode } from '../support/totp.ts';
import { testAuth } from './helpers.ts';
import { mfaPoolConfig, useMfaCognito } from './mfa.ts';

const EMAIL = 'rider@example.com';
const cognito = useMfaCognito();

/** A browser of its own where the confirmed user signs in with the password alone. */
async function signedIn() {
  const storage = memoryStorage();
  const auth = testAuth(storage);
  await expect(auth.signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
  return { auth, storage };
}

/** A confirmed user who has turned two-step sign-in on; returns the app's secret. */
async function userWithTwoStep(): Promise<string> {
  await cognito.confirmedUser(EMAIL);
  const { auth } = await signedIn();
  const secret = await auth.startTwoStep();
  await auth.confirmTwoStep(authenticatorCode(secret, cognito.clock.now()));
  // The code that turned it on is spent; sign-ins in these tests start a step later.
  cognito.clock.advance(STEP);
  cognito.requests.length = 0;
  return secret;
}

/** The step a sign-in with the password stops at, checked to want a code. */
async function codeStep(auth = testAuth()) {
  const step = await auth.signIn(EMAIL, PASSWORD);
  if (step.kind !== 'code-required') throw new Error(`expected a code step, got ${step.kind}`);
  return step;
}

async function emailSignedIn(auth: ReturnType<typeof testAuth>): Promise<string | null> {
  const idToken = await auth.getIdToken();
  return idToken === null ? null : idTokenEmail(idToken);
}

describe('turning two-step sign-in on and off', () => {
  it('is off for a new account, and a base32 secret comes back to show in the app', async () => {
    await cognito.confirmedUser(EMAIL);
    const { auth } = await signedIn();
    await expect(auth.twoStepEnabled()).resolves.toBe(false);
    const secret = await auth.startTwoStep();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // Only a secret proven with a code counts: asking for one turns nothing on.
    await expect(auth.twoStepEnabled()).resolves.toBe(false);
  });

  it('turns on with the app’s first code, after which a sign-in asks for a code', async () => {
    await cognito.confirmedUser(EMAIL);
    const { auth } = await signedIn();
    const secret = await auth.startTwoStep();
    cognito.requests.length = 0;
    await auth.confirmTwoStep(authenticatorCode(secret, cognito.clock.now()));
    expect(cognito.requests.map((request) => request.operation)).toEqual([
      'VerifySoftwareToken',
      'SetUserMFAPreference',
    ]);
    expect(cognito.requests[1]?.body).toMatchObject({
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    await expect(auth.twoStepEnabled()).resolves.toBe(true);
    await expect(testAuth().signIn(EMAIL, PASSWORD)).resolves.toMatchObject({
      kind: 'code-required',
    });
  });

  it('refuses a wrong first code as a code mismatch, and stays off', async () => {
    await cognito.confirmedUser(EMAIL);
    const { auth } = await signedIn();
    const secret = await auth.startTwoStep();
    const failure = await rejection(
      auth.confirmTwoStep(wrongCode(secret, cognito.clock.now())),
      AuthError,
    );
    // VerifySoftwareToken's own code for this, kept beside the one the pages act on.
    expect(failure).toMatchObject({
      code: 'CodeMismatchException',
      serverCode: 'EnableSoftwareTokenMFAException',
      message: 'Code mismatch and fail enable Software Token MFA',
    });
    await expect(auth.twoStepEnabled()).resolves.toBe(false);
    await auth.confirmTwoStep(authenticatorCode(secret, cognito.clock.now()));
    await expect(auth.twoStepEnabled()).resolves.toBe(true);
  });

  it('turns off, after which the password alone signs in again', async () => {
    const secret = await userWithTwoStep();
    const auth = testAuth(memoryStorage());
    await (await codeStep(auth)).submit(authenticatorCode(secret, cognito.clock.now()));
    await auth.turnOffTwoStep();
    expect(cognito.requests.at(-1)?.body).toMatchObject({
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    });
    await expect(auth.twoStepEnabled()).resolves.toBe(false);
    await expect(testAuth().signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
  });

  it('says nobody is signed in when asked on a device without a session', async () => {
    const failure = await rejection(testAuth().twoStepEnabled(), AuthError);
    expect(failure.code).toBe('NotAuthorizedException');
  });
});

describe('signing in with a code', () => {
  it('stops after the password with no session stored, and the app’s code signs in', async () => {
    const secret = await userWithTwoStep();
    const auth = testAuth(memoryStorage());
    const step = await codeStep(auth);
    expect(cognito.requests.map((request) => request.operation)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
    ]);
    await expect(auth.getIdToken()).resolves.toBeNull();
    await step.submit(authenticatorCode(secret, cognito.clock.now()));
    expect(cognito.requests.at(-1)?.body).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ChallengeResponses: {
        SOFTWARE_TOKEN_MFA_CODE: authenticatorCode(secret, cognito.clock.now()),
      },
    });
    await expect(emailSignedIn(auth)).resolves.toBe(EMAIL);
  });

  it('refuses a wrong code with Cognito’s code mismatch, and the same step takes the right one', async () => {
    const secret = await userWithTwoStep();
    const auth = testAuth(memoryStorage());
    const step = await codeStep(auth);
    const failure = await rejection(step.submit(wrongCode(secret, cognito.clock.now())), AuthError);
    expect(failure).toMatchObject({
      code: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
    });
    await expect(auth.getIdToken()).resolves.toBeNull();
    await step.submit(authenticatorCode(secret, cognito.clock.now()));
    await expect(emailSignedIn(auth)).resolves.toBe(EMAIL);
  });

  it('accepts a code once: the same code again is refused until the app shows the next', async () => {
    const secret = await userWithTwoStep();
    const code = authenticatorCode(secret, cognito.clock.now());
    await (await codeStep()).submit(code);
    const again = await codeStep();
    const failure = await rejection(again.submit(code), AuthError);
    expect(failure.code).toBe('CodeMismatchException');
    cognito.clock.advance(STEP);
    await again.submit(authenticatorCode(secret, cognito.clock.now()));
  });

  it('accepts the code of the step before (a slow clock), not the one two steps back', async () => {
    const secret = await userWithTwoStep();
    cognito.clock.advance(STEP);
    const step = await codeStep();
    const twoBack = authenticatorCode(secret, cognito.clock.now() - 2 * STEP);
    expect((await rejection(step.submit(twoBack), AuthError)).code).toBe('CodeMismatchException');
    await step.submit(authenticatorCode(secret, cognito.clock.now() - STEP));
  });

  it('says the session has run out when the code comes after the sign-in’s three minutes', async () => {
    const secret = await userWithTwoStep();
    const step = await codeStep();
    cognito.clock.advance(3 * 60_000 + 1000);
    const failure = await rejection(
      step.submit(authenticatorCode(secret, cognito.clock.now())),
      AuthError,
    );
    expect(failure).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });
});

describe('a pool that requires two-step sign-in', () => {
  it('sets the app up at the first sign-in, signs in with its first code, and asks for a code after', async () => {
    await cognito.restart({ config: mfaPoolConfig('ON') });
    await cognito.confirmedUser(EMAIL);
    const auth = testAuth(memoryStorage());
    const step: SignInStep = await auth.signIn(EMAIL, PASSWORD);
    if (step.kind !== 'setup-required') throw new Error(`expected a setup, got ${step.kind}`);
    expect(step.secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(auth.getIdToken()).resolves.toBeNull();
    const failure = await rejection(
      step.submit(wrongCode(step.secret, cognito.clock.now())),
      AuthError,
    );
    expect(failure).toMatchObject({
      code: 'CodeMismatchException',
      serverCode: 'EnableSoftwareTokenMFAException',
    });
    await step.submit(authenticatorCode(step.secret, cognito.clock.now()));
    await expect(emailSignedIn(auth)).resolves.toBe(EMAIL);
    await expect(auth.twoStepEnabled()).resolves.toBe(true);
    cognito.clock.advance(STEP);
    const next = await codeStep();
    await next.submit(authenticatorCode(step.secret, cognito.clock.now()));
  });

  it('still asks for the code after turning it off, where the pool requires one', async () => {
    await cognito.restart({ config: mfaPoolConfig('ON') });
    await cognito.confirmedUser(EMAIL);
    const auth = testAuth(memoryStorage());
    const step = await auth.signIn(EMAIL, PASSWORD);
    if (step.kind !== 'setup-required') throw new Error(`expected a setup, got ${step.kind}`);
    await step.submit(authenticatorCode(step.secret, cognito.clock.now()));
    await auth.turnOffTwoStep();
    await expect(testAuth().signIn(EMAIL, PASSWORD)).resolves.toMatchObject({
      kind: 'code-required',
    });
  });
});
