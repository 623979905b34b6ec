/**
 * Sign-in sessions: each has a refresh token and mints ID and access tokens; an access token
 * authenticates its user while its session lives; global sign-out ends them all.
 */

import { toBase64Url, utf8 } from '../bytes.ts';
import { CognitoError, userNotFound } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import { sha256 } from '../crypto.ts';
import { groupClaims } from '../groups.ts';
import { opaqueToken, uuid } from '../ids.ts';
import type { Json } from '../input.ts';
import { identitiesClaim } from '../oauth/identities.ts';
import { ADMIN_SCOPE } from '../oauth/settings.ts';
import type { SessionRecord, UserRecord } from '../store.ts';
import type { Pool } from './pool.ts';

/** A sign-in at the pool domain: the scopes granted, the OIDC nonce, when the person signed in. */
export interface OAuthSignIn {
  scopes: string[];
  nonce?: string;
  /** Seconds; the managed login's sign-in, which may be older than this code. */
  authTime: number;
}

/** Starts a sign-in session and returns the three tokens for it. */
export async function startSession(
  pool: Pool,
  user: UserRecord,
  client: ClientConfig,
  issuer: string,
  oauth?: OAuthSignIn,
): Promise<Json> {
  const now = pool.deps.now();
  const session: SessionRecord = {
    originJti: uuid(pool.deps.randomBytes),
    sub: user.sub,
    clientId: client.id,
    refreshToken: opaqueToken(pool.deps.randomBytes, 96),
    authTime: oauth?.authTime ?? Math.floor(now / 1000),
    expiresAt: now + client.refreshTokenValidity * 1000,
    revoked: false,
    ...(oauth ? { scopes: oauth.scopes } : {}),
  };
  pruneSessions(pool, user.sub);
  pool.store.putSession(session);
  const tokens = await mintTokens(pool, user, client, session, issuer, oauth?.nonce);
  return { ...tokens, RefreshToken: session.refreshToken };
}

/** OIDC's `at_hash`: the left half of the access token's SHA-256, base64url. */
async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await sha256(utf8(accessToken));
  return toBase64Url(digest.slice(0, digest.length / 2));
}

/**
 * New ID and access tokens for an existing session (REFRESH_TOKEN_AUTH). Group claims are read
 * now, so a change of membership (or a deleted group) shows from the next issue on.
 */
export async function mintTokens(
  pool: Pool,
  user: UserRecord,
  client: ClientConfig,
  session: SessionRecord,
  issuer: string,
  nonce?: string,
): Promise<Json> {
  const iat = Math.floor(pool.deps.now() / 1000);
  const eventId = uuid(pool.deps.randomBytes);
  const common = {
    sub: user.sub,
    iss: issuer,
    origin_jti: session.originJti,
    event_id: eventId,
    auth_time: session.authTime,
    iat,
  };
  const { email_verified, identities, ...attributes } = user.attributes;
  const groups = groupClaims(pool.store.groupsOf(user.sub));
  const idClaims: Json = {
    ...attributes,
    ...groups.id,
    ...common,
    ...(email_verified === undefined ? {} : { email_verified: email_verified === 'true' }),
    ...(identities === undefined ? {} : { identities: identitiesClaim(identities) }),
    'cognito:username': user.username,
    aud: client.id,
    token_use: 'id',
    exp: iat + client.idTokenValidity,
    jti: uuid(pool.deps.randomBytes),
  };
  const accessClaims: Json = {
    ...groups.access,
    ...common,
    client_id: client.id,
    token_use: 'access',
    scope: session.scopes?.join(' ') ?? ADMIN_SCOPE,
    exp: iat + client.accessTokenValidity,
    jti: uuid(pool.deps.randomBytes),
    username: user.username,
  };
  const AccessToken = await pool.signer.sign(accessClaims, 'access');
  if (session.scopes) {
    // Tokens from the pool domain are OIDC's: the ID token vouches for its access token.
    idClaims.at_hash = await accessTokenHash(AccessToken);
    if (nonce !== undefined) idClaims.nonce = nonce;
  }
  const IdToken = await pool.signer.sign(idClaims, 'id');
  return { AccessToken, ExpiresIn: client.accessTokenValidity, IdToken, TokenType: 'Bearer' };
}

/**
 * The session and user behind a refresh token the client may use: issued to this client, not
 * revoked or expired, and (a token rotated out) still within its grace period.
 */
export function refreshingUser(
  pool: Pool,
  client: ClientConfig,
  token: string,
): { session: SessionRecord; user: UserRecord } {
  const session = pool.store.sessionByRefreshToken(token);
  const now = pool.deps.now();
  const retired =
    session !== undefined &&
    token !== session.refreshToken &&
    (session.previousRefreshTokenUntil ?? 0) <= now;
  if (!session || session.clientId !== client.id || retired) {
    throw new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');
  }
  if (session.revoked)
    throw new CognitoError('NotAuthorizedException', 'Refresh Token has been revoked');
  if (session.expiresAt <= now) {
    throw new CognitoError('NotAuthorizedException', 'Refresh Token has expired');
  }
  const user = pool.store.userBySub(session.sub);
  if (!user) throw new CognitoError('NotAuthorizedException', 'User does not exist.');
  return { session, user };
}

/**
 * GetTokensFromRefreshToken with rotation on: the session gets a new refresh token, and the one
 * it replaces stays usable for the client's grace period so a lost answer can be retried. A
 * retry with that token within the period gets the same new refresh token again, not a third.
 * Returns the refresh token the caller is to keep.
 */
export function rotateRefreshToken(
  pool: Pool,
  client: ClientConfig,
  session: SessionRecord,
  presented: string,
): string {
  if (presented === session.previousRefreshToken) return session.refreshToken;
  const now = pool.deps.now();
  const next: SessionRecord = {
    ...session,
    refreshToken: opaqueToken(pool.deps.randomBytes, 96),
    previousRefreshToken: presented,
    previousRefreshTokenUntil: now + client.refreshTokenRotation.retryGracePeriodSeconds * 1000,
  };
  pool.store.putSession(next);
  return next.refreshToken;
}

/** The user behind a live access token, with Cognito's wording for each refusal. */
export async function authenticate(pool: Pool, accessToken: string): Promise<UserRecord> {
  const { user, scopes } = await tokenHolder(pool, accessToken);
  if (!scopes.includes(ADMIN_SCOPE)) {
    // A token from the pool domain without this scope may read userInfo, not call the API.
    throw new CognitoError('NotAuthorizedException', 'Access Token does not have required scopes');
  }
  return user;
}

/** The user behind a live access token and the scopes it carries, whatever they are. */
export async function tokenHolder(
  pool: Pool,
  accessToken: string,
): Promise<{ user: UserRecord; scopes: string[] }> {
  const claims = await pool.signer.verify(accessToken, Math.floor(pool.deps.now() / 1000));
  if (claims === 'expired') {
    throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
  }
  if (
    typeof claims === 'string' ||
    claims.token_use !== 'access' ||
    typeof claims.sub !== 'string'
  ) {
    throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
  }
  const session =
    typeof claims.origin_jti === 'string' ? pool.store.session(claims.origin_jti) : undefined;
  if (!session || session.revoked) {
    throw new CognitoError('NotAuthorizedException', 'Access Token has been revoked');
  }
  const user = pool.store.userBySub(claims.sub);
  if (!user) throw userNotFound();
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  return { user, scopes };
}

/** Ends every session of the user (GlobalSignOut). */
export function revokeAllSessions(pool: Pool, sub: string): void {
  for (const session of pool.store.sessionsOf(sub)) {
    if (!session.revoked) pool.store.putSession({ ...session, revoked: true });
  }
}

/** Drops a user's sessions whose refresh tokens have expired. */
function pruneSessions(pool: Pool, sub: string): void {
  const now = pool.deps.now();
  for (const session of pool.store.sessionsOf(sub)) {
    if (session.expiresAt <= now) pool.store.deleteSession(session.originJti);
  }
}
