/**
 * Users as the client-side flows meet them: a new user's name, the user a code request names
 * (or a decoy when existence errors are prevented), and Cognito's refusals that hold for several
 * operations.
 */

import { CognitoError } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { Json } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { type CodeDeliveryDetails, deliveryDetails } from '../pool/codes.ts';
import { decoyFor } from '../pool/decoys.ts';
import { isEmail } from '../pool/email.ts';
import type { Pool } from '../pool/pool.ts';
import type { UserRecord } from '../store.ts';
import { optionalSecretHash, usernameOf } from './request.ts';

/** Cognito's answer for an unknown user in client-side code flows (ConfirmSignUp, ForgotPassword…). */
export function unknownUserForCodes(): CognitoError {
  return new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
}

/** Cognito refuses unconfirmed users whether or not the password was right. */
export function notConfirmed(): CognitoError {
  return new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
}

/**
 * Checks a new user's name the way the pool's sign-in identifier wants it (an email in email
 * pools, where it also becomes the `email` attribute) and returns a lookup of whoever already
 * holds that name or email. Callers look again after any await: that is what keeps two parallel
 * creations from both succeeding.
 */
export function newUserName(
  pool: Pool,
  username: string,
  attributes: Record<string, string>,
): () => UserRecord | undefined {
  if (pool.signsInWithEmail) {
    if (!isEmail(username)) {
      throw new CognitoError('InvalidParameterException', 'Username should be an email.');
    }
    attributes.email ??= username;
  }
  if (attributes.email !== undefined && !isEmail(attributes.email)) {
    throw new CognitoError('InvalidParameterException', 'Invalid email address format.');
  }
  return () =>
    pool.signsInWithEmail
      ? (pool.lookup(username) ?? pool.store.userByEmail(attributes.email ?? username))
      : pool.store.userByUsername(username);
}

/**
 * The user a code request (resend, forgot password) names. An unknown user is an error, unless
 * the client prevents user-existence errors: then the answer looks like a delivery, and nothing
 * is sent.
 */
export async function userForCode(
  pool: Pool,
  client: ClientConfig,
  input: Json,
): Promise<{ user: UserRecord } | { decoy: Json }> {
  const username = usernameOf(input);
  await checkSecretHash(pool, client, username, optionalSecretHash(input));
  const user = pool.lookup(username);
  if (user) return { user };
  if (!client.preventUserExistenceErrors) throw unknownUserForCodes();
  return { decoy: { CodeDeliveryDetails: await simulatedDelivery(pool, username) } };
}

/**
 * Where a code "went" when none is sent (an unknown, disabled or unreachable user): the masked
 * address a real delivery would show, or the same stand-in every time for the same name.
 */
export async function simulatedDelivery(
  pool: Pool,
  username: string,
  user?: UserRecord,
): Promise<CodeDeliveryDetails> {
  const email = user?.attributes.email;
  if (email) return deliveryDetails(email);
  const { destination } = await decoyFor(pool, username);
  return { Destination: destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}
