import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { checkAttributes } from '../flows/attributes.ts';
import { clientOf, optionalSecretHash, PASSWORD_MEMBER, usernameOf } from '../flows/request.ts';
import { startSignUpSession } from '../flows/user-auth.ts';
import { newUserName } from '../flows/users.ts';
import { attributeList, type Json, requiredString } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { sendCode } from '../pool/codes.ts';
import { checkPasswordPolicy, passwordVerifier } from '../pool/passwords.ts';

/** SignUp: a new UNCONFIRMED user, a confirmation code to their email, and a Session for ConfirmSignUp. */
export const signUp: Operation = async (ctx, input) => {
  const { pool, client } = clientOf(ctx, input);
  const username = usernameOf(input);
  const password = requiredString(input, 'Password', PASSWORD_MEMBER);
  const attributes = checkAttributes(attributeList(input, 'UserAttributes', false), 'user');
  await checkSecretHash(pool, client, username, optionalSecretHash(input));

  const taken = newUserName(pool, username, attributes);
  const exists = () =>
    new CognitoError(
      'UsernameExistsException',
      pool.signsInWithEmail
        ? 'An account with the given email already exists.'
        : 'User already exists',
    );
  if (taken()) throw exists();
  checkPasswordPolicy(pool, password);

  const sub = pool.newSub();
  // In email pools Cognito's internal username (and USER_ID_FOR_SRP) is the sub.
  const internalUsername = pool.signsInWithEmail ? sub : username;
  const { salt, verifier } = await passwordVerifier(pool, internalUsername, password);
  // Everything from here on is synchronous: parallel sign-ups of one name cannot both pass.
  if (taken()) throw exists();
  const user = pool.newUser({
    sub,
    username: internalUsername,
    attributes: { ...attributes, email_verified: 'false' },
    status: 'UNCONFIRMED',
    salt,
    verifier,
  });
  pool.store.putUser(user);
  const { delivery } = sendCode(pool, user, 'SIGN_UP');
  const result: Json = {
    UserConfirmed: false,
    UserSub: sub,
    CodeDeliveryDetails: delivery,
    // For ConfirmSignUp, which hands back one that signs the person in (USER_AUTH).
    Session: startSignUpSession(ctx, pool, client, sub),
  };
  return result;
};
