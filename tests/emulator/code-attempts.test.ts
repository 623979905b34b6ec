/**
 * Codes cannot be guessed: wrong codes count against the same hourly budget as code requests,
 * as Cognito allows "between 5 and 20 attempts for a user to request or enter a password reset
 * code" in an hour (https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html).
 * The clock is frozen and moved by hand.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import { cognitoApi, stringAt, tokensOf, type WireAnswer } from '../support/wire.ts';
import { latestCode, PASSWORD, registeredUser, signUp, useEmulator } from './harness.ts';

let clock = Date.parse('2025-03-04T09:00:00Z');
const h = useEmulator({ now: () => clock });
const api = () => cognitoApi(fetch, 'https://cognito-idp.local.amazonaws.com/');

const EMAIL = 'rider@example.com';
const HOUR = 3600 * 1000;
const LIMIT = {
  __type: 'LimitExceededException',
  message: 'Attempt limit exceeded, please try after some time.',
};

beforeEach(() => {
  clock = Date.parse('2025-03-04T09:00:00Z');
});

function otherCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

function outcome(answer: WireAnswer): string {
  return answer.status === 200 ? '200' : stringAt(answer.body, '__type');
}

function count(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

function confirmSignUp(code: string) {
  return api().call('ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: EMAIL,
    ConfirmationCode: code,
  });
}

function confirmForgotPassword(code: string) {
  return api().call('ConfirmForgotPassword', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: EMAIL,
    ConfirmationCode: code,
    Password: 'New-Passw0rd!',
  });
}

describe('wrong confirmation codes', () => {
  it('stops after the hourly budget, refusing even the right code until the hour has passed', async () => {
    await signUp(h.pool, EMAIL);
    const code = latestCode(h.emulator, EMAIL);
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(outcome(await confirmSignUp(otherCode(code))));
    // The sign-up mail used one attempt of five.
    expect(count(outcomes)).toEqual({ CodeMismatchException: 4, LimitExceededException: 26 });
    expect((await confirmSignUp(code)).body).toEqual(LIMIT);

    clock += HOUR + 1000;
    expect((await confirmSignUp(code)).status).toBe(200);
  });

  it('keeps counting across a restart, since the count lives on the user record', async () => {
    await signUp(h.pool, EMAIL);
    const code = latestCode(h.emulator, EMAIL);
    for (let i = 0; i < 4; i++) await confirmSignUp(otherCode(code));
    await h.restart({ data: h.emulator.dump() });
    expect((await confirmSignUp(code)).body).toEqual(LIMIT);
  });

  it('shares the budget with code requests: after wrong codes, a resend is refused too', async () => {
    await signUp(h.pool, EMAIL);
    const code = latestCode(h.emulator, EMAIL);
    for (let i = 0; i < 4; i++) await confirmSignUp(otherCode(code));
    const resend = await api().call('ResendConfirmationCode', {
      ClientId: DEFAULT_CLIENT_ID,
      Username: EMAIL,
    });
    expect(resend.body).toEqual(LIMIT);
  });
});

describe('wrong password reset codes', () => {
  it('cannot be tried thousands of times: the budget runs out after a handful', async () => {
    await registeredUser(h, EMAIL);
    clock += HOUR + 1000;
    await api().call('ForgotPassword', { ClientId: DEFAULT_CLIENT_ID, Username: EMAIL });
    const code = latestCode(h.emulator, EMAIL, 'forgot-password');
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      outcomes.push(outcome(await confirmForgotPassword(otherCode(code))));
    }
    expect(count(outcomes)).toEqual({ CodeMismatchException: 4, LimitExceededException: 46 });
    expect((await confirmForgotPassword(code)).body).toEqual(LIMIT);
    // The old password still works: nothing was reset.
    expect((await api().passwordSignIn(EMAIL, PASSWORD)).status).toBe(200);
  });
});

describe('wrong attribute verification codes', () => {
  it('are limited like the others', async () => {
    await registeredUser(h, EMAIL);
    clock += HOUR + 1000;
    const { accessToken } = tokensOf(await api().passwordSignIn(EMAIL, PASSWORD));
    await api().call('UpdateUserAttributes', {
      AccessToken: accessToken,
      UserAttributes: [{ Name: 'email', Value: 'moved@example.org' }],
    });
    const code = latestCode(h.emulator, 'moved@example.org', 'verify-attribute');
    const verify = (c: string) =>
      api().call('VerifyUserAttribute', {
        AccessToken: accessToken,
        AttributeName: 'email',
        Code: c,
      });
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push(outcome(await verify(otherCode(code))));
    expect(count(outcomes)).toEqual({ CodeMismatchException: 4, LimitExceededException: 2 });
    expect((await verify(code)).body).toEqual(LIMIT);
    // The new address never took over.
    expect((await api().passwordSignIn('moved@example.org', PASSWORD)).status).toBe(400);
  });
});
