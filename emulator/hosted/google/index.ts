/**
 * The Google stand-in's routes under `<base>/google`: discovery, JWKS, the sign-in page and the
 * token endpoint. It lives beside the pool domain, not in the core: it is Google's part, played
 * locally so the federation path (authorize → Google → `/oauth2/idpresponse`) runs for real.
 */

import type { Emulator } from '../../core/emulator.ts';
import type { HttpRoute } from '../../core/http.ts';
import { googleAuthorize } from './authorize.ts';
import { GOOGLE_PATH, type GoogleStandIn } from './stand-in.ts';

/** The stand-in's routes. */
export function googleRoutes(emulator: Emulator, google: GoogleStandIn): HttpRoute[] {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' },
    });
  return [
    {
      method: 'GET',
      path: `${GOOGLE_PATH}/.well-known/openid-configuration`,
      handle: async (_, baseUrl) => google.discovery(baseUrl),
    },
    {
      method: 'GET',
      path: `${GOOGLE_PATH}/jwks.json`,
      handle: async () => json(await google.jwks()),
    },
    {
      method: 'GET',
      path: `${GOOGLE_PATH}/authorize`,
      handle: (r, b) => googleAuthorize(emulator, google, r, b),
    },
    {
      method: 'POST',
      path: `${GOOGLE_PATH}/authorize`,
      handle: (r, b) => googleAuthorize(emulator, google, r, b),
    },
    { method: 'POST', path: `${GOOGLE_PATH}/token`, handle: (r, b) => google.token(r, b) },
  ];
}
