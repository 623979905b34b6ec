/**
 * How a ride request fails. Apart from the ride API client (`ride-api.ts`) because every page's
 * error messages know these errors, while only the ride page sends requests.
 */

/** How a ride request can fail. */
export type RideErrorCode =
  /** 401: the authorizer refused the ID token (expired, or not from this pool and client). */
  | 'SessionExpired'
  /** fetch rejected: offline, DNS, connection refused, or a CORS refusal (browsers hide which). */
  | 'Network'
  /** 5xx, another unexpected status, or a success body that is not a ride. */
  | 'Server'
  /** 400: the service refused the request body. */
  | 'BadRequest'
  /** 403: the token is good, but its user may not ride (an authorizer requiring a group). */
  | 'Forbidden';

/** A ride request that did not produce a ride. */
export class RideError extends Error {
  override readonly name = 'RideError';

  constructor(
    readonly code: RideErrorCode,
    message: string,
    /** The HTTP status, or null when there was no answer or the answer was unreadable. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
