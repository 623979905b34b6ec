/**
 * Requests that race: operations await hashing and modular exponentiation in the middle, so two
 * requests for the same user interleave. Exactly one of them may win wherever Cognito allows one.
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { useEmulator } from '../support/emulator.ts';
import { signIn, userPool } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';
import { countOutcomes } from '../support/wire.ts';

const h = useEmulator();

/** The same address in n spellings: every letter's case flipped by the bits of the index. */
function caseVariants(email: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    [...email]
      .map((char, position) =>
        (i >> (position % 10)) & 1 ? char.toUpperCase() : char.toLowerCase(),
      )
      .join(''),
  );
}

async function usersWithEmail(email: string): Promise<number> {
  const answer = await h.api.call('ListUsers', {
    UserPoolId: DEFAULT_POOL_ID,
    Filter: `email = "${email}"`,
  });
  expect(answer.status).toBe(200);
  return (answer.body as { Users: unknown[] }).Users.length;
}

describe('parallel sign-ups of one email', () => {
  it('lets exactly one of 50 identical SignUps through; the rest get UsernameExistsException', async () => {
    const email = 'rider@example.com';
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => h.api.signUp(email, PASSWORD)),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, UsernameExistsException: 49 });
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.body).toEqual({
        __type: 'UsernameExistsException',
        message: 'An account with the given email already exists.',
      });
    }
    expect(await usersWithEmail(email)).toBe(1);
    expect(h.emulator.mailbox().filter((m) => m.to === email)).toHaveLength(1);
  });

  it('treats 50 spellings of one email in different cases as one person', async () => {
    const variants = caseVariants('Rider.Two@Example.com', 50);
    expect(new Set(variants).size).toBe(50);
    const answers = await Promise.all(variants.map((email) => h.api.signUp(email, PASSWORD)));
    expect(countOutcomes(answers)).toEqual({ '200': 1, UsernameExistsException: 49 });
    expect(await usersWithEmail('rider.two@example.com')).toBe(1);
    expect(h.emulator.dump()[DEFAULT_POOL_ID]?.users).toHaveLength(1);
  });

  it('lets 50 parallel SignUps of different emails all through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.api.signUp(`rider.${i}@example.com`, PASSWORD)),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 50 });
    expect(h.emulator.dump()[DEFAULT_POOL_ID]?.users).toHaveLength(50);
  });

  it('lets exactly one of parallel SignUps and AdminCreateUsers of one email through', async () => {
    const email = 'mixed@example.com';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? h.api.signUp(email, PASSWORD)
          : h.api.call('AdminCreateUser', {
              UserPoolId: DEFAULT_POOL_ID,
              Username: email,
              MessageAction: 'SUPPRESS',
            }),
      ),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, UsernameExistsException: 39 });
    expect(await usersWithEmail(email)).toBe(1);
  });
});

describe('parallel claims on one email', () => {
  it('gives a new email to only one of two users who verify it at the same moment', async () => {
    const tokens: string[] = [];
    for (const email of ['first@example.com', 'second@example.com']) {
      tokens.push((await h.api.signedInUser(email, PASSWORD)).accessToken);
    }
    // Both may ask for it (one after the other, so the codes arrive in order): the new address
    // only becomes theirs once verified.
    for (const token of tokens) {
      const asked = await h.api.call('UpdateUserAttributes', {
        AccessToken: token,
        UserAttributes: [{ Name: 'email', Value: 'shared@example.com' }],
      });
      expect(asked.status).toBe(200);
    }
    const codes = h.mails('shared@example.com', 'verify-attribute').map((m) => m.code);
    expect(codes).toHaveLength(2);
    const answers = await Promise.all(
      tokens.map((token, i) =>
        h.api.call('VerifyUserAttribute', {
          AccessToken: token,
          AttributeName: 'email',
          Code: codes[i],
        }),
      ),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, AliasExistsException: 1 });
    expect(answers.find((a) => a.status !== 200)?.body).toEqual({
      __type: 'AliasExistsException',
      message: 'An account with the given email already exists.',
    });
    expect(await usersWithEmail('shared@example.com')).toBe(1);
  });
});

describe('parallel use of one code', () => {
  it('resets the password once when ConfirmForgotPassword races with one code', async () => {
    const email = 'forgetful@example.com';
    await h.confirmedUser(email);
    await h.api.call('ForgotPassword', { ClientId: DEFAULT_CLIENT_ID, Username: email });
    const code = h.code(email, 'forgot-password');

    const passwords = Array.from({ length: 20 }, (_, i) => `New-Passw0rd-${i}!`);
    const answers = await Promise.all(
      passwords.map((password) =>
        h.api.call('ConfirmForgotPassword', {
          ClientId: DEFAULT_CLIENT_ID,
          Username: email,
          ConfirmationCode: code,
          Password: password,
        }),
      ),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, ExpiredCodeException: 19 });
    expect(answers.find((a) => a.status !== 200)?.body).toEqual({
      __type: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });

    // The password that works is the winner's, and only that one.
    const winner = passwords[answers.findIndex((a) => a.status === 200)] ?? '';
    const loser = passwords.find((p) => p !== winner) ?? '';
    expect((await h.api.passwordSignIn(email, winner)).status).toBe(200);
    expect((await h.api.passwordSignIn(email, loser)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('confirms a sign-up once when ConfirmSignUp races with one code', async () => {
    const email = 'eager@example.com';
    await h.api.signUp(email, PASSWORD);
    const code = h.code(email);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.api.confirmSignUp(email, code)),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 1, NotAuthorizedException: 19 });
    expect(answers.find((a) => a.status !== 200)?.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });
});

describe('parallel sign-ins', () => {
  it('counts every one of five parallel wrong passwords, so the account locks', async () => {
    // The fixture's clock stands still, so the first lockout (1 s) cannot run out before the
    // last sign-in.
    const email = 'guesser@example.com';
    await h.api.confirmedUser(email, PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => h.api.passwordSignIn(email, `Wrong-Passw0rd-${i}!`)),
    );
    expect(countOutcomes(answers)).toEqual({ NotAuthorizedException: 5 });
    expect(answers[0]?.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });

    expect((await h.api.passwordSignIn(email, PASSWORD)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Password attempts exceeded',
    });
  });

  it('signs one user in with SRP four times in parallel, every handshake kept apart', async () => {
    const email = 'popular@example.com';
    await h.api.confirmedUser(email, PASSWORD);
    // The library's client-side SRP (3072-bit BigInteger maths) costs ~0.5 s a sign-in.
    const sessions = await Promise.all(
      Array.from({ length: 4 }, () => signIn(userPool(), email, PASSWORD)),
    );
    const origins = sessions.map(
      ({ session }) => session.getAccessToken().decodePayload().origin_jti,
    );
    expect(new Set(origins).size).toBe(4);
  });

  it('refreshes one refresh token 20 times in parallel without refusing any', async () => {
    const { refreshToken } = await h.api.signedInUser('refresher@example.com', PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.api.refresh(refreshToken)),
    );
    expect(countOutcomes(answers)).toEqual({ '200': 20 });
  });
});
