import type { Operation } from '../context.ts';
import { adminUser, PASSWORD_MEMBER, poolOf, usernameOf } from '../flows/request.ts';
import { optionalBoolean, requiredString } from '../input.ts';
import { checkPasswordPolicy, passwordVerifier } from '../pool/passwords.ts';

/** AdminSetUserPassword: permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD). */
export const adminSetUserPassword: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const found = adminUser(pool, usernameOf(input));
  const password = requiredString(input, 'Password', PASSWORD_MEMBER);
  const permanent = optionalBoolean(input, 'Permanent') ?? false;
  checkPasswordPolicy(pool, password);
  const { salt, verifier } = await passwordVerifier(pool, found.username, password);
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
