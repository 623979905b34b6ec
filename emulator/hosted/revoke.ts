/**
 * `POST /oauth2/revoke` (https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html):
 * a refresh token, and every token issued from it, stops working. The client authenticates as at
 * the token endpoint; an unknown token succeeds (RFC 7009 §2.2), so clients can retry.
 */

import type { Emulator } from '../core/emulator.ts';
import { authenticateClient, tokenError } from './token.ts';

/** Answers a revocation request. */
export async function revoke(emulator: Emulator, request: Request): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return tokenError('invalid_request');
  }
  const form = new URLSearchParams(await request.text());
  const refreshToken = form.get('token');
  if (!refreshToken) return tokenError('invalid_request');
  const found = authenticateClient(emulator, request, form);
  if (typeof found === 'string') return tokenError(found);
  const { pool, client } = found;
  const session = pool.store.sessionByRefreshToken(refreshToken);
  if (session && session.clientId === client.id && !session.revoked) {
    pool.store.putSession({ ...session, revoked: true });
  }
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store' } });
}
