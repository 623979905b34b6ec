/**
 * The real amazon-cognito-identity-js against the emulator through msw: the journeys the Wild
 * Rydes site takes, and the refusals it must show.
 */

import type { CognitoUser, CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { otherCode, useEmulator } from '../support/emulator.ts';
import {
  attributesOf,
  confirm,
  confirmPassword,
  failure,
  forgotPassword,
  resend,
  signIn,
  signUp,
} from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';

const h = useEmulator();
const ISSUER = `${h.endpoint}/${DEFAULT_POOL_ID}`;

function refresh(
  cognitoUser: CognitoUser,
  session: CognitoUserSession,
): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) =>
    cognitoUser.refreshSession(
      session.getRefreshToken(),
      (err: unknown, next: CognitoUserSession) => (err ? reject(err) : resolve(next)),
    ),
  );
}

function globalSignOut(cognitoUser: CognitoUser): Promise<void> {
  return new Promise((resolve, reject) =>
    cognitoUser.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }),
  );
}

/**
 * Runs a promise whose library code retries with setTimeout (token refresh retries for ~6 s),
 * advancing fake timers while real I/O (msw, Web Crypto) completes.
 */
async function withFakeRetries<T>(start: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  let settled = false;
  const promise = start().finally(() => {
    settled = true;
  });
  promise.catch(() => {});
  for (let i = 0; i < 200 && !settled; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(250);
  }
  return promise;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the whole journey', () => {
  it('signs up, confirms with the mailed code, signs in with SRP, reads the user, refreshes and signs out everywhere', async () => {
    const email = 'rider@example.com';
    const result = await signUp(h.pool, email);
    expect(result.userConfirmed).toBe(false);
    expect(result.codeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'r***@e***',
    });

    const mail = h.emulator.mailbox().at(-1);
    expect(mail).toMatchObject({ to: email, purpose: 'sign-up' });
    expect(mail?.code).toMatch(/^\d{6}$/);
    await confirm(h.pool, email, mail?.code ?? '');

    const { session, cognitoUser } = await signIn(h.pool, email);
    expect(session.isValid()).toBe(true);
    const idClaims = session.getIdToken().decodePayload();
    expect(idClaims).toMatchObject({
      email,
      email_verified: true,
      iss: ISSUER,
      token_use: 'id',
      sub: result.userSub,
      'cognito:username': result.userSub,
    });

    const attributes = await attributesOf(cognitoUser);
    expect(attributes).toMatchObject({ email, email_verified: 'true', sub: result.userSub });

    const refreshed = await refresh(cognitoUser, session);
    expect(refreshed.getIdToken().getJwtToken()).not.toBe(session.getIdToken().getJwtToken());
    expect(refreshed.getIdToken().decodePayload().origin_jti).toBe(idClaims.origin_jti);

    await globalSignOut(cognitoUser);
    const refused = await withFakeRetries(() => failure(refresh(cognitoUser, session)));
    expect(refused.code).toBe('NotAuthorizedException');
    expect(refused.message).toBe('Refresh Token has been revoked');
  });

  it('signs in with the email typed in another case', async () => {
    await h.confirmedUser('Mixed.Case@Example.com');
    const { session } = await signIn(h.pool, 'mixed.case@example.COM');
    expect(session.getIdToken().decodePayload().email).toBe('Mixed.Case@Example.com');
  });

  it('never fails a correct password, whatever the SRP values (padding edge cases)', async () => {
    await h.confirmedUser('many@example.com');
    const count = 24;
    for (let i = 0; i < count; i++) {
      const { session } = await signIn(h.pool, 'many@example.com');
      expect(session.isValid()).toBe(true);
    }
  }, 120_000);
});

describe('sign-up refusals', () => {
  it('refuses a weak password with the first rule it breaks', async () => {
    const error = await failure(signUp(h.pool, 'weak@example.com', 'short'));
    expect(error.code).toBe('InvalidPasswordException');
    expect(error.message).toBe('Password did not conform with policy: Password not long enough');

    const noSymbol = await failure(signUp(h.pool, 'weak@example.com', 'Longenough1'));
    expect(noSymbol.message).toBe(
      'Password did not conform with policy: Password must have symbol characters',
    );
    expect(h.emulator.mailbox()).toEqual([]);
  });

  it('refuses a second account for the same email, in any case', async () => {
    await signUp(h.pool, 'taken@example.com');
    const error = await failure(signUp(h.pool, 'TAKEN@example.com'));
    expect(error.code).toBe('UsernameExistsException');
    expect(error.message).toBe('An account with the given email already exists.');
  });

  it('refuses a username that is not an email in an email pool', async () => {
    const error = await failure(signUp(h.pool, 'not-an-email'));
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toBe('Username should be an email.');
  });
});

describe('confirmation codes', () => {
  it('refuses a wrong code and accepts the right one afterwards', async () => {
    await signUp(h.pool, 'code@example.com');
    const right = h.code('code@example.com');
    const error = await failure(confirm(h.pool, 'code@example.com', otherCode(right)));
    expect(error.code).toBe('CodeMismatchException');
    expect(error.message).toBe('Invalid verification code provided, please try again.');
    await confirm(h.pool, 'code@example.com', right);
  });

  it('refuses a code after its 24 hours, and a resent code works', async () => {
    await signUp(h.pool, 'late@example.com');
    const first = h.code('late@example.com');
    h.clock.advance(24 * 3600 * 1000 + 1000);

    const error = await failure(confirm(h.pool, 'late@example.com', first));
    expect(error.code).toBe('ExpiredCodeException');
    expect(error.message).toBe('Invalid code provided, please request a code again.');

    await resend(h.pool, 'late@example.com');
    await confirm(h.pool, 'late@example.com', h.code('late@example.com'));
  });

  it('refuses to confirm a user twice', async () => {
    await signUp(h.pool, 'twice@example.com');
    const code = h.code('twice@example.com');
    await confirm(h.pool, 'twice@example.com', code);
    const error = await failure(confirm(h.pool, 'twice@example.com', code));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('User cannot be confirmed. Current status is CONFIRMED');
  });

  it('limits how many codes one user can ask for', async () => {
    await signUp(h.pool, 'spam@example.com');
    for (let i = 0; i < 4; i++) await resend(h.pool, 'spam@example.com');
    const error = await failure(resend(h.pool, 'spam@example.com'));
    expect(error.code).toBe('LimitExceededException');
    expect(error.message).toBe('Attempt limit exceeded, please try after some time.');
  });
});

describe('sign-in refusals', () => {
  it('refuses a wrong password', async () => {
    await h.confirmedUser('wrong@example.com');
    const error = await failure(signIn(h.pool, 'wrong@example.com', 'Not-the-password-1'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('tells an unconfirmed user to confirm, even with a wrong password', async () => {
    await signUp(h.pool, 'pending@example.com');
    for (const password of [PASSWORD, 'Not-the-password-1']) {
      const error = await failure(signIn(h.pool, 'pending@example.com', password));
      expect(error.code).toBe('UserNotConfirmedException');
      expect(error.message).toBe('User is not confirmed.');
    }
  });

  it('answers an unknown user like a wrong password (user-existence errors prevented)', async () => {
    const error = await failure(signIn(h.pool, 'nobody@example.com'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('locks the account after five wrong passwords, with a lockout that doubles', async () => {
    await h.confirmedUser('locked@example.com');
    for (let i = 0; i < 5; i++) {
      const error = await failure(signIn(h.pool, 'locked@example.com', 'Not-the-password-1'));
      expect(error.message).toBe('Incorrect username or password.');
    }
    const locked = await failure(signIn(h.pool, 'locked@example.com'));
    expect(locked.code).toBe('NotAuthorizedException');
    expect(locked.message).toBe('Password attempts exceeded');

    h.clock.advance(1000);
    const sixth = await failure(signIn(h.pool, 'locked@example.com', 'Not-the-password-1'));
    expect(sixth.message).toBe('Incorrect username or password.');
    h.clock.advance(1000);
    expect((await failure(signIn(h.pool, 'locked@example.com'))).message).toBe(
      'Password attempts exceeded',
    );
    h.clock.advance(1000);
    const { session } = await signIn(h.pool, 'locked@example.com');
    expect(session.isValid()).toBe(true);
  });

  it('refuses a signed challenge answered twice (handshakes are single-use)', async () => {
    await h.confirmedUser('replay@example.com');
    const answers: Request[] = [];
    h.server.events.on('request:start', ({ request }) => {
      if (request.headers.get('x-amz-target')?.endsWith('RespondToAuthChallenge')) {
        answers.push(request.clone());
      }
    });
    await signIn(h.pool, 'replay@example.com');
    expect(answers).toHaveLength(1);

    const replay = await fetch(answers[0] as Request);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('refuses a challenge answered after the handshake expired', async () => {
    await h.confirmedUser('dawdle@example.com');
    h.server.events.on('response:mocked', ({ request }) => {
      if (request.headers.get('x-amz-target')?.endsWith('InitiateAuth'))
        h.clock.advance(181 * 1000);
    });
    const error = await failure(signIn(h.pool, 'dawdle@example.com'));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });
});

describe('forgotten passwords', () => {
  it('resets a password with the mailed code and signs in with the new one', async () => {
    await h.confirmedUser('forgot@example.com');
    await forgotPassword(h.pool, 'forgot@example.com');
    const code = h.code('forgot@example.com', 'forgot-password');
    await confirmPassword(h.pool, 'forgot@example.com', code, 'Brand-new-pass-2');

    const old = await failure(signIn(h.pool, 'forgot@example.com'));
    expect(old.message).toBe('Incorrect username or password.');
    const { session } = await signIn(h.pool, 'forgot@example.com', 'Brand-new-pass-2');
    expect(session.isValid()).toBe(true);

    const reused = await failure(
      confirmPassword(h.pool, 'forgot@example.com', code, 'Another-pass-3'),
    );
    expect(reused.code).toBe('ExpiredCodeException');
  });

  it('keeps the code usable when the new password is too weak', async () => {
    await h.confirmedUser('weakreset@example.com');
    await forgotPassword(h.pool, 'weakreset@example.com');
    const code = h.code('weakreset@example.com', 'forgot-password');
    const weak = await failure(confirmPassword(h.pool, 'weakreset@example.com', code, 'weak'));
    expect(weak.code).toBe('InvalidPasswordException');
    await confirmPassword(h.pool, 'weakreset@example.com', code, 'Strong-enough-4');
  });

  it('refuses a reset code after its hour', async () => {
    await h.confirmedUser('slow@example.com');
    await forgotPassword(h.pool, 'slow@example.com');
    h.clock.advance(3600 * 1000 + 1);
    const error = await failure(
      confirmPassword(
        h.pool,
        'slow@example.com',
        h.code('slow@example.com', 'forgot-password'),
        'Strong-enough-4',
      ),
    );
    expect(error.code).toBe('ExpiredCodeException');
  });
});

it('serves tokens whose issuer is the pool under the endpoint the client used', async () => {
  await h.confirmedUser('iss@example.com');
  const { session } = await signIn(h.pool, 'iss@example.com');
  expect(session.getAccessToken().decodePayload().iss).toBe(
    `https://cognito-idp.local.amazonaws.com/${DEFAULT_POOL_ID}`,
  );
});
