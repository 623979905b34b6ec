import { CognitoError } from '../errors.ts';
import { optionalString } from '../input.ts';
import { clientOf, type Operation, unknownUserForCodes, usernameOf } from './shared.ts';

/** ResendConfirmationCode: a new sign-up code, replacing the old one. */
export const resendConfirmationCode: Operation = async (emulator, input) => {
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
  if (user.status !== 'UNCONFIRMED') {
    throw new CognitoError('InvalidParameterException', 'User is already confirmed.');
  }
  const { delivery } = pool.sendCode(user, 'SIGN_UP');
  return { CodeDeliveryDetails: delivery };
};
