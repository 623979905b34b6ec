/** The answer to an authorize request once the person is signed in: a code, or implicit tokens. */

import type { Emulator } from '../core/emulator.ts';
import { startSession } from '../core/pool/sessions.ts';
import { type AuthorizeRequest, answerUrl } from './authorize-request.ts';
import { SESSION_COOKIE, setCookie } from './cookies.ts';
import { redirect } from './page.ts';

/** Who signed in to the managed login, and when (seconds). */
export interface SignedIn {
  sub: string;
  authTime: number;
}

/**
 * Where the browser goes with its grant: `?code=&state=` for the code grant; for the implicit
 * grant, tokens in the fragment and no refresh token (why the seeds choose the code grant).
 */
export async function grantLocation(
  emulator: Emulator,
  request: AuthorizeRequest,
  who: SignedIn,
  issuer: string,
): Promise<string> {
  const { pool, client, redirectUri, state } = request;
  if (request.responseType === 'code') {
    const code = emulator.oauth.issueCode({
      poolId: pool.id,
      clientId: client.id,
      sub: who.sub,
      redirectUri,
      scopes: request.scopes,
      authTime: who.authTime,
      ...(request.codeChallenge === undefined ? {} : { codeChallenge: request.codeChallenge }),
      ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    });
    return answerUrl(redirectUri, 'code', { code, state });
  }
  const user = pool.store.userBySub(who.sub);
  if (!user?.enabled) return answerUrl(redirectUri, 'token', { error: 'access_denied', state });
  const tokens = await startSession(pool, user, client, issuer, {
    scopes: request.scopes,
    authTime: who.authTime,
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  });
  return answerUrl(redirectUri, 'token', {
    access_token: String(tokens.AccessToken),
    id_token: request.scopes.includes('openid') ? String(tokens.IdToken) : undefined,
    token_type: 'Bearer',
    expires_in: String(tokens.ExpiresIn),
    state,
  });
}

/**
 * The end of a sign-in at the pool domain, by password or through a provider: a managed-login
 * session (its cookie, so the next authorize skips the form) and the grant for the app.
 */
export async function finishSignIn(
  emulator: Emulator,
  request: AuthorizeRequest,
  sub: string,
  baseUrl: string,
  cookies: string[] = [],
): Promise<Response> {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const authTime = Math.floor(emulator.now() / 1000);
  const session = emulator.oauth.startSession({ poolId: request.pool.id, sub, authTime });
  const issuer = `${baseUrl}/${request.pool.id}`;
  const location = await grantLocation(emulator, request, { sub, authTime }, issuer);
  return redirect(location, [...cookies, setCookie(SESSION_COOKIE, session, base || '/')]);
}
