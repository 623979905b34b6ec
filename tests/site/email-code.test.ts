/**
 * Sign-in by email code (email-code.ts) against the emulator through msw: USER_AUTH asked for
 * EMAIL_OTP, the eight-digit code from the mailbox, tokens the real library then reads; wrong,
 * late and exhausted codes; and an address no code can go to, answered as Cognito answers it.
 */
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/auth-errors.ts';
import { idTokenEmail } from '../../src/cognito-auth.ts';
import { createEmailCodeSignIn } from '../../src/email-code.ts';
import { otherCode } from '../support/emulator.ts';
import { rejection } from '../support/rejection.ts';
import { type MemoryStorage, memoryStorage } from '../support/storage.ts';
import { useEmulatedCognito } from './emulator.ts';
import { TEST_CLIENT_ID, TEST_COGNITO, testAuth } from './helpers.ts';

const EMAIL = 'rider@example.com';
const cognito = useEmulatedCognito();

function signInWith(storage: MemoryStorage = memoryStorage()) {
  return createEmailCodeSignIn({ cognito: TEST_COGNITO, storage });
}

/** The latest sign-in code mailed to `email`. */
function mailedCode(email = EMAIL): string {
  const mail = cognito.emulator.mailbox().filter((each) => each.to === email);
  return mail.at(-1)?.code ?? '';
}

async function signedInAs(storage: MemoryStorage): Promise<string | null> {
  const idToken = await testAuth(storage).getIdToken();
  return idToken === null ? null : idTokenEmail(idToken);
}

describe('sign-in by email code', () => {
  it('mails an eight-digit code, says where, and signs in with it; the library reads the session', async () => {
    await cognito.confirmedUser(EMAIL);
    cognito.requests.length = 0;
    const storage = memoryStorage();
    const challenge = await signInWith(storage).start(EMAIL);
    expect(challenge.destination).toBe('r***@e***');
    expect(cognito.requests[0]?.body).toEqual({
      ClientId: TEST_CLIENT_ID,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: EMAIL, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    expect(mailedCode()).toMatch(/^\d{8}$/);
    await challenge.submit(mailedCode());
    expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    await expect(signedInAs(storage)).resolves.toBe(EMAIL);
  });

  it("refuses a wrong code with Cognito's message, and the right one then still signs in", async () => {
    await cognito.confirmedUser(EMAIL);
    const storage = memoryStorage();
    const challenge = await signInWith(storage).start(EMAIL);
    const failure = await rejection(challenge.submit(otherCode(mailedCode())), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'CodeMismatchException',
      'Invalid code or auth state for the user.',
    ]);
    await expect(signedInAs(storage)).resolves.toBeNull();
    await challenge.submit(mailedCode());
    await expect(signedInAs(storage)).resolves.toBe(EMAIL);
  });

  it('ends the sign-in after three wrong codes: even the right one is then refused', async () => {
    await cognito.confirmedUser(EMAIL);
    const challenge = await signInWith().start(EMAIL);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const wrong = await rejection(challenge.submit(otherCode(mailedCode())), AuthError);
      expect(wrong.code).toBe('CodeMismatchException');
    }
    const ended = await rejection(challenge.submit(mailedCode()), AuthError);
    expect([ended.code, ended.message]).toEqual([
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    ]);
  });

  it('refuses the code once the three minutes are over', async () => {
    await cognito.confirmedUser(EMAIL);
    const challenge = await signInWith().start(EMAIL);
    cognito.clock.advance(3 * 60 * 1000);
    const late = await rejection(challenge.submit(mailedCode()), AuthError);
    expect([late.code, late.message]).toEqual([
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    ]);
  });

  it('makes an earlier code useless once a new one is sent', async () => {
    await cognito.confirmedUser(EMAIL);
    const first = await signInWith().start(EMAIL);
    const firstCode = mailedCode();
    const second = await signInWith().start(EMAIL);
    expect(mailedCode()).not.toBe(firstCode);
    expect((await rejection(first.submit(firstCode), AuthError)).code).toBe(
      'CodeMismatchException',
    );
    await second.submit(mailedCode());
  });

  it('says no code can be sent to an unknown address when existence errors are prevented, sending no mail', async () => {
    const failure = await rejection(signInWith().start('nobody@example.com'), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'EmailCodeUnavailable',
      'No sign-in code can be emailed to this account.',
    ]);
    expect(cognito.emulator.mailbox()).toEqual([]);
  });

  it('says the same for an account whose email is not confirmed yet', async () => {
    await cognito.unconfirmedUser(EMAIL);
    const before = cognito.mails(EMAIL).length;
    const failure = await rejection(signInWith().start(EMAIL), AuthError);
    expect(failure.code).toBe('EmailCodeUnavailable');
    expect(cognito.mails(EMAIL)).toHaveLength(before);
  });

  it('passes on UserNotFoundException where the app client reveals unknown names', async () => {
    await cognito.restart({ preventUserExistenceErrors: false });
    const failure = await rejection(signInWith().start('nobody@example.com'), AuthError);
    expect([failure.code, failure.message]).toEqual([
      'UserNotFoundException',
      'User does not exist.',
    ]);
  });
});
