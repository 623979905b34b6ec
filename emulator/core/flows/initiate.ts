/** How InitiateAuth and AdminInitiateAuth start a sign-in: the flow check, SRP's first step, refresh. */

import { toBase64 } from '../bytes.ts';
import { CognitoError, userNotFound } from '../cognito-error.ts';
import type { AuthFlow, ClientConfig } from '../config.ts';
import type { OperationContext, RequestInfo } from '../context.ts';
import { opaqueToken, randomInteger } from '../ids.ts';
import { type Json, requiredString } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { decoyFor } from '../pool/decoys.ts';
import type { Pool } from '../pool/pool.ts';
import { mintTokens, refreshingUser } from '../pool/sessions.ts';
import { hexToBigInt, N, serverPublicB } from '../srp.ts';
import { issuer, ownEntry } from './request.ts';
import { requiredParameter } from './sign-in.ts';

/**
 * Reads `AuthFlow`: a flow of the operation's table (own keys only: `toString` is no flow) that
 * the app client allows, with Cognito's wording for each refusal.
 */
export function authFlowOf(
  input: Json,
  permissions: Record<string, AuthFlow>,
  client: ClientConfig,
): string {
  const flow = requiredString(input, 'AuthFlow', { max: 64 });
  const permission = ownEntry(permissions, flow);
  if (!permission) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(permissions).join(', ')}]`,
    );
  }
  // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
  // enabled" (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html):
  // the flow is refused as a flow the client does not allow.
  const rotating =
    permission === 'ALLOW_REFRESH_TOKEN_AUTH' && client.refreshTokenRotation.feature === 'ENABLED';
  if (rotating || !client.explicitAuthFlows.includes(permission)) {
    throw new CognitoError(
      'InvalidParameterException',
      `${flow.replace(/^REFRESH_TOKEN$/, 'REFRESH_TOKEN_AUTH')} flow not enabled for this client`,
    );
  }
  return flow;
}

/**
 * SRP's first step. An unknown user (when existence errors are prevented) gets a decoy that
 * matches a real answer in shape and stays the same for the same name, as Cognito's simulated
 * response does (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html);
 * the proof then fails with the generic refusal.
 */
export async function startSrp(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
): Promise<Json> {
  const username = requiredParameter(params, 'USERNAME');
  const srpA = requiredParameter(params, 'SRP_A');
  if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA)) {
    throw new CognitoError('InvalidParameterException', 'SRP_A must be a hexadecimal number.');
  }
  const A = hexToBigInt(srpA);
  if (A % N === 0n) throw new CognitoError('InvalidParameterException', 'Invalid SRP_A value.');
  await checkSecretHash(pool, client, username, params.SECRET_HASH);

  const found = pool.lookup(username);
  if (!found && !client.preventUserExistenceErrors) {
    throw userNotFound();
  }
  let salt: string;
  let userId: string;
  if (found) {
    salt = found.salt;
    userId = found.username;
  } else {
    const decoy = await decoyFor(pool, username);
    salt = decoy.salt;
    // Real ids are UUIDs where people sign in with email, the chosen name elsewhere.
    userId = pool.signsInWithEmail ? decoy.userId : username;
  }
  // A decoy's B hides a random verifier; B is random for real users too (b is).
  const verifier = found ? hexToBigInt(found.verifier) : randomInteger(ctx.randomBytes, 32);
  // SRP's private value b: 256 random bits, as Cognito's client uses for a.
  const b = randomInteger(ctx.randomBytes, 32);
  const B = await serverPublicB(ctx.math, verifier, b);
  const secretBlock = toBase64(ctx.randomBytes(64));
  ctx.rememberHandshake(secretBlock, {
    poolId: pool.id,
    clientId: client.id,
    sub: found?.sub,
    A,
    B,
    b,
    expiresAt: ctx.now() + pool.config.srpHandshakeValidity * 1000,
  });
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SRP_B: B.toString(16),
      SECRET_BLOCK: secretBlock,
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
    Session: opaqueToken(ctx.randomBytes, 48),
  };
}

/** REFRESH_TOKEN_AUTH: new ID and access tokens from a live refresh token. */
export async function refresh(
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const token = requiredParameter(params, 'REFRESH_TOKEN');
  const { session, user } = refreshingUser(pool, client, token);
  await checkSecretHash(pool, client, user.username, params.SECRET_HASH);
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  return {
    ChallengeParameters: {},
    AuthenticationResult: await mintTokens(pool, user, client, session, issuer(request, pool)),
  };
}
