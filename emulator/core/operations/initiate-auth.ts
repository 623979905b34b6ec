import { toBase64, toHex } from '../bytes.ts';
import type { ClientConfig } from '../config.ts';
import type { Emulator, RequestInfo } from '../emulator.ts';
import { CognitoError, incorrectCredentials } from '../errors.ts';
import { opaqueToken } from '../ids.ts';
import { type Json, requiredString, stringMap } from '../input.ts';
import type { Pool } from '../pool.ts';
import { hexToBigInt, N, serverPublicB } from '../srp.ts';
import { signedIn } from './respond-to-auth-challenge.ts';
import { clientOf, issuer, notConfirmed, type Operation } from './shared.ts';

const FLOW_PERMISSION: Record<string, ClientConfig['explicitAuthFlows'][number]> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
};

/** InitiateAuth: starts SRP, signs in with a password, or refreshes tokens. */
export const initiateAuth: Operation = async (emulator, input, request) => {
  const { pool, client } = clientOf(emulator, input);
  const flow = requiredString(input, 'AuthFlow', { max: 64 });
  const params = stringMap(input, 'AuthParameters', false);
  const permission = FLOW_PERMISSION[flow];
  if (!permission) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, USER_PASSWORD_AUTH]`,
    );
  }
  if (!client.explicitAuthFlows.includes(permission)) {
    throw new CognitoError(
      'InvalidParameterException',
      `${flow.replace(/^REFRESH_TOKEN$/, 'REFRESH_TOKEN_AUTH')} flow not enabled for this client`,
    );
  }
  if (flow === 'USER_SRP_AUTH') return startSrp(emulator, pool, client, params);
  if (flow === 'USER_PASSWORD_AUTH') return passwordAuth(emulator, pool, client, params, request);
  return refresh(pool, client, params, request);
};

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') {
    throw new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
  }
  return value;
}

async function startSrp(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
): Promise<Json> {
  const username = required(params, 'USERNAME');
  const srpA = required(params, 'SRP_A');
  if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA)) {
    throw new CognitoError('InvalidParameterException', 'SRP_A must be a hexadecimal number.');
  }
  const A = hexToBigInt(srpA);
  if (A % N === 0n) throw new CognitoError('InvalidParameterException', 'Invalid SRP_A value.');
  await pool.checkSecretHash(client, username, params.SECRET_HASH);

  const user = pool.lookup(username);
  if (!user && !client.preventUserExistenceErrors) {
    throw new CognitoError('UserNotFoundException', 'User does not exist.');
  }
  // An unknown user gets a decoy challenge with a random verifier, so the answer reveals nothing.
  const verifier = user ? hexToBigInt(user.verifier) : pool.randomPrivateValue();
  const salt = user ? user.salt : toHex(emulator.randomBytes(16));
  const b = pool.randomPrivateValue();
  const B = await serverPublicB(emulator.math, verifier, b);
  const secretBlock = toBase64(emulator.randomBytes(64));
  emulator.rememberHandshake(secretBlock, {
    poolId: pool.id,
    clientId: client.id,
    sub: user?.sub,
    A,
    B,
    b,
    expiresAt: emulator.now() + pool.config.srpHandshakeValidity * 1000,
  });
  const userId = user ? user.username : username;
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: salt,
      SRP_B: B.toString(16),
      SECRET_BLOCK: secretBlock,
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
    Session: opaqueToken(emulator.randomBytes, 48),
  };
}

async function passwordAuth(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const username = required(params, 'USERNAME');
  const password = required(params, 'PASSWORD');
  await pool.checkSecretHash(client, username, params.SECRET_HASH);
  const user = pool.lookup(username);
  if (!user) {
    if (client.preventUserExistenceErrors) throw incorrectCredentials();
    throw new CognitoError('UserNotFoundException', 'User does not exist.');
  }
  pool.assertMaySignIn(user);
  const matches = await pool.passwordMatches(user, password);
  const current = pool.store.userBySub(user.sub);
  if (!current) throw incorrectCredentials();
  if (!matches) {
    pool.recordFailedSignIn(current);
    if (current.status === 'UNCONFIRMED') throw notConfirmed();
    throw incorrectCredentials();
  }
  if (current.status === 'UNCONFIRMED') throw notConfirmed();
  pool.recordSuccessfulSignIn(current);
  // A temporary password (FORCE_CHANGE_PASSWORD) gets the NEW_PASSWORD_REQUIRED challenge, as in SRP.
  return signedIn(emulator, pool, client, current, request);
}

async function refresh(
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  const token = required(params, 'REFRESH_TOKEN');
  const session = pool.store.sessionByRefreshToken(token);
  if (!session || session.clientId !== client.id) {
    throw new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');
  }
  if (session.revoked)
    throw new CognitoError('NotAuthorizedException', 'Refresh Token has been revoked');
  if (session.expiresAt <= pool.time()) {
    throw new CognitoError('NotAuthorizedException', 'Refresh Token has expired');
  }
  const user = pool.store.userBySub(session.sub);
  if (!user) throw new CognitoError('NotAuthorizedException', 'User does not exist.');
  await pool.checkSecretHash(client, user.username, params.SECRET_HASH);
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  return {
    ChallengeParameters: {},
    AuthenticationResult: await pool.mintTokens(user, client, session, issuer(request, pool)),
  };
}
