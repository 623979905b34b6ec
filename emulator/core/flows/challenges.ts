/**
 * The challenges a sign-in answers (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA,
 * MFA_SETUP, and choice-based sign-in's SELECT_CHALLENGE, EMAIL_OTP and WEB_AUTHN), for
 * RespondToAuthChallenge and its admin twin.
 */

import { fromBase64, timingSafeEqual } from '../bytes.ts';
import { CognitoError, incorrectCredentials } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { OperationContext, RequestInfo } from '../context.ts';
import { type Json, requiredString, stringMap } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { acceptSignInCode } from '../pool/mfa.ts';
import {
  assertNotLockedOut,
  checkPasswordPolicy,
  passwordVerifier,
  recordFailedSignIn,
} from '../pool/passwords.ts';
import type { Pool } from '../pool/pool.ts';
import {
  authenticationKey,
  claimSignature,
  hexToBigInt,
  isSrpTimestamp,
  N,
  scramblingU,
  serverSecretS,
} from '../srp.ts';
import type { UserRecord } from '../store.ts';
import { assertEmailFree, checkAttributes, REQUIRED_ATTRIBUTES } from './attributes.ts';
import { challengedUser, finishChallenge } from './challenge-answers.ts';
import { sessionOf } from './challenge-sessions.ts';
import { answerWebAuthn } from './passkeys.ts';
import { requiredParameter, settleSignIn, signedIn } from './sign-in.ts';
import { answerEmailOtp, answerSelectChallenge } from './user-auth.ts';
import { notConfirmed } from './users.ts';

/** Answers a challenge for an app client of the pool (RespondToAuthChallenge and its admin twin). */
export function answerChallenge(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  input: Json,
  request: RequestInfo,
): Promise<Json> {
  const challenge = requiredString(input, 'ChallengeName', { max: 64 });
  const responses = stringMap(input, 'ChallengeResponses', false);
  if (challenge === 'PASSWORD_VERIFIER') {
    return passwordVerifierChallenge(ctx, pool, client, responses, request);
  }
  const session = sessionOf(input);
  if (challenge === 'NEW_PASSWORD_REQUIRED') {
    return newPasswordRequired(ctx, pool, client, responses, session, request);
  }
  if (challenge === 'SOFTWARE_TOKEN_MFA') {
    return softwareTokenMfa(ctx, pool, client, responses, session, request);
  }
  if (challenge === 'MFA_SETUP') return mfaSetup(ctx, pool, client, responses, session, request);
  if (challenge === 'SELECT_CHALLENGE') {
    return answerSelectChallenge(ctx, pool, client, responses, session, request);
  }
  if (challenge === 'EMAIL_OTP') {
    return answerEmailOtp(ctx, pool, client, responses, session, request);
  }
  if (challenge === 'WEB_AUTHN') {
    return answerWebAuthn(ctx, pool, client, responses, session, request);
  }
  throw new CognitoError(
    'InvalidParameterException',
    `Challenge ${challenge} is not supported by this user pool.`,
  );
}

async function passwordVerifierChallenge(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const secretBlock = requiredParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = requiredParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = requiredParameter(responses, 'TIMESTAMP');
  const username = requiredParameter(responses, 'USERNAME');
  if (!isSrpTimestamp(timestamp)) {
    throw new CognitoError(
      'InvalidParameterException',
      'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    );
  }
  const handshake = ctx.takeHandshake(secretBlock);
  if (!handshake || handshake.clientId !== client.id || handshake.poolId !== pool.id) {
    throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
  }
  if (handshake.expiresAt <= ctx.now()) {
    throw new CognitoError(
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  }
  if (handshake.sub === undefined) throw incorrectCredentials();
  const user = pool.store.userBySub(handshake.sub);
  if (!user || user.username.toLowerCase() !== username.toLowerCase()) throw incorrectCredentials();
  await checkSecretHash(pool, client, user.username, responses.SECRET_HASH);
  assertNotLockedOut(pool, user);
  if (user.status === 'UNCONFIRMED') throw notConfirmed();

  const v = hexToBigInt(user.verifier);
  const u = await scramblingU(ctx.math, handshake.A, handshake.B);
  let valid = false;
  if (u !== 0n) {
    const S = serverSecretS(ctx.math, handshake.A % N, v, u, handshake.b);
    const key = await authenticationKey(ctx.math, S, u);
    const expected = await claimSignature(
      ctx.math,
      key,
      pool.name,
      user.username,
      secretBlock,
      timestamp,
    );
    valid = safeBase64Equal(expected, signature);
  }
  return signedIn(ctx, pool, client, settleSignIn(pool, user, valid), request);
}

function safeBase64Equal(expected: string, given: string): boolean {
  try {
    return timingSafeEqual(fromBase64(expected), fromBase64(given));
  } catch {
    return false;
  }
}

/**
 * NEW_PASSWORD_REQUIRED: a user with a temporary password sets their own, naming themselves in
 * USERNAME, and may fill in attributes as `userAttributes.<name>` (required ones must be there).
 * A refused password or attribute leaves the session usable, so the person can try again.
 */
async function newPasswordRequired(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const password = requiredParameter(responses, 'NEW_PASSWORD');
  const { state, user: found } = await challengedUser(
    ctx,
    pool,
    client,
    'NEW_PASSWORD_REQUIRED',
    session,
    responses,
    { secretHash: false, lockout: false },
  );
  let changes: Record<string, string>;
  try {
    changes = challengeAttributes(pool, found, responses);
    checkPasswordPolicy(pool, password, 'does not conform to');
  } catch (error) {
    // The person can fix these and answer again within the same session.
    if (session !== undefined) ctx.rememberChallengeSession(session, state);
    throw error;
  }
  const { salt, verifier } = await passwordVerifier(pool, found.username, password);
  const user = pool.store.userBySub(state.sub);
  if (!user) throw incorrectCredentials();
  if (changes.email !== undefined) assertEmailFree(pool, user, changes.email);
  const updated = pool.update(user, {
    salt,
    verifier,
    status: 'CONFIRMED',
    attributes: { ...user.attributes, ...changes },
  });
  return signedIn(ctx, pool, client, updated, request);
}

/**
 * SOFTWARE_TOKEN_MFA: the code from the user's authenticator app. A wrong or reused code is
 * CodeMismatchException and counts as a failed sign-in toward the lockout that wrong passwords
 * start; until then the same session may be answered again, as Cognito's may (the person
 * mistyped). A locked-out user's session ends: they start over with their password.
 */
async function softwareTokenMfa(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const code = requiredParameter(responses, 'SOFTWARE_TOKEN_MFA_CODE');
  const { state, user } = await challengedUser(
    ctx,
    pool,
    client,
    'SOFTWARE_TOKEN_MFA',
    session,
    responses,
    { secretHash: false, lockout: true },
  );
  if (!(await acceptSignInCode(pool, user, code))) {
    const current = pool.store.userBySub(user.sub);
    if (current) recordFailedSignIn(pool, current);
    if (session !== undefined) ctx.rememberChallengeSession(session, state);
    throw new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');
  }
  return finishChallenge(pool, client, user.sub, request);
}

/**
 * MFA_SETUP, answered once VerifySoftwareToken has accepted a code from the new secret under
 * this sign-in's session (the library sends only USERNAME here).
 */
async function mfaSetup(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const { state, user } = await challengedUser(ctx, pool, client, 'MFA_SETUP', session, responses, {
    secretHash: false,
    lockout: false,
  });
  if (!state.verified) {
    // Still usable for AssociateSoftwareToken and VerifySoftwareToken.
    if (session !== undefined) ctx.rememberChallengeSession(session, state);
    throw new CognitoError(
      'InvalidParameterException',
      'Software token MFA has not been verified for this session.',
    );
  }
  return finishChallenge(pool, client, user.sub, request);
}

/**
 * The `userAttributes.<name>` answers: writable attributes only (email_verified is not), an
 * email only where the user has none, and every required attribute present afterwards.
 */
function challengeAttributes(
  pool: Pool,
  user: UserRecord,
  responses: Record<string, string>,
): Record<string, string> {
  const given = Object.entries(responses)
    .filter(([key]) => key.startsWith(ATTRIBUTE_PREFIX))
    .map(([key, value]) => ({ Name: key.slice(ATTRIBUTE_PREFIX.length), Value: value }));
  const changes = checkAttributes(given, 'user');
  if (changes.email !== undefined) {
    // Apps that echo every attribute back meet this; only missing required ones may be sent.
    if (user.attributes.email) {
      throw new CognitoError('NotAuthorizedException', 'Cannot modify an already provided email');
    }
    assertEmailFree(pool, user, changes.email);
  }
  const attributes = { ...user.attributes, ...changes };
  const missing = REQUIRED_ATTRIBUTES.filter((name) => !attributes[name]);
  if (missing.length > 0) {
    throw new CognitoError(
      'InvalidParameterException',
      `Invalid attributes given, ${missing.join(', ')} is missing`,
    );
  }
  return changes;
}

const ATTRIBUTE_PREFIX = 'userAttributes.';
