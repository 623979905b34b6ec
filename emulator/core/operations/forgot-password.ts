import { CognitoError } from '../errors.ts';
import { optionalString } from '../input.ts';
import { clientOf, type Operation, unknownUserForCodes, usernameOf } from './shared.ts';

/** ForgotPassword: a reset code to the user's verified email. */
export const forgotPassword: Operation = async (emulator, input) => {
  const { pool, client } = clientOf(emulator, input);
  const username = usernameOf(input);
  await pool.checkSecretHash(client, username, optionalString(input, 'SecretHash', { max: 128 }));
  const user = pool.lookup(username);
  if (!user) {
    if (client.preventUserExistenceErrors) {
      return {
        CodeDeliveryDetails: pool.deliveryDetails(pool.signsInWithEmail ? username : 'x@x'),
      };
    }
    throw unknownUserForCodes();
  }
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
