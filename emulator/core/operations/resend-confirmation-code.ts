import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { clientOf } from '../flows/request.ts';
import { userForCode } from '../flows/users.ts';
import { sendCode } from '../pool/codes.ts';

/** ResendConfirmationCode: a new sign-up code, replacing the old one. */
export const resendConfirmationCode: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const found = await userForCode(pool, client, input);
  if ('decoy' in found) return found.decoy;
  if (found.user.status !== 'UNCONFIRMED') {
    throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  }
  const { delivery } = sendCode(pool, found.user, 'SIGN_UP');
  return { CodeDeliveryDetails: delivery };
};
