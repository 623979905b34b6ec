import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import {
  clientOf,
  codeOf,
  optionalSecretHash,
  PASSWORD_MEMBER,
  usernameOf,
} from '../flows/request.ts';
import { unknownUserForCodes } from '../flows/users.ts';
import { requiredString } from '../input.ts';

/** ConfirmForgotPassword: the reset code plus a new password. */
export const confirmForgotPassword: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const username = usernameOf(input);
  const code = codeOf(input);
  const password = requiredString(input, 'Password', PASSWORD_MEMBER);
  await pool.checkSecretHash(client, username, optionalSecretHash(input));
  const found = pool.lookup(username);
  // With existence errors prevented, unknown and disabled users both get CodeMismatchException
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
  if (client.preventUserExistenceErrors && !found?.enabled) {
    throw new CognitoError(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  }
  if (!found) throw unknownUserForCodes();
  if (!found.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  pool.checkPasswordPolicy(password, 'does not conform to');
  pool.checkCode(found, 'FORGOT_PASSWORD', code);
  const { salt, verifier } = await pool.passwordVerifier(found.username, password);
  // Re-read after the await: the code must still be the one checked, and is consumed once.
  const user = pool.store.userBySub(found.sub);
  if (!user) throw unknownUserForCodes();
  pool.checkCode(user, 'FORGOT_PASSWORD', code);
  pool.update(user, {
    salt,
    verifier,
    status: user.status === 'RESET_REQUIRED' ? 'CONFIRMED' : user.status,
    failedSignIns: 0,
    lockedUntil: 0,
    codes: pool.withoutCode(user, 'FORGOT_PASSWORD'),
  });
  return {};
};
