import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { withoutCode } from '../pool/codes.ts';

/** AdminConfirmSignUp: an administrator confirms a user without a code (the console's button). */
export const adminConfirmSignUp: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, usernameOf(input));
  if (user.status !== 'UNCONFIRMED') {
    throw new CognitoError(
      'NotAuthorizedException',
      `User cannot be confirmed. Current status is ${user.status}`,
    );
  }
  pool.update(user, { status: 'CONFIRMED', codes: withoutCode(user, 'SIGN_UP') });
  return {};
};
