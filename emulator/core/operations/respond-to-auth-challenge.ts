import { fromBase64, timingSafeEqual } from '../bytes.ts';
import type { ClientConfig } from '../config.ts';
import type { Emulator, RequestInfo } from '../emulator.ts';
import { CognitoError, incorrectCredentials } from '../errors.ts';
import { opaqueToken } from '../ids.ts';
import { type Json, optionalString, requiredString, stringMap } from '../input.ts';
import type { Pool } from '../pool.ts';
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
import { clientOf, issuer, notConfirmed, type Operation } from './shared.ts';

/** RespondToAuthChallenge: PASSWORD_VERIFIER (SRP's proof) and NEW_PASSWORD_REQUIRED. */
export const respondToAuthChallenge: Operation = async (emulator, input, request) => {
  const { pool, client } = clientOf(emulator, input);
  const challenge = requiredString(input, 'ChallengeName', { max: 64 });
  const responses = stringMap(input, 'ChallengeResponses', false);
  if (challenge === 'PASSWORD_VERIFIER') {
    return passwordVerifier(emulator, pool, client, responses, request);
  }
  if (challenge === 'NEW_PASSWORD_REQUIRED') {
    const session = optionalString(input, 'Session', { max: 2048 });
    return newPasswordRequired(emulator, pool, client, responses, session, request);
  }
  throw new CognitoError(
    'InvalidParameterException',
    `Challenge ${challenge} is not supported by this user pool.`,
  );
};

function required(responses: Record<string, string>, name: string): string {
  const value = responses[name];
  if (value === undefined || value === '') {
    throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  }
  return value;
}

async function passwordVerifier(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = required(responses, 'TIMESTAMP');
  const username = required(responses, 'USERNAME');
  if (!isSrpTimestamp(timestamp)) {
    throw new CognitoError(
      'InvalidParameterException',
      'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
    );
  }
  const handshake = emulator.takeHandshake(secretBlock);
  if (!handshake || handshake.clientId !== client.id || handshake.poolId !== pool.id) {
    throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
  }
  if (handshake.expiresAt <= emulator.now()) {
    throw new CognitoError(
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  }
  if (handshake.sub === undefined) throw incorrectCredentials();
  const user = pool.store.userBySub(handshake.sub);
  if (!user || user.username.toLowerCase() !== username.toLowerCase()) throw incorrectCredentials();
  await pool.checkSecretHash(client, user.username, responses.SECRET_HASH);
  pool.assertMaySignIn(user);
  if (user.status === 'UNCONFIRMED') throw notConfirmed();

  const v = hexToBigInt(user.verifier);
  const u = await scramblingU(emulator.math, handshake.A, handshake.B);
  let valid = false;
  if (u !== 0n) {
    const S = serverSecretS(emulator.math, handshake.A % N, v, u, handshake.b);
    const key = await authenticationKey(emulator.math, S, u);
    const expected = await claimSignature(
      emulator.math,
      key,
      pool.name,
      user.username,
      secretBlock,
      timestamp,
    );
    valid = safeBase64Equal(expected, signature);
  }
  // Re-read: another request may have changed the user while we computed.
  const current = pool.store.userBySub(user.sub);
  if (!current) throw incorrectCredentials();
  if (!valid) {
    pool.recordFailedSignIn(current);
    throw incorrectCredentials();
  }
  pool.recordSuccessfulSignIn(current);
  return signedIn(emulator, pool, client, current, request);
}

function safeBase64Equal(expected: string, given: string): boolean {
  try {
    return timingSafeEqual(fromBase64(expected), fromBase64(given));
  } catch {
    return false;
  }
}

/** Tokens for a user who proved their password, or NEW_PASSWORD_REQUIRED for a temporary one. */
export async function signedIn(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
  request: RequestInfo,
): Promise<Json> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const session = opaqueToken(emulator.randomBytes, 48);
    emulator.rememberNewPasswordSession(session, {
      poolId: pool.id,
      clientId: client.id,
      sub: user.sub,
      expiresAt: emulator.now() + pool.config.srpHandshakeValidity * 1000,
    });
    const { email_verified: _flag, ...shown } = user.attributes;
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        userAttributes: JSON.stringify(shown),
      },
      Session: session,
    };
  }
  return {
    ChallengeParameters: {},
    AuthenticationResult: await pool.startSession(user, client, issuer(request, pool)),
  };
}

async function newPasswordRequired(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const password = required(responses, 'NEW_PASSWORD');
  const state = session === undefined ? undefined : emulator.takeNewPasswordSession(session);
  if (!state || state.clientId !== client.id || state.expiresAt <= emulator.now() || !state.sub) {
    throw new CognitoError(
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  }
  pool.checkPasswordPolicy(password);
  const found = pool.store.userBySub(state.sub);
  if (!found) throw incorrectCredentials();
  const { salt, verifier } = await pool.passwordVerifier(found.username, password);
  const user = pool.store.userBySub(state.sub);
  if (!user) throw incorrectCredentials();
  const updated = pool.update(user, { salt, verifier, status: 'CONFIRMED' });
  return signedIn(emulator, pool, client, updated, request);
}
