/** What operations have in common: their signature and the checks several of them make. */

import { CognitoError, userNotFound } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { Emulator, RequestInfo } from '../emulator.ts';
import type { Json } from '../input.ts';
import { optionalString, patterns, requiredString } from '../input.ts';
import type { CodeDeliveryDetails, Pool } from '../pool.ts';
import { isEmail } from '../pool.ts';
import type { UserRecord } from '../store.ts';

/** One Cognito operation: a JSON object in, a JSON object out, CognitoError on refusal. */
export type Operation = (emulator: Emulator, input: Json, request: RequestInfo) => Promise<Json>;

/** The token issuer of a pool as served by this emulator. */
export function issuer(request: RequestInfo, pool: Pool): string {
  return `${request.baseUrl}/${pool.id}`;
}

/** Reads `ClientId` and finds the app client. */
export function clientOf(emulator: Emulator, input: Json) {
  return emulator.client(
    requiredString(input, 'ClientId', { max: 128, pattern: patterns.clientId }),
  );
}

/** Reads `UserPoolId` and `ClientId` of admin sign-in operations: the client must be the pool's. */
export function adminClientOf(emulator: Emulator, input: Json) {
  const pool = poolOf(emulator, input);
  const found = clientOf(emulator, input);
  if (found.pool !== pool) {
    throw new CognitoError(
      'ResourceNotFoundException',
      `User pool client ${found.client.id} does not exist.`,
    );
  }
  return found;
}

/** Reads `UserPoolId` and finds the pool (admin operations). */
export function poolOf(emulator: Emulator, input: Json): Pool {
  return emulator.pool(
    requiredString(input, 'UserPoolId', { max: 55, pattern: patterns.userPoolId }),
  );
}

/** Reads `Username`. */
export function usernameOf(input: Json): string {
  return requiredString(input, 'Username', { max: 128, pattern: patterns.username });
}

/** Reads `AccessToken`. */
export function accessTokenOf(input: Json): string {
  return requiredString(input, 'AccessToken', { max: 8192, pattern: /^[A-Za-z0-9\-_=.]+$/ });
}

/**
 * The rules of Cognito's PasswordType member (SignUp's `Password` and its kin): at most 256
 * characters, and no whitespace at either end, which the API refuses before any policy check.
 */
export const PASSWORD_MEMBER = { max: 256, pattern: /^[\S]+.*[\S]+$/ };

/** Reads a confirmation code. */
export function codeOf(input: Json): string {
  return requiredString(input, 'ConfirmationCode', { max: 2048, pattern: patterns.code });
}

/** The user an admin operation names, or UserNotFoundException. */
export function adminUser(pool: Pool, username: string): UserRecord {
  const user = pool.lookup(username);
  if (!user) throw userNotFound();
  return user;
}

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
  await pool.checkSecretHash(client, username, optionalSecretHash(input));
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
  if (email) return pool.deliveryDetails(email);
  const { destination } = await pool.decoy(username);
  return { Destination: destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

/** Reads the optional `SecretHash` of client-side operations. */
export function optionalSecretHash(input: Json): string | undefined {
  return optionalString(input, 'SecretHash', { max: 128 });
}

/** A table's entry for a key from a request: own keys only, so `toString` or `__proto__` find nothing. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
