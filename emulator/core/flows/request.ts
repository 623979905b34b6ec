/**
 * What a request names, as several operations read it: its members (`ClientId`, `UserPoolId`,
 * `Username`, codes, tokens, group names) with Cognito's constraints, and the pool, client, user
 * or group they name, with Cognito's refusal when there is none.
 */

import { fromBase64, fromUtf8 } from '../bytes.ts';
import { CognitoError, userNotFound } from '../cognito-error.ts';
import type { OperationContext, RequestInfo } from '../context.ts';
import { isJsonObject, type Json, optionalString, patterns, requiredString } from '../input.ts';
import type { Pool } from '../pool/pool.ts';
import type { GroupRecord, UserRecord } from '../store.ts';

/** The token issuer of a pool as served by this emulator. */
export function issuer(request: RequestInfo, pool: Pool): string {
  return `${request.baseUrl}/${pool.id}`;
}

/** Reads `ClientId` and finds the app client. */
export function clientOf(ctx: OperationContext, input: Json) {
  return ctx.client(requiredString(input, 'ClientId', { max: 128, pattern: patterns.clientId }));
}

/** Reads `UserPoolId` and `ClientId` of admin sign-in operations: the client must be the pool's. */
export function adminClientOf(ctx: OperationContext, input: Json) {
  const pool = poolOf(ctx, input);
  const found = clientOf(ctx, input);
  if (found.pool !== pool) {
    throw new CognitoError(
      'ResourceNotFoundException',
      `User pool client ${found.client.id} does not exist.`,
    );
  }
  return found;
}

/** Reads `UserPoolId` and finds the pool (admin operations). */
export function poolOf(ctx: OperationContext, input: Json): Pool {
  return ctx.pool(requiredString(input, 'UserPoolId', { max: 55, pattern: patterns.userPoolId }));
}

/**
 * The pool that issued an access token, read from its unverified `iss` (the pool then verifies
 * the signature with its own key). Token operations carry no ClientId or UserPoolId.
 */
export function tokenPool(ctx: OperationContext, token: string): Pool {
  const invalid = () => new CognitoError('NotAuthorizedException', 'Invalid Access Token');
  let claims: unknown;
  try {
    claims = JSON.parse(fromUtf8(fromBase64(token.split('.')[1] ?? '')));
  } catch {
    throw invalid();
  }
  if (!isJsonObject(claims) || typeof claims.iss !== 'string') throw invalid();
  const poolId = claims.iss.slice(claims.iss.lastIndexOf('/') + 1);
  if (!ctx.poolIds().includes(poolId)) throw invalid();
  return ctx.pool(poolId);
}

/** Reads `Username`. */
export function usernameOf(input: Json): string {
  return requiredString(input, 'Username', { max: 128, pattern: patterns.username });
}

/** The user an admin operation names, or UserNotFoundException. */
export function adminUser(pool: Pool, username: string): UserRecord {
  const user = pool.lookup(username);
  if (!user) throw userNotFound();
  return user;
}

const ACCESS_TOKEN_MEMBER = { max: 8192, pattern: /^[A-Za-z0-9\-_=.]+$/ };

/** Reads `AccessToken`. */
export function accessTokenOf(input: Json): string {
  return requiredString(input, 'AccessToken', ACCESS_TOKEN_MEMBER);
}

/**
 * Reads what authorizes AssociateSoftwareToken and VerifySoftwareToken: "an access token or a
 * session string, but not both" (Cognito's API reference for both operations).
 */
export function accessTokenOrSession(
  input: Json,
): { accessToken: string; session?: undefined } | { accessToken?: undefined; session: string } {
  const accessToken = optionalString(input, 'AccessToken', ACCESS_TOKEN_MEMBER);
  const session = optionalString(input, 'Session', { max: 2048 });
  if (accessToken !== undefined && session === undefined) return { accessToken };
  if (session !== undefined && accessToken === undefined) return { session };
  throw new CognitoError(
    'InvalidParameterException',
    'Either AccessToken or Session must be provided, but not both.',
  );
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

/** Reads the optional `SecretHash` of client-side operations. */
export function optionalSecretHash(input: Json): string | undefined {
  return optionalString(input, 'SecretHash', { max: 128 });
}

/** Reads `GroupName` (1–128 letters, marks, symbols, digits or punctuation: no spaces). */
export function groupNameOf(input: Json): string {
  return requiredString(input, 'GroupName', {
    max: 128,
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  });
}

/** The group the request names, or Cognito's ResourceNotFoundException. */
export function existingGroup(pool: Pool, name: string): GroupRecord {
  const group = pool.store.group(name);
  if (!group) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  return group;
}

/** A table's entry for a key from a request: own keys only, so `toString` or `__proto__` find nothing. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
