/**
 * The ride API client, the typed mirror of the workshop's `requestUnicorn` in `ride.js`:
 * `POST {invokeUrl}/ride` with the rider's ID token, answered by API Gateway's Cognito authorizer
 * and the RequestUnicorn Lambda.
 */
import { RideError } from './ride-errors.ts';

/** A point on the map, in degrees. */
export interface LatLng {
  readonly latitude: number;
  readonly longitude: number;
}

/** The unicorn the service dispatched. */
export interface Unicorn {
  readonly name: string;
  readonly color: string;
  /** 'Male' or 'Female' in the workshop's fleet; kept as sent, so a new value does not break rides. */
  readonly gender: string;
}

/** A dispatched ride. */
export interface Ride {
  readonly rideId: string;
  readonly unicorn: Unicorn;
  /** The Lambda's `Eta` ("30 seconds"); null when the service leaves it out. */
  readonly eta: string | null;
  /** The Lambda's `Rider` (the `cognito:username` claim); null when the service leaves it out. */
  readonly rider: string | null;
}

/** What `requestRide` needs. */
export interface RideRequest {
  /** The API stage's invoke URL; a trailing slash is fine. */
  readonly invokeUrl: string;
  /** The rider's ID token, sent raw as API Gateway's Cognito authorizer expects. */
  readonly idToken: string;
  readonly pickup: LatLng;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** The ride endpoint under an invoke URL, never with a double slash before `ride`. */
export function rideUrl(invokeUrl: string): string {
  return `${invokeUrl.replace(/\/+$/, '')}/ride`;
}

/** Asks the ride API for a unicorn; rejects with a `RideError` when none is dispatched. */
export async function requestRide({
  invokeUrl,
  idToken,
  pickup,
  fetch: send = globalThis.fetch,
}: RideRequest): Promise<Ride> {
  let response: Response;
  let text: string;
  try {
    response = await send(rideUrl(invokeUrl), {
      method: 'POST',
      headers: { Authorization: idToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        PickupLocation: { Latitude: pickup.latitude, Longitude: pickup.longitude },
      }),
    });
    text = await response.text();
  } catch (failure) {
    throw new RideError('Network', `Could not reach the ride service: ${String(failure)}`);
  }

  const { status } = response;
  if (status === 401) {
    throw new RideError('SessionExpired', 'The ride service refused the ID token.', status);
  }
  if (status === 403) {
    throw new RideError(
      'Forbidden',
      `The ride service does not let this user ride: ${text}`,
      status,
    );
  }
  if (status === 400) {
    throw new RideError('BadRequest', `The ride service refused the request: ${text}`, status);
  }
  if (!response.ok) {
    throw new RideError('Server', `The ride service answered HTTP ${status}.`, status);
  }
  const ride = parseRide(parseJson(text));
  if (ride === null) {
    throw new RideError('Server', `The ride service answered with something not a ride: ${text}`);
  }
  return ride;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ride in a response body, or null when the body is not one. */
export function parseRide(body: unknown): Ride | null {
  if (!isRecord(body) || !isRecord(body.Unicorn)) return null;
  const { RideId, Eta, Rider } = body;
  const { Name, Color, Gender } = body.Unicorn;
  if (!isText(RideId) || !isText(Name)) return null;
  if (typeof Color !== 'string' || typeof Gender !== 'string') return null;
  return {
    rideId: RideId,
    unicorn: { name: Name, color: Color, gender: Gender },
    eta: typeof Eta === 'string' ? Eta : null,
    rider: typeof Rider === 'string' ? Rider : null,
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
