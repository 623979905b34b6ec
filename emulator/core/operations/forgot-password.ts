import { CognitoError } from '../errors.ts';
import { clientOf, type Operation, userForCode } from './shared.ts';

/** ForgotPassword: a reset code to the user's verified email. */
export const forgotPassword: Operation = async (emulator, input) => {
  const { pool, client } = clientOf(emulator, input);
  const found = await userForCode(pool, client, input);
  if ('decoy' in found) return found.decoy;
  const { user } = found;
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.attributes.email_verified !== 'true' || !user.attributes.email) {
    throw new CognitoError(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  const { delivery } = pool.sendCode(user, 'FORGOT_PASSWORD');
  return { CodeDeliveryDetails: delivery };
};
