import { incorrectCredentials } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { accessTokenOf, PASSWORD_MEMBER, tokenPool } from '../flows/request.ts';
import { requiredString } from '../input.ts';
import {
  assertNotLockedOut,
  checkPasswordPolicy,
  passwordMatches,
  passwordVerifier,
  recordFailedSignIn,
} from '../pool/passwords.ts';
import { authenticate } from '../pool/sessions.ts';

/** ChangePassword: the signed-in user proves the old password and sets a new one. */
export const changePassword: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const previous = requiredString(input, 'PreviousPassword', PASSWORD_MEMBER);
  const proposed = requiredString(input, 'ProposedPassword', PASSWORD_MEMBER);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  assertNotLockedOut(pool, user);
  const matches = await passwordMatches(pool, user, previous);
  if (!matches) {
    const current = pool.store.userBySub(user.sub);
    if (current) recordFailedSignIn(pool, current);
    throw incorrectCredentials();
  }
  checkPasswordPolicy(pool, proposed);
  const { salt, verifier } = await passwordVerifier(pool, user.username, proposed);
  const current = pool.store.userBySub(user.sub);
  if (!current) throw incorrectCredentials();
  pool.update(current, { salt, verifier, failedSignIns: 0, lockedUntil: 0 });
  return {};
};
