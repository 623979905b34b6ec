/**
 * The `Session` of a challenge that follows a proven password (NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA, MFA_SETUP): opaque, held in memory, each usable once, and valid for the
 * app client's authentication session duration, 3 minutes by default
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html;
 * AuthSessionValidity, 3 to 15 minutes), the same window an SRP handshake has here.
 */

import { CognitoError } from '../cognito-error.ts';
import type { ChallengeSession, OperationContext, SessionChallenge } from '../context.ts';
import { opaqueToken } from '../ids.ts';
import { type Json, optionalString } from '../input.ts';
import type { Pool } from '../pool/pool.ts';

/** Starts a challenge for the user of the pool through the client; returns its Session. */
export function startChallengeSession(
  ctx: OperationContext,
  pool: Pool,
  clientId: string,
  sub: string,
  challenge: SessionChallenge,
): string {
  return continueChallengeSession(ctx, pool, {
    poolId: pool.id,
    clientId,
    sub,
    challenge,
    expiresAt: 0,
  });
}

/**
 * Hands out a new Session for the next step of the same sign-in (AssociateSoftwareToken and
 * VerifySoftwareToken answer with one), with the clock restarted as Cognito's session is.
 */
export function continueChallengeSession(
  ctx: OperationContext,
  pool: Pool,
  state: ChallengeSession,
): string {
  const session = opaqueToken(ctx.randomBytes, 48);
  ctx.rememberChallengeSession(session, {
    ...state,
    expiresAt: ctx.now() + pool.config.srpHandshakeValidity * 1000,
  });
  return session;
}

/**
 * Takes the state of a live session for this challenge out (it is used up), or refuses with
 * Cognito's wording. `clientId` is checked where the request names one; AssociateSoftwareToken
 * and VerifySoftwareToken carry only the Session.
 */
export function takeChallengeSession(
  ctx: OperationContext,
  session: string | undefined,
  challenge: SessionChallenge,
  expected: { poolId?: string; clientId?: string },
): ChallengeSession {
  const state = session === undefined ? undefined : ctx.takeChallengeSession(session);
  if (
    !state ||
    state.challenge !== challenge ||
    state.expiresAt <= ctx.now() ||
    (expected.poolId !== undefined && state.poolId !== expected.poolId) ||
    (expected.clientId !== undefined && state.clientId !== expected.clientId)
  ) {
    throw new CognitoError(
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  }
  return state;
}

/** Reads a request's optional `Session`. */
export function sessionOf(input: Json): string | undefined {
  return optionalString(input, 'Session', { max: 2048 });
}
