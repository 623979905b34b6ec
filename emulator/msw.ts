/** msw adapter: the emulator answering requests to a Cognito endpoint inside tests (or a browser). */

import { http } from 'msw';
import type { RideApiConfig } from './core/config.ts';
import type { Emulator } from './core/emulator.ts';
import { createHttpHandler } from './core/http.ts';
import { hostedRoutes } from './hosted/index.ts';
import { rideApiRoutes } from './ride-api/index.ts';

/** The endpoint amazon-cognito-identity-js derives from a pool id's region when none is given. */
export function cognitoEndpoint(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}

/**
 * msw handlers that route every request under `baseUrl` (default: the endpoint of the `local`
 * region, which pool `local_WildRydes` implies) to the emulator, the ride API included (its
 * authorizer set by `rideApi`, a config file's section of that name; unset: the local pool).
 */
export function cognitoHandlers(
  emulator: Emulator,
  baseUrl = cognitoEndpoint('local'),
  rideApi?: RideApiConfig,
) {
  const base = new URL(baseUrl);
  const handle = createHttpHandler(emulator, {
    basePath: base.pathname,
    routes: [...rideApiRoutes(emulator, rideApi), ...hostedRoutes(emulator)],
  });
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  return [
    http.all(`${prefix}/*`, ({ request }) => handle(request)),
    http.all(`${prefix}`, ({ request }) => handle(request)),
  ];
}
