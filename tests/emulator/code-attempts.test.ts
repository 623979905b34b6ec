/**
 * Codes cannot be guessed: wrong codes count against the same hourly budget as code requests,
 * as Cognito allows "between 5 and 20 attempts for a user to request or enter a password reset
 * code" in an hour (https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html).
 * The clock is frozen and moved by hand.
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import { otherCode, useEmulator } from '../support/emulator.ts';
import { signUp } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';
import { countOutcomes, tokensOf, type WireAnswer } from '../support/wire.ts';

const h = useEmulator({ startAt: Date.parse('2025-03-04T09:00:00Z') });

const EMAIL = 'rider@example.com';
const HOUR = 3600 * 1000;
const LIMIT = {
  __type: 'LimitExceededException',
  message: 'Attempt limit exceeded, please try after some time.',
};

function confirmSignUp(code: string) {
  return h.api.confirmSignUp(EMAIL, code);
}

function confirmForgotPassword(code: string) {
  return h.api.call('ConfirmForgotPassword', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: EMAIL,
    ConfirmationCode: code,
    Password: 'New-Passw0rd!',
  });
}

/** How `attempt` answers `times` wrong codes in a row (none is `code`), counted by outcome. */
async function wrongCodes(
  times: number,
  code: string,
  attempt: (code: string) => Promise<WireAnswer>,
): Promise<Record<string, number>> {
  const answers: WireAnswer[] = [];
  for (let i = 0; i < times; i++) answers.push(await attempt(otherCode(code)));
  return countOutcomes(answers);
}

describe('wrong confirmation codes', () => {
  it('stops after the hourly budget, refusing even the right code until the hour has passed', async () => {
    await signUp(h.pool, EMAIL);
    const code = h.code(EMAIL);
    // The sign-up mail used one attempt of five.
    expect(await wrongCodes(30, code, confirmSignUp)).toEqual({
      CodeMismatchException: 4,
      LimitExceededException: 26,
    });
    expect((await confirmSignUp(code)).body).toEqual(LIMIT);

    h.clock.advance(HOUR + 1000);
    expect((await confirmSignUp(code)).status).toBe(200);
  });

  it('keeps counting across a restart, since the count lives on the user record', async () => {
    await signUp(h.pool, EMAIL);
    const code = h.code(EMAIL);
    await wrongCodes(4, code, confirmSignUp);
    await h.restart({ data: h.emulator.dump() });
    expect((await confirmSignUp(code)).body).toEqual(LIMIT);
  });

  it('shares the budget with code requests: after wrong codes, a resend is refused too', async () => {
    await signUp(h.pool, EMAIL);
    const code = h.code(EMAIL);
    await wrongCodes(4, code, confirmSignUp);
    const resend = await h.api.call('ResendConfirmationCode', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: EMAIL,
    });
    expect(resend.body).toEqual(LIMIT);
  });
});

describe('wrong password reset codes', () => {
  it('cannot be tried thousands of times: the budget runs out after a handful', async () => {
    await h.confirmedUser(EMAIL);
    h.clock.advance(HOUR + 1000);
    await h.api.call('ForgotPassword', { ClientId: DEFAULT_CLIENT_ID, Username: EMAIL });
    const code = h.code(EMAIL, 'forgot-password');
    expect(await wrongCodes(50, code, confirmForgotPassword)).toEqual({
      CodeMismatchException: 4,
      LimitExceededException: 46,
    });
    expect((await confirmForgotPassword(code)).body).toEqual(LIMIT);
    // The old password still works: nothing was reset.
    expect((await h.api.passwordSignIn(EMAIL, PASSWORD)).status).toBe(200);
  });
});

describe('wrong attribute verification codes', () => {
  it('are limited like the others', async () => {
    await h.confirmedUser(EMAIL);
    h.clock.advance(HOUR + 1000);
    const { accessToken } = tokensOf(await h.api.passwordSignIn(EMAIL, PASSWORD));
    await h.api.call('UpdateUserAttributes', {
      AccessToken: accessToken,
      UserAttributes: [{ Name: 'email', Value: 'moved@example.org' }],
    });
    const code = h.code('moved@example.org', 'verify-attribute');
    const verify = (c: string) =>
      h.api.call('VerifyUserAttribute', {
        AccessToken: accessToken,
        AttributeName: 'email',
        Code: c,
      });
    expect(await wrongCodes(6, code, verify)).toEqual({
      CodeMismatchException: 4,
      LimitExceededException: 2,
    });
    expect((await verify(code)).body).toEqual(LIMIT);
    // The new address never took over.
    expect((await h.api.passwordSignIn('moved@example.org', PASSWORD)).status).toBe(400);
  });
});
