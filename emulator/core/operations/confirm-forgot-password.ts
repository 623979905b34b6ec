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
import { checkSecretHash } from '../pool/client-secret.ts';
import { checkCode, withoutCode } from '../pool/codes.ts';
import { checkPasswordPolicy, passwordVerifier } from '../pool/passwords.ts';

/** ConfirmForgotPassword: the reset code plus a new password. */
export const confirmForgotPassword: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const username = usernameOf(input);
  const code = codeOf(input);
  const password = requiredString(input, 'Password', PASSWORD_MEMBER);
  await checkSecretHash(pool, client, username, optionalSecretHash(input));
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
  checkPasswordPolicy(pool, password, 'does not conform to');
  checkCode(pool, found, 'FORGOT_PASSWORD', code);
  const { salt, verifier } = await passwordVerifier(pool, found.username, password);
  // Re-read after the await: the code must still be the one checked, and is consumed once.
  const user = pool.store.userBySub(found.sub);
  if (!user) throw unknownUserForCodes();
  checkCode(pool, user, 'FORGOT_PASSWORD', code);
  pool.update(user, {
    salt,
    verifier,
    status: user.status === 'RESET_REQUIRED' ? 'CONFIRMED' : user.status,
    failedSignIns: 0,
    lockedUntil: 0,
    codes: withoutCode(user, 'FORGOT_PASSWORD'),
  });
  return {};
};
