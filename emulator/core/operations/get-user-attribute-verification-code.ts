import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { verifiableAttribute } from '../flows/attributes.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { patterns, requiredString } from '../input.ts';
import { sendCode } from '../pool/codes.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * GetUserAttributeVerificationCode: (another) code for the email, sent to the new address when a
 * change is waiting for verification, else to the current one.
 */
export const getUserAttributeVerificationCode: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const name = requiredString(input, 'AttributeName', { max: 32, pattern: patterns.username });
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  verifiableAttribute(name);
  const pending = user.codes.VERIFY_EMAIL?.value;
  if (pending === undefined && !user.attributes.email) {
    throw new CognitoError('InvalidParameterException', 'User has no email to verify.');
  }
  const { delivery } = sendCode(pool, user, 'VERIFY_EMAIL', pending);
  return { CodeDeliveryDetails: delivery };
};
