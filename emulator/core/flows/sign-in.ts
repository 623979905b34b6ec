/** The end of every password sign-in, whichever operation started it: refusals in Cognito's order, then tokens or a challenge. */

import { CognitoError, incorrectCredentials, userNotFound } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { OperationContext, RequestInfo } from '../context.ts';
import type { Json } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { mfaChallengeFor, SOFTWARE_TOKEN_MFA } from '../pool/mfa.ts';
import {
  assertNotLockedOut,
  passwordMatches,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '../pool/passwords.ts';
import type { Pool } from '../pool/pool.ts';
import { startSession } from '../pool/sessions.ts';
import type { UserRecord } from '../store.ts';
import { REQUIRED_ATTRIBUTES } from './attributes.ts';
import { startChallengeSession } from './challenge-sessions.ts';
import { issuer } from './request.ts';
import { notConfirmed } from './users.ts';

/**
 * Cognito's answer once a password has been checked. A wrong password gets the generic refusal
 * whatever state the account is in, so only someone who knows the password learns that it is
 * disabled or must be reset; an unconfirmed user is told so either way (Cognito does).
 * Returns the user as now stored.
 */
export function settleSignIn(pool: Pool, user: UserRecord, passwordValid: boolean): UserRecord {
  // Re-read: another request may have changed the user while the password was being checked.
  const current = pool.store.userBySub(user.sub);
  if (!current) throw incorrectCredentials();
  if (!passwordValid) {
    recordFailedSignIn(pool, current);
    if (current.status === 'UNCONFIRMED') throw notConfirmed();
    throw incorrectCredentials();
  }
  if (!current.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (current.status === 'UNCONFIRMED') throw notConfirmed();
  if (current.status === 'RESET_REQUIRED') {
    // AdminResetUserPassword: "If a user tries to sign in after the API is called, Amazon Cognito
    // responds with a PasswordResetRequiredException error."
    throw new CognitoError(
      'PasswordResetRequiredException',
      'Password reset required for the user',
    );
  }
  // With a code still to come, failures keep counting: a password alone must not reset the
  // count that wrong codes add to, or codes could be guessed five at a time without end.
  if (mfaChallengeFor(pool, current) !== SOFTWARE_TOKEN_MFA) recordSuccessfulSignIn(pool, current);
  return pool.store.userBySub(current.sub) ?? current;
}

/** Signs in with a password sent in the clear (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH). */
export async function passwordSignIn(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const username = requiredParameter(params, 'USERNAME');
  const password = requiredParameter(params, 'PASSWORD');
  await checkSecretHash(pool, client, username, params.SECRET_HASH);
  const user = pool.lookup(username);
  if (!user) {
    if (client.preventUserExistenceErrors) throw incorrectCredentials();
    throw userNotFound();
  }
  assertNotLockedOut(pool, user);
  const matches = await passwordMatches(pool, user, password);
  // A temporary password (FORCE_CHANGE_PASSWORD) gets the NEW_PASSWORD_REQUIRED challenge, as in SRP.
  return signedIn(ctx, pool, client, settleSignIn(pool, user, matches), request);
}

/** Reads a required AuthParameters or ChallengeResponses member, with Cognito's wording. */
export function requiredParameter(params: Record<string, string>, name: string): string {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  if (value === undefined || value === '') {
    throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  }
  return value;
}

/**
 * What a user who proved their password meets next: NEW_PASSWORD_REQUIRED for a temporary
 * password, then the pool's second factor (SOFTWARE_TOKEN_MFA, or MFA_SETUP where MFA is
 * required and the user has none), then tokens.
 */
export async function signedIn(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  request: RequestInfo,
): Promise<Json> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const missing = REQUIRED_ATTRIBUTES.filter((name) => !user.attributes[name]);
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        // The library strips this prefix and hands the app the bare names to ask for.
        requiredAttributes: JSON.stringify(missing.map((name) => `userAttributes.${name}`)),
        userAttributes: JSON.stringify(user.attributes),
      },
      Session: startChallengeSession(ctx, pool, client.id, user.sub, 'NEW_PASSWORD_REQUIRED'),
    };
  }
  const mfa = mfaChallengeFor(pool, user);
  if (mfa !== undefined) {
    return {
      ChallengeName: mfa,
      // MFA_SETUP names the factors the user may set up (Amplify reads MFAS_CAN_SETUP).
      ChallengeParameters:
        mfa === 'MFA_SETUP' ? { MFAS_CAN_SETUP: `["${SOFTWARE_TOKEN_MFA}"]` } : {},
      Session: startChallengeSession(ctx, pool, client.id, user.sub, mfa),
    };
  }
  return tokensFor(pool, client, user, request);
}

/** The end of a sign-in: a new session's tokens (never NewDeviceMetadata: no device tracking). */
export async function tokensFor(
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  request: RequestInfo,
): Promise<Json> {
  return {
    ChallengeParameters: {},
    AuthenticationResult: await startSession(pool, user, client, issuer(request, pool)),
  };
}
