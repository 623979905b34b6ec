/**
 * The workshop's ride API, which is API Gateway and a Lambda rather than Cognito: `POST /ride`
 * behind a Cognito user pool authorizer, answered by RequestUnicorn. Adapters mount it beside the
 * emulator's own routes (`createHttpHandler`'s `routes`); it sees the emulator only through
 * `RideApiHost`.
 */

import { ConfigError, DEFAULT_POOL_ID, type RideApiConfig } from '../core/config.ts';
import type { RandomBytes } from '../core/crypto.ts';
import type { HttpRoute } from '../core/http.ts';
import { type AuthorizerPool, cognitoAuthorizer } from './authorizer.ts';
import { requestUnicorn } from './unicorn-dispatch.ts';

/** What the ride API needs of the emulator: the pools it serves, the clock and random bytes. */
export interface RideApiHost {
  readonly now: () => number;
  readonly randomBytes: RandomBytes;
  poolIds(): string[];
  pool(poolId: string): AuthorizerPool;
}

/**
 * The ride API's routes. Its authorizer names one pool, as API Gateway's does: the config file's
 * `rideApi.userPoolId`, else the local pool when it is served, else the first pool served.
 */
export function rideApiRoutes(host: RideApiHost, settings?: RideApiConfig): HttpRoute[] {
  const served = host.poolIds();
  const { userPoolId, requiredGroup }: RideApiConfig = settings ?? {
    userPoolId: served.includes(DEFAULT_POOL_ID) ? DEFAULT_POOL_ID : (served[0] ?? DEFAULT_POOL_ID),
  };
  if (!served.includes(userPoolId)) {
    throw new ConfigError(`the ride API's pool ${userPoolId} is not served`);
  }
  const dispatch = requestUnicorn((length) => host.randomBytes(length));
  const authorized = cognitoAuthorizer(
    host.pool(userPoolId),
    { requiredGroup, now: () => host.now() },
    dispatch,
  );
  return [{ method: 'POST', path: '/ride', handle: authorized }];
}
