import { CognitoError } from '../errors.ts';
import { attributeList } from '../input.ts';
import { isEmail } from '../pool.ts';
import { checkAttributes } from './attributes.ts';
import { accessTokenOf, type Operation } from './shared.ts';
import { tokenPool } from './token-pool.ts';

/** UpdateUserAttributes: the signed-in user changes their own attributes. */
export const updateUserAttributes: Operation = async (emulator, input) => {
  const token = accessTokenOf(input);
  const changes = checkAttributes(attributeList(input, 'UserAttributes', true), 'user');
  const pool = tokenPool(emulator, token);
  const user = await pool.authenticate(token);
  const email = changes.email;
  const attributes = { ...user.attributes, ...changes };
  if (email !== undefined && email.toLowerCase() !== user.attributes.email?.toLowerCase()) {
    if (!isEmail(email))
      throw new CognitoError('InvalidParameterException', 'Invalid email address format.');
    const owner = pool.store.userByEmail(email);
    if (owner && owner.sub !== user.sub) {
      throw new CognitoError(
        'AliasExistsException',
        'An account with the given email already exists.',
      );
    }
    // A changed email is unverified until proven; Cognito would send a code to it.
    attributes.email_verified = 'false';
  }
  pool.update(user, { attributes });
  return {};
};
