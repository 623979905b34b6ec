import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { sessionOf } from '../flows/challenge-sessions.ts';
import { clientOf, codeOf, optionalSecretHash, usernameOf } from '../flows/request.ts';
import { confirmedSignUpSession } from '../flows/user-auth.ts';
import { unknownUserForCodes } from '../flows/users.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { checkCode, withoutCode } from '../pool/codes.ts';

/**
 * ConfirmSignUp: the emailed code turns UNCONFIRMED into CONFIRMED and verifies the email; with
 * SignUp's Session it returns one that signs the person in through USER_AUTH.
 */
export const confirmSignUp: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const username = usernameOf(input);
  const code = codeOf(input);
  await checkSecretHash(pool, client, username, optionalSecretHash(input));
  const user = pool.lookup(username);
  if (!user) {
    if (client.preventUserExistenceErrors) {
      throw new CognitoError(
        'CodeMismatchException',
        'Invalid verification code provided, please try again.',
      );
    }
    throw unknownUserForCodes();
  }
  if (user.status !== 'UNCONFIRMED') {
    throw new CognitoError(
      'NotAuthorizedException',
      `User cannot be confirmed. Current status is ${user.status}`,
    );
  }
  checkCode(pool, user, 'SIGN_UP', code);
  pool.update(user, {
    status: 'CONFIRMED',
    attributes: { ...user.attributes, email_verified: 'true' },
    codes: withoutCode(user, 'SIGN_UP'),
  });
  const session = confirmedSignUpSession(ctx, pool, client, user.sub, sessionOf(input));
  return session === undefined ? {} : { Session: session };
};
