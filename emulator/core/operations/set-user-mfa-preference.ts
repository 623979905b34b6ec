import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { setMfaPreference } from '../pool/mfa.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * SetUserMFAPreference: the signed-in user turns TOTP on or off. Turning it on before a token
 * is verified is refused as the service words it
 * (https://github.com/aws-amplify/amplify-js/issues/944).
 */
export const setUserMfaPreference: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  setMfaPreference(
    pool,
    pool.store.userBySub(user.sub) ?? user,
    input,
    new CognitoError('InvalidParameterException', 'User has not set up software token mfa'),
  );
  return {};
};
