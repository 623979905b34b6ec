/**
 * The workshop's RequestUnicorn Lambda: reads the pickup point, picks a unicorn from the fleet
 * and answers 201 with the ride for the rider the authorizer identified.
 */

import { toBase64Url } from '../core/bytes.ts';
import type { RandomBytes } from '../core/crypto.ts';
import { uuid } from '../core/ids.ts';
import { isJsonObject } from '../core/input.ts';
import type { AuthorizedHandler } from './authorizer.ts';

const FLEET = [
  { Name: 'Bucephalus', Color: 'Golden', Gender: 'Male' },
  { Name: 'Shadowfax', Color: 'White', Gender: 'Male' },
  { Name: 'Rocinante', Color: 'Yellow', Gender: 'Female' },
] as const;

/** Whether a body holds a pickup point on the globe: `{"PickupLocation":{"Latitude","Longitude"}}`. */
function hasPickup(body: unknown): boolean {
  if (!isJsonObject(body) || !isJsonObject(body.PickupLocation)) return false;
  const { Latitude, Longitude } = body.PickupLocation;
  if (typeof Latitude !== 'number' || typeof Longitude !== 'number') return false;
  return Math.abs(Latitude) <= 90 && Math.abs(Longitude) <= 180;
}

/** RequestUnicorn, drawing the unicorn (one byte) and the ride id from `randomBytes`. */
export function requestUnicorn(randomBytes: RandomBytes): AuthorizedHandler {
  return async (request, claims) => {
    const text = await request.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!hasPickup(body)) {
      return Response.json(
        {
          Error: 'Body must be {"PickupLocation":{"Latitude":number,"Longitude":number}}',
          Reference: uuid(randomBytes),
        },
        { status: 400 },
      );
    }
    const [index = 0] = randomBytes(1);
    const unicorn = FLEET[index % FLEET.length] ?? FLEET[0];
    return Response.json(
      {
        RideId: toBase64Url(randomBytes(16)),
        Unicorn: { ...unicorn },
        UnicornName: unicorn.Name,
        Eta: '30 seconds',
        Rider: claims['cognito:username'] ?? null,
      },
      { status: 201 },
    );
  };
}
