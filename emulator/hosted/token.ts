/**
 * `POST /oauth2/token` (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html):
 * the authorization code grant (with PKCE), refresh tokens and client credentials. A client with
 * a secret proves it with `Authorization: Basic` or `client_secret` in the body; a client with a
 * secret that sends none gets HTTP 400 `{"error":"invalid_client"}` — the answer that cost one
 * workshop author three days, since nothing in it says "secret".
 */

import { timingSafeEqual, toBase64Url, utf8 } from '../core/bytes.ts';
import type { ClientConfig } from '../core/config.ts';
import { sha256 } from '../core/crypto.ts';
import type { Emulator } from '../core/emulator.ts';
import { uuid } from '../core/ids.ts';
import { STANDARD_SCOPES } from '../core/oauth/settings.ts';
import type { Pool } from '../core/pool/pool.ts';
import { mintTokens, startSession } from '../core/pool/sessions.ts';

/** The token endpoint's refusals (RFC 6749 §5.2, as Cognito answers them). */
export type TokenError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...NO_STORE },
  });
}

/** A refusal: HTTP 400 and `{"error": …}`, nothing more, as Cognito sends it. */
export function tokenError(error: TokenError): Response {
  return answer(400, { error });
}

/** The client's claimed id and secret: `Authorization: Basic` first, else the form's members. */
function credentials(
  request: Request,
  form: URLSearchParams,
): { id: string | null; secret: string | null } | 'malformed' {
  const header = request.headers.get('authorization');
  if (header === null) return { id: form.get('client_id'), secret: form.get('client_secret') };
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return 'malformed';
  let decoded: string;
  try {
    decoded = atob(match[1] ?? '');
  } catch {
    return 'malformed';
  }
  const colon = decoded.indexOf(':');
  if (colon === -1) return 'malformed';
  // RFC 6749 §2.3.1: both halves are form-encoded before they are joined.
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  try {
    const id = decode(decoded.slice(0, colon));
    const bodyId = form.get('client_id');
    if (bodyId !== null && bodyId !== id) return 'malformed';
    return { id, secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

/** The client a token or revoke request authenticates as, or why not. */
export function authenticateClient(
  emulator: Emulator,
  request: Request,
  form: URLSearchParams,
): { pool: Pool; client: ClientConfig } | TokenError {
  const claimed = credentials(request, form);
  if (claimed === 'malformed') return 'invalid_client';
  if (!claimed.id) return 'invalid_request';
  let found: { pool: Pool; client: ClientConfig };
  try {
    found = emulator.client(claimed.id);
  } catch {
    return 'invalid_client';
  }
  const expected = found.client.secret;
  if (expected === undefined) {
    // A public client has no secret to send; one that sends a secret has the wrong idea of it.
    return claimed.secret === null ? found : 'invalid_client';
  }
  if (claimed.secret === null) return 'invalid_client';
  return timingSafeEqual(utf8(claimed.secret), utf8(expected)) ? found : 'invalid_client';
}

/** Answers a token request. */
export async function token(
  emulator: Emulator,
  request: Request,
  baseUrl: string,
): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return tokenError('invalid_request');
  }
  const text = await request.text();
  if (text.length > 64 * 1024) return tokenError('invalid_request');
  const form = new URLSearchParams(text);
  const grantType = form.get('grant_type');
  if (!grantType) return tokenError('invalid_request');
  const found = authenticateClient(emulator, request, form);
  if (typeof found === 'string') return tokenError(found);
  const { pool, client } = found;
  const issuer = `${baseUrl}/${pool.id}`;
  switch (grantType) {
    case 'authorization_code':
      return codeGrant(emulator, pool, client, form, issuer);
    case 'refresh_token':
      return refreshGrant(pool, client, form, issuer);
    case 'client_credentials':
      return clientCredentials(emulator, pool, client, form, issuer);
    default:
      return tokenError('unsupported_grant_type');
  }
}

async function codeGrant(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  form: URLSearchParams,
  issuer: string,
): Promise<Response> {
  if (!client.allowedOAuthFlowsUserPoolClient || !client.allowedOAuthFlows.includes('code')) {
    return tokenError('unauthorized_client');
  }
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code || !redirectUri) return tokenError('invalid_request');
  // Spent by this attempt whatever comes next: a code is good for one try.
  const grant = emulator.oauth.takeCode(code);
  if (!grant || grant.clientId !== client.id || grant.poolId !== pool.id) {
    return tokenError('invalid_grant');
  }
  if (grant.redirectUri !== redirectUri) return tokenError('invalid_grant');
  const verifier = form.get('code_verifier');
  if (grant.codeChallenge !== undefined) {
    if (!verifier) return tokenError('invalid_request');
    const digest = toBase64Url(await sha256(utf8(verifier)));
    if (!timingSafeEqual(utf8(digest), utf8(grant.codeChallenge))) {
      return tokenError('invalid_grant');
    }
  } else if (verifier !== null) {
    // A verifier for a code issued without a challenge: this is not the code the client thinks.
    return tokenError('invalid_grant');
  }
  const user = pool.store.userBySub(grant.sub);
  if (!user?.enabled) return tokenError('invalid_grant');
  const tokens = await startSession(pool, user, client, issuer, {
    scopes: grant.scopes,
    authTime: grant.authTime,
    ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
  });
  return answer(200, {
    access_token: tokens.AccessToken,
    // An ID token is OIDC's, so only for requests that asked for `openid`.
    ...(grant.scopes.includes('openid') ? { id_token: tokens.IdToken } : {}),
    refresh_token: tokens.RefreshToken,
    token_type: 'Bearer',
    expires_in: tokens.ExpiresIn,
  });
}

async function refreshGrant(
  pool: Pool,
  client: ClientConfig,
  form: URLSearchParams,
  issuer: string,
): Promise<Response> {
  if (!client.explicitAuthFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    return tokenError('unauthorized_client');
  }
  const refreshToken = form.get('refresh_token');
  if (!refreshToken) return tokenError('invalid_request');
  const session = pool.store.sessionByRefreshToken(refreshToken);
  if (
    !session ||
    session.clientId !== client.id ||
    session.revoked ||
    session.expiresAt <= pool.deps.now()
  ) {
    return tokenError('invalid_grant');
  }
  const user = pool.store.userBySub(session.sub);
  if (!user?.enabled) return tokenError('invalid_grant');
  const tokens = await mintTokens(pool, user, client, session, issuer);
  const openid = session.scopes === undefined || session.scopes.includes('openid');
  return answer(200, {
    access_token: tokens.AccessToken,
    ...(openid ? { id_token: tokens.IdToken } : {}),
    token_type: 'Bearer',
    expires_in: tokens.ExpiresIn,
  });
}

async function clientCredentials(
  emulator: Emulator,
  pool: Pool,
  client: ClientConfig,
  form: URLSearchParams,
  issuer: string,
): Promise<Response> {
  if (client.secret === undefined) return tokenError('invalid_client');
  if (
    !client.allowedOAuthFlowsUserPoolClient ||
    !client.allowedOAuthFlows.includes('client_credentials')
  ) {
    return tokenError('unauthorized_client');
  }
  const custom = client.allowedOAuthScopes.filter((scope) => !STANDARD_SCOPES.includes(scope));
  const asked = form.get('scope');
  // No scope asked: every custom scope the client allows; machines get no user scopes.
  const scopes = asked === null ? custom : asked.split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => !custom.includes(scope))) {
    return tokenError('invalid_scope');
  }
  const iat = Math.floor(emulator.now() / 1000);
  const accessToken = await pool.signer.sign(
    {
      sub: client.id,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: iat,
      iss: issuer,
      exp: iat + client.accessTokenValidity,
      iat,
      version: 2,
      jti: uuid(emulator.randomBytes),
      client_id: client.id,
    },
    'access',
  );
  return answer(200, {
    access_token: accessToken,
    expires_in: client.accessTokenValidity,
    token_type: 'Bearer',
  });
}
