/**
 * What the answers to a sign-in's challenges (RespondToAuthChallenge and its admin twin, and
 * USER_AUTH with ConfirmSignUp's Session) share: the head that finds who answers, and the tokens
 * at the end.
 */

import { CognitoError, incorrectCredentials } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type {
  ChallengeSession,
  OperationContext,
  RequestInfo,
  SessionChallenge,
} from '../context.ts';
import type { Json } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { assertNotLockedOut, recordSuccessfulSignIn } from '../pool/passwords.ts';
import type { Pool } from '../pool/pool.ts';
import type { UserRecord } from '../store.ts';
import { takeChallengeSession } from './challenge-sessions.ts';
import { requiredParameter, tokensFor } from './sign-in.ts';

/** What an answer checks besides its session and its user. */
export interface AnswerChecks {
  /** The answers' SECRET_HASH, for a client with a secret. */
  readonly secretHash: boolean;
  /** That failed sign-ins have not locked the user out. */
  readonly lockout: boolean;
}

/** The session an answer used up, and the user it belongs to. */
export interface ChallengedUser {
  readonly state: ChallengeSession;
  readonly user: UserRecord;
}

/**
 * The head every answer shares: USERNAME, this challenge's session taken for the pool and client
 * (used up), SECRET_HASH where `checks` asks, and the user the session belongs to, who must be
 * the one USERNAME names (else the generic refusal, which gives nothing away) and, where
 * `checks` asks, not locked out.
 */
export async function challengedUser(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  challenge: SessionChallenge,
  session: string | undefined,
  responses: Record<string, string>,
  checks: AnswerChecks,
): Promise<ChallengedUser> {
  const username = requiredParameter(responses, 'USERNAME');
  const state = takeChallengeSession(ctx, session, challenge, {
    poolId: pool.id,
    clientId: client.id,
  });
  if (checks.secretHash) await checkSecretHash(pool, client, username, responses.SECRET_HASH);
  const user = pool.store.userBySub(state.sub);
  if (!user || pool.lookup(username)?.sub !== user.sub) throw incorrectCredentials();
  if (checks.lockout) assertNotLockedOut(pool, user);
  return { state, user };
}

/** Tokens at the end of an answered challenge, unless the account was disabled meanwhile. */
export async function finishChallenge(
  pool: Pool,
  client: ClientConfig,
  sub: string,
  request: RequestInfo,
): Promise<Json> {
  const user = pool.store.userBySub(sub);
  if (!user) throw incorrectCredentials();
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  recordSuccessfulSignIn(pool, user);
  return tokensFor(pool, client, pool.store.userBySub(sub) ?? user, request);
}
