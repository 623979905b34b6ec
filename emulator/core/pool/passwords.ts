/** Passwords: the pool's policy, the SRP verifier they are kept as, and lockout after failures. */

import { timingSafeEqual, toHex, utf8 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import { computeVerifier, hexToBigInt } from '../srp.ts';
import type { UserRecord } from '../store.ts';
import type { Pool } from './pool.ts';

/**
 * How an operation words a policy failure: most say "did not conform with", while
 * ConfirmForgotPassword and the NEW_PASSWORD_REQUIRED challenge say "does not conform to".
 */
export type PolicyWording = 'did not conform with' | 'does not conform to';

/** Cognito's special characters; a space counts too when it is neither leading nor trailing. */
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]|[^ ] +[^ ]/;

/**
 * Throws InvalidPasswordException with Cognito's first unmet rule, in the operation's wording.
 * Rules as documented in
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html:
 * Basic Latin letters only count as upper- or lowercase, only the listed characters (and a space
 * that is neither leading nor trailing) count as symbols. Length is counted in UTF-16 code units,
 * as the service's Java strings count it (not documented; an emoji counts as two).
 */
export function checkPasswordPolicy(
  pool: Pool,
  password: string,
  wording: PolicyWording = 'did not conform with',
): void {
  const policy = pool.config.passwordPolicy;
  const fail = (rule: string) =>
    new CognitoError('InvalidPasswordException', `Password ${wording} policy: ${rule}`);
  if (password.length < policy.minimumLength) throw fail('Password not long enough');
  if (policy.requireLowercase && !/[a-z]/.test(password)) {
    throw fail('Password must have lowercase characters');
  }
  if (policy.requireUppercase && !/[A-Z]/.test(password)) {
    throw fail('Password must have uppercase characters');
  }
  if (policy.requireNumbers && !/[0-9]/.test(password)) {
    throw fail('Password must have numeric characters');
  }
  if (policy.requireSymbols && !SYMBOL.test(password)) {
    throw fail('Password must have symbol characters');
  }
}

/** A fresh salt and the SRP verifier of the password for this username. */
export async function passwordVerifier(
  pool: Pool,
  username: string,
  password: string,
): Promise<{ salt: string; verifier: string }> {
  const salt = toHex(pool.deps.randomBytes(16));
  const v = await computeVerifier(pool.deps.math, pool.name, username, password, hexToBigInt(salt));
  return { salt, verifier: v.toString(16) };
}

/** Whether the password is the user's, by recomputing the verifier from the stored salt. */
export async function passwordMatches(
  pool: Pool,
  user: UserRecord,
  password: string,
): Promise<boolean> {
  const v = await computeVerifier(
    pool.deps.math,
    pool.name,
    user.username,
    password,
    hexToBigInt(user.salt),
  );
  return timingSafeEqual(utf8(v.toString(16)), utf8(user.verifier));
}

/**
 * Refuses users locked out by failed attempts, before any password is checked. Whether the
 * account is disabled is told only to someone who proved the password (see settleSignIn).
 */
export function assertNotLockedOut(pool: Pool, user: UserRecord): void {
  if (user.lockedUntil > pool.deps.now()) {
    throw new CognitoError('NotAuthorizedException', 'Password attempts exceeded');
  }
}

/** Counts a wrong password; from the Nth on, locks for 1 s doubling up to the maximum. */
export function recordFailedSignIn(pool: Pool, user: UserRecord): void {
  const failures = user.failedSignIns + 1;
  const over = failures - pool.config.lockoutAfterFailures;
  const lockSeconds =
    over >= 0 ? Math.min(2 ** Math.min(over, 30), pool.config.maxLockoutSeconds) : 0;
  pool.update(user, {
    failedSignIns: failures,
    lockedUntil: lockSeconds > 0 ? pool.deps.now() + lockSeconds * 1000 : user.lockedUntil,
  });
}

/** Clears the failure count after a correct password. */
export function recordSuccessfulSignIn(pool: Pool, user: UserRecord): void {
  if (user.failedSignIns !== 0 || user.lockedUntil !== 0) {
    pool.update(user, { failedSignIns: 0, lockedUntil: 0 });
  }
}
