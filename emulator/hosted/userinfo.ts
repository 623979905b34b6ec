/**
 * `GET|POST /oauth2/userInfo` (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html):
 * the user's attributes for a Bearer access token from the pool domain. Tokens from the API
 * (InitiateAuth) carry no `openid` scope, so this endpoint refuses them, as Cognito does.
 */

import { fromBase64, fromUtf8 } from '../core/bytes.ts';
import { CognitoError } from '../core/cognito-error.ts';
import type { Emulator } from '../core/emulator.ts';
import { isJsonObject } from '../core/input.ts';
import { tokenHolder } from '../core/pool/sessions.ts';

/** Which attributes each scope opens, besides `sub` (OIDC Core §5.4). */
const SCOPE_ATTRIBUTES: Record<string, readonly string[]> = {
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
};

function refuse(status: number, error: string, description: string): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: {
      'Content-Type': 'application/json;charset=UTF-8',
      'Cache-Control': 'no-store',
      'WWW-Authenticate': `Bearer error="${error}", error_description="${description}"`,
    },
  });
}

/** The pool whose issuer signed the token, read before its signature is checked by that pool. */
function poolIdOf(token: string): string | undefined {
  try {
    const claims: unknown = JSON.parse(fromUtf8(fromBase64(token.split('.')[1] ?? '')));
    if (!isJsonObject(claims) || typeof claims.iss !== 'string') return undefined;
    return claims.iss.slice(claims.iss.lastIndexOf('/') + 1);
  } catch {
    return undefined;
  }
}

/** Answers a userInfo request. */
export async function userInfo(emulator: Emulator, request: Request): Promise<Response> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return refuse(400, 'invalid_request', 'Access token is missing');
  const accessToken = match[1] ?? '';
  const poolId = poolIdOf(accessToken);
  if (poolId === undefined || !emulator.poolIds().includes(poolId)) {
    return refuse(401, 'invalid_token', 'Invalid access token');
  }
  const pool = emulator.pool(poolId);
  let holder: Awaited<ReturnType<typeof tokenHolder>>;
  try {
    holder = await tokenHolder(pool, accessToken);
  } catch (error) {
    if (error instanceof CognitoError) return refuse(401, 'invalid_token', error.message);
    throw error;
  }
  if (!holder.scopes.includes('openid')) {
    return refuse(401, 'invalid_token', 'Access token does not contain openid scope');
  }
  const { user } = holder;
  // `openid` alone: every attribute; with narrower scopes, the attributes they name.
  const narrow = holder.scopes.some((scope) => Object.hasOwn(SCOPE_ATTRIBUTES, scope));
  const allowed = new Set(holder.scopes.flatMap((scope) => SCOPE_ATTRIBUTES[scope] ?? []));
  const attributes = Object.fromEntries(
    Object.entries(user.attributes).filter(([name]) => !narrow || allowed.has(name)),
  );
  return new Response(JSON.stringify({ sub: user.sub, ...attributes, username: user.username }), {
    status: 200,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' },
  });
}
