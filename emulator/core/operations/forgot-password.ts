import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { clientOf, usernameOf } from '../flows/request.ts';
import { simulatedDelivery, userForCode } from '../flows/users.ts';
import { sendCode } from '../pool/codes.ts';

/**
 * ForgotPassword: a reset code to the user's verified email. When the client prevents
 * user-existence errors, a user who is unknown, disabled or has no verified email gets a
 * simulated delivery instead of an error
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
 */
export const forgotPassword: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const found = await userForCode(pool, client, input);
  if ('decoy' in found) return found.decoy;
  const { user } = found;
  const verified = user.attributes.email_verified === 'true' && !!user.attributes.email;
  if (client.preventUserExistenceErrors && (!user.enabled || !verified)) {
    return { CodeDeliveryDetails: await simulatedDelivery(pool, usernameOf(input), user) };
  }
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (!verified) {
    throw new CognitoError(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  const { delivery } = sendCode(pool, user, 'FORGOT_PASSWORD');
  return { CodeDeliveryDetails: delivery };
};
