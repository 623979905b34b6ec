import type { Operation } from '../context.ts';
import { adminUser, PASSWORD_MEMBER, poolOf, usernameOf } from '../flows/request.ts';
import { optionalBoolean, requiredString } from '../input.ts';

/** AdminSetUserPassword: permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD). */
export const adminSetUserPassword: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const found = adminUser(pool, usernameOf(input));
  const password = requiredString(input, 'Password', PASSWORD_MEMBER);
  const permanent = optionalBoolean(input, 'Permanent') ?? false;
  pool.checkPasswordPolicy(password);
  const { salt, verifier } = await pool.passwordVerifier(found.username, password);
  const user = adminUser(pool, found.username);
  pool.update(user, {
    salt,
    verifier,
    status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
    failedSignIns: 0,
    lockedUntil: 0,
  });
  return {};
};
