import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { setMfaPreference } from '../pool/mfa.ts';

/**
 * AdminSetUserMFAPreference: an administrator turns a user's TOTP on or off. Turning it on for
 * a user without a verified token is refused as the service words it
 * (https://github.com/aws/aws-sdk-js-v3/issues/4645).
 */
export const adminSetUserMfaPreference: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, usernameOf(input));
  setMfaPreference(
    pool,
    user,
    input,
    new CognitoError(
      'InvalidParameterException',
      'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
    ),
  );
  return {};
};
