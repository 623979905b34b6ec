/**
 * The ride API client against the real emulator (API Gateway's Cognito authorizer and the
 * workshop's Lambda), with an ID token from a real sign-in. The authorizer reads only the token,
 * so one sign-in serves the whole file, while every test still gets a fresh emulator (with the
 * same signing keys).
 */
import { HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../src/i18n/error-messages.ts';
import { createI18n } from '../../src/i18n/index.ts';
import { requestRide, rideUrl } from '../../src/ride-api.ts';
import { RideError } from '../../src/ride-errors.ts';
import { claimsOf } from '../support/jwt.ts';
import { rejection } from '../support/rejection.ts';
import { FLEET, ORIGIN, signedInRider, useEmulatedSite } from './emulator.ts';
import { en } from './tables.ts';

const site = useEmulatedSite();
const PICKUP = { latitude: 47.6174755835663, longitude: -122.28837066650185 };
const english = createI18n({ storage: null, languages: ['en'], tables: { en } });

let idToken: string;
beforeAll(async () => {
  ({ idToken } = await signedInRider(site));
});

/** What a person reads for a failure. */
function seen(failure: unknown): string {
  return english.render(errorMessage(failure));
}

describe('requestRide', () => {
  it('returns the dispatched unicorn, the ride id, the ETA and the rider for a valid ID token', async () => {
    site.unicorn = 2;
    const ride = await requestRide({
      invokeUrl: site.config.api.invokeUrl ?? '',
      idToken,
      pickup: PICKUP,
    });
    expect(ride).toEqual({
      rideId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      unicorn: { name: 'Rocinante', color: 'Yellow', gender: 'Female' },
      eta: '30 seconds',
      rider: claimsOf(idToken)['cognito:username'],
    });
  });

  it('sends the raw ID token, JSON content and the pickup through the injected fetch', async () => {
    const sent: Request[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return fetch(request);
    };
    await requestRide({
      invokeUrl: `${ORIGIN}/emulator`,
      idToken,
      pickup: PICKUP,
      fetch: recordingFetch,
    });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${ORIGIN}/emulator/ride`);
    expect(request?.headers.get('authorization')).toBe(idToken);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({
      PickupLocation: { Latitude: PICKUP.latitude, Longitude: PICKUP.longitude },
    });
  });

  it.each([`${ORIGIN}/emulator/`, `${ORIGIN}/emulator//`])(
    'posts to /ride without a double slash when the invoke URL is %s',
    async (invokeUrl) => {
      const urls: string[] = [];
      site.server.events.on('request:start', ({ request }) => {
        urls.push(request.url);
      });
      const ride = await requestRide({ invokeUrl, idToken, pickup: PICKUP });
      expect(FLEET).toContain(ride.unicorn.name);
      expect(urls.filter((url) => url.endsWith('ride'))).toEqual([`${ORIGIN}/emulator/ride`]);
      expect(rideUrl(invokeUrl)).toBe(`${ORIGIN}/emulator/ride`);
    },
  );

  it('reports an expired session when the authorizer refuses an expired ID token', async () => {
    site.clock += 2 * 60 * 60 * 1000;
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'SessionExpired', status: 401 });
    expect(seen(failure)).toBe('Your session has expired. Sign in again to request a unicorn.');
  });

  it('reports an expired session for a token the authorizer does not know', async () => {
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken: 'not-a-token', pickup: PICKUP }),
      RideError,
    );
    expect(failure.code).toBe('SessionExpired');
  });

  it('reports a refused pickup as a bad request', async () => {
    const failure = await rejection(
      requestRide({
        invokeUrl: `${ORIGIN}/emulator`,
        idToken,
        pickup: { latitude: 91, longitude: 0 },
      }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'BadRequest', status: 400 });
    expect(seen(failure)).toBe(
      'The ride service did not accept this pickup point. Pick another spot and try again.',
    );
  });

  it('reports a rider the authorizer identifies but does not let ride (HTTP 403) as not allowed, not as a server fault', async () => {
    site.server.use(
      http.post(site.rideUrl, () =>
        HttpResponse.json(
          { Message: 'User is not authorized to access this resource with an explicit deny' },
          { status: 403 },
        ),
      ),
    );
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'Forbidden', status: 403 });
    expect(seen(failure)).toBe(
      'You are signed in, but this account may not request unicorns. Ask whoever runs this Wild Rydes to add you to the riders’ group.',
    );
  });

  it('reports a network failure when the ride service cannot be reached', async () => {
    site.server.use(http.post(site.rideUrl, () => HttpResponse.error()));
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'Network', status: null });
    expect(seen(failure)).toBe(
      'Could not reach the ride service. Check your connection and try again.',
    );
  });

  it.each([502, 500])('reports HTTP %i as a server problem', async (status) => {
    site.server.use(
      http.post(site.rideUrl, () => HttpResponse.json({ message: 'Internal' }, { status })),
    );
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'Server', status });
    // The status is for developers (in `failure.status`); people read no raw codes.
    expect(seen(failure)).toBe(
      'The ride service had a problem, so no unicorn is coming. Try again in a moment.',
    );
  });

  it.each([
    ['a unicorn without a name', { RideId: 'r1', Unicorn: { Color: 'White', Gender: 'Male' } }],
    ['no unicorn', { RideId: 'r1', UnicornName: 'Shadowfax' }],
    ['a numeric ride id', { RideId: 7, Unicorn: { Name: 'S', Color: 'White', Gender: 'Male' } }],
    ['an array', [{ RideId: 'r1' }]],
    ['null', null],
  ])('reports a 200 body with %s as an unreadable answer', async (_what, body) => {
    site.server.use(http.post(site.rideUrl, () => HttpResponse.json(body, { status: 200 })));
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'Server', status: null });
    expect(seen(failure)).toBe(
      'The ride service sent an answer this page cannot read. Try again in a moment.',
    );
  });

  it('reports a 201 that is not JSON as an unreadable answer', async () => {
    site.server.use(
      http.post(site.rideUrl, () => new HttpResponse('<html>gateway</html>', { status: 201 })),
    );
    const failure = await rejection(
      requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP }),
      RideError,
    );
    expect(failure).toMatchObject({ code: 'Server', status: null });
  });

  it('accepts a ride without the optional ETA and rider', async () => {
    const body = { RideId: 'r1', Unicorn: { Name: 'Shadowfax', Color: 'White', Gender: 'Male' } };
    site.server.use(http.post(site.rideUrl, () => HttpResponse.json(body, { status: 201 })));
    const ride = await requestRide({ invokeUrl: `${ORIGIN}/emulator`, idToken, pickup: PICKUP });
    expect(ride).toEqual({
      rideId: 'r1',
      unicorn: { name: 'Shadowfax', color: 'White', gender: 'Male' },
      eta: null,
      rider: null,
    });
  });
});
