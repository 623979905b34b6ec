/**
 * The workshop's ride API as API Gateway + its Lambda behave: a Cognito user pool authorizer in
 * front (a valid ID token in `Authorization`, raw, no `Bearer `), then RequestUnicorn, which
 * picks a unicorn and answers 201. The authorizer names one pool (`Emulator.rideApi`), as API
 * Gateway's does, and may demand a group.
 */

import { toBase64Url } from './bytes.ts';
import type { Emulator } from './emulator.ts';
import { uuid } from './ids.ts';
import { isJsonObject, type Json } from './input.ts';
import type { Pool } from './pool/pool.ts';

const FLEET = [
  { Name: 'Bucephalus', Color: 'Golden', Gender: 'Male' },
  { Name: 'Shadowfax', Color: 'White', Gender: 'Male' },
  { Name: 'Rocinante', Color: 'Yellow', Gender: 'Female' },
] as const;

/** What the ride API answers: a status and a JSON body. */
export interface RideAnswer {
  status: number;
  body: Json;
}

const UNAUTHORIZED: RideAnswer = { status: 401, body: { message: 'Unauthorized' } };

/** What API Gateway answers when a Lambda authorizer denies a caller it has identified. */
const FORBIDDEN: RideAnswer = {
  status: 403,
  body: { Message: 'User is not authorized to access this resource with an explicit deny' },
};

/**
 * The claims of a live ID token issued by `pool` under `baseUrl` for one of that pool's app
 * clients; null for anything else (API Gateway answers all of those alike).
 */
async function verifyIdToken(
  pool: Pool,
  token: string,
  baseUrl: string,
  nowSeconds: number,
): Promise<Json | null> {
  const claims = await pool.signer.verify(token, nowSeconds);
  if (typeof claims === 'string' || claims.iss !== `${baseUrl}/${pool.id}`) return null;
  const audienceOk = pool.config.clients.some((client) => client.id === claims.aud);
  return audienceOk && claims.token_use === 'id' ? claims : null;
}

/** Whether the token's `cognito:groups` claim lists the group (by exact name, as a string test). */
function inGroup(claims: Json, group: string): boolean {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) && groups.includes(group);
}

function pickupOf(body: unknown): { Latitude: number; Longitude: number } | null {
  if (!isJsonObject(body) || !isJsonObject(body.PickupLocation)) return null;
  const { Latitude, Longitude } = body.PickupLocation;
  if (typeof Latitude !== 'number' || typeof Longitude !== 'number') return null;
  if (Math.abs(Latitude) > 90 || Math.abs(Longitude) > 180) return null;
  return { Latitude, Longitude };
}

/** POST /ride: checks the token like the authorizer, then dispatches a unicorn like the Lambda. */
export async function requestRide(
  emulator: Emulator,
  authorization: string | null,
  bodyText: string,
  baseUrl: string,
): Promise<RideAnswer> {
  if (!authorization) return UNAUTHORIZED;
  const { userPoolId, requiredGroup } = emulator.rideApi;
  const now = Math.floor(emulator.now() / 1000);
  const claims = await verifyIdToken(emulator.pool(userPoolId), authorization, baseUrl, now);
  if (!claims) return UNAUTHORIZED;
  if (requiredGroup !== undefined && !inGroup(claims, requiredGroup)) return FORBIDDEN;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const pickup = pickupOf(body);
  if (!pickup) {
    return {
      status: 400,
      body: {
        Error: 'Body must be {"PickupLocation":{"Latitude":number,"Longitude":number}}',
        Reference: uuid(emulator.randomBytes),
      },
    };
  }
  const [index = 0] = emulator.randomBytes(1);
  const unicorn = FLEET[index % FLEET.length] ?? FLEET[0];
  return {
    status: 201,
    body: {
      RideId: toBase64Url(emulator.randomBytes(16)),
      Unicorn: { ...unicorn },
      UnicornName: unicorn.Name,
      Eta: '30 seconds',
      Rider: claims['cognito:username'] ?? null,
    },
  };
}
