/** msw adapter: the emulator answering requests to a Cognito endpoint inside tests (or a browser). */

import { http } from 'msw';
import type { Emulator } from './core/emulator.ts';
import { createHttpHandler } from './core/http.ts';

/** The endpoint amazon-cognito-identity-js derives from a pool id's region when none is given. */
export function cognitoEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/**
 * msw handlers that route every request under `baseUrl` (default: the endpoint of the `local`
 * region, which pool `local_WildRydes` implies) to the emulator.
 */
export function cognitoHandlers(emulator: Emulator, baseUrl = cognitoEndpoint('local')) {
  const base = new URL(baseUrl);
  const handle = createHttpHandler(emulator, { basePath: base.pathname });
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  return [
    http.all(`${prefix}/*`, ({ request }) => handle(request)),
    http.all(`${prefix}`, ({ request }) => handle(request)),
  ];
}
