/**
 * The local ride API: API Gateway's Cognito authorizer rules in front of the workshop's
 * RequestUnicorn Lambda. Only a live ID token of the one pool the authorizer names, for one of its
 * app clients (and, when configured, of a member of the required group), gets a ride.
 *
 * Every test gets a fresh emulator, all of them signing with this file's keys. The authorizer
 * reads only the token, so one rider signed in for the file serves every test whose subject is
 * the token, not the rider's account.
 */

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
  type EmulatorConfig,
  type RideApiConfig,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { rideApiRoutes } from '../../emulator/ride-api/index.ts';
import { testEmulator } from '../support/emulator.ts';
import { claimsOf, forgedCopy, unsignedCopy, withClaims } from '../support/jwt.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { cognitoApi, exchange, type Send, stringAt, tokensOf } from '../support/wire.ts';

const BASE = 'http://emulator.test';
const START = Date.UTC(2026, 10, 22, 12);
const PICKUP = { PickupLocation: { Latitude: 47.6174755835663, Longitude: -122.28837066650185 } };
const TWO_CLIENTS: EmulatorConfig = {
  pools: [
    defaultPool({
      clients: [defaultClient(), defaultClient({ id: 'otherclient', name: 'Other' })],
    }),
  ],
};

let clock = START;
let emulator: Emulator;
let handle: Send;

/** Puts a fresh emulator with this config behind `handle`. */
async function serve(config: EmulatorConfig = TWO_CLIENTS): Promise<void> {
  emulator = await testEmulator({ now: () => clock, config });
  handle = createHttpHandler(emulator, { routes: rideApiRoutes(emulator, config.rideApi) });
}

/** A new rider of the emulator now serving, signed in with the given client. */
function signedInTokens(email = 'rider@example.com', clientId?: string) {
  return cognitoApi(handle, `${BASE}/`).signedInUser(email, PASSWORD, clientId);
}

/** The file's rider: an ID token of the local pool's web client, issued at START. */
let rider: Awaited<ReturnType<typeof signedInTokens>>;

beforeAll(async () => {
  await serve();
  rider = await signedInTokens();
});

beforeEach(async () => {
  clock = START;
  await serve();
});

function ride(authorization: string | null, body: unknown = PICKUP) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization !== null) headers.Authorization = authorization;
  return exchange(
    handle,
    new Request(`${BASE}/ride`, { method: 'POST', headers, body: JSON.stringify(body) }),
  );
}

describe('a valid ID token', () => {
  it('gets a unicorn with a ride id, an ETA and the rider', async () => {
    const { idToken } = rider;
    const answer = await ride(idToken);
    expect(answer.status).toBe(201);
    const body = answer.body as Record<string, unknown>;
    expect(body.RideId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.Eta).toBe('30 seconds');
    expect(body.Rider).toBe(claimsOf(idToken)['cognito:username']);
    expect([
      { Name: 'Bucephalus', Color: 'Golden', Gender: 'Male' },
      { Name: 'Shadowfax', Color: 'White', Gender: 'Male' },
      { Name: 'Rocinante', Color: 'Yellow', Gender: 'Female' },
    ]).toContainEqual(body.Unicorn);
    expect(body.UnicornName).toBe((body.Unicorn as { Name: string }).Name);
  });

  it('from another app client of the same pool is accepted too', async () => {
    const { idToken } = await signedInTokens('other@example.com', 'otherclient');
    expect((await ride(idToken)).status).toBe(201);
  });

  it('with a body that has no pickup location gets a 400 naming the expected shape', async () => {
    const { idToken } = rider;
    const answer = await ride(idToken, { PickupLocation: { Latitude: 'north' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      Error: 'Body must be {"PickupLocation":{"Latitude":number,"Longitude":number}}',
    });
  });
});

describe('the authorizer refuses with 401 Unauthorized', () => {
  const unauthorized = { message: 'Unauthorized' };

  it('a request without a token', async () => {
    expect(await ride(null)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('a token sent with a Bearer prefix (the authorizer wants the raw token)', async () => {
    const { idToken } = rider;
    expect(await ride(`Bearer ${idToken}`)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('an access token instead of an ID token', async () => {
    const { accessToken } = rider;
    expect(await ride(accessToken)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('an expired ID token', async () => {
    const { idToken } = rider;
    clock += 3600 * 1000;
    expect(await ride(idToken)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('an ID token properly signed by the pool but for an audience that is not its client', async () => {
    const { idToken } = rider;
    const signer = emulator.pool(DEFAULT_POOL_ID).signer;
    const otherAudience = await signer.sign({ ...claimsOf(idToken), aud: 'someoneelse' }, 'id');
    expect(await ride(otherAudience)).toMatchObject({ status: 401, body: unauthorized });
    const sameAudience = await signer.sign(claimsOf(idToken), 'id');
    expect((await ride(sameAudience)).status).toBe(201);
  });

  it('a token whose claims were changed after signing', async () => {
    const { idToken } = rider;
    expect(await ride(withClaims(idToken, { aud: 'someoneelse' }))).toMatchObject({ status: 401 });
  });

  it('an unsigned token (alg none)', async () => {
    expect(await ride(unsignedCopy(rider.idToken))).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('a token signed by a foreign key with the right claims and kid', async () => {
    const forged = await forgedCopy(rider.idToken);
    expect(await ride(forged)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('an ID token issued for an app client of another pool', async () => {
    const { idToken } = rider;
    // Another emulator serving a pool of the same id, with keys of its own (not this file's).
    const other = await createNodeEmulator({ now: () => clock });
    const { idToken: foreign } = await cognitoApi(
      createHttpHandler(other),
      `${BASE}/`,
    ).signedInUser('elsewhere@example.com', PASSWORD);
    expect(claimsOf(foreign).iss).toBe(claimsOf(idToken).iss);
    expect(await ride(foreign)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('an ID token whose issuer is another host', async () => {
    const { idToken } = rider;
    const elsewhere = await exchange(
      handle,
      new Request('http://other-host.test/ride', {
        method: 'POST',
        headers: { Authorization: idToken },
        body: JSON.stringify(PICKUP),
      }),
    );
    expect(elsewhere).toMatchObject({ status: 401, body: unauthorized });
  });
});

it('answers the browser preflight for the ride API', async () => {
  const response = await handle(
    new Request(`${BASE}/ride`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    }),
  );
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
});

it('answers a ride requested from a page on this machine with the CORS headers of every route', async () => {
  const { idToken } = await signedInTokens();
  const response = await handle(
    new Request(`${BASE}/ride`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:5173', Authorization: idToken },
      body: JSON.stringify(PICKUP),
    }),
  );
  expect(response.status).toBe(201);
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  expect(response.headers.get('vary')).toBe('Origin');
  expect(response.headers.get('content-type')).toBe('application/json');
});

describe('the one pool the authorizer names', () => {
  const OTHER_POOL = 'us-east-1_OtherPool1';
  const OTHER_CLIENT = 'otherpoolclient';

  /** An emulator serving the local pool and another one, with the given ride API settings. */
  async function twoPools(rideApi?: RideApiConfig) {
    await serve(
      readEmulatorConfig({
        pools: [{ id: OTHER_POOL, clients: [{ id: OTHER_CLIENT }] }],
        ...(rideApi ? { rideApi } : {}),
      }),
    );
  }

  async function otherPoolIdToken(): Promise<string> {
    const api = cognitoApi(handle, `${BASE}/`);
    const email = 'elsewhere@example.com';
    const signUp = await api.call('SignUp', {
      ClientId: OTHER_CLIENT,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    });
    expect(signUp.status).toBe(200);
    await api.call('AdminConfirmSignUp', { UserPoolId: OTHER_POOL, Username: email });
    return tokensOf(await api.passwordSignIn(email, PASSWORD, OTHER_CLIENT)).idToken;
  }

  it('is the local pool by default: a live ID token of another served pool gets 401', async () => {
    await twoPools();
    const foreign = await otherPoolIdToken();
    expect(claimsOf(foreign).iss).toBe(`${BASE}/${OTHER_POOL}`);
    expect(await ride(foreign)).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    expect((await ride(rider.idToken)).status).toBe(201);
  });

  it('is the pool rideApi.userPoolId names, whose tokens ride while the local pool gets 401', async () => {
    await twoPools({ userPoolId: OTHER_POOL });
    expect((await ride(await otherPoolIdToken())).status).toBe(201);
    expect(await ride(rider.idToken)).toMatchObject({
      status: 401,
      body: { message: 'Unauthorized' },
    });
  });

  it('must be a pool the config serves, and the group a group name', async () => {
    const refusal = (rideApi: unknown) => rejection(() => readEmulatorConfig({ rideApi }));
    expect(await refusal({ userPoolId: 'us-east-1_Nowhere1' })).toEqual(
      new ConfigError(
        `config.rideApi.userPoolId must be one of the pools served: ${DEFAULT_POOL_ID} (got "us-east-1_Nowhere1")`,
      ),
    );
    expect(await refusal({ userPoolId: DEFAULT_POOL_ID, requiredGroup: 'two words' })).toEqual(
      new ConfigError('config.rideApi.requiredGroup must be a group name (1 to 128 characters)'),
    );
    const served = await testEmulator({ config: { pools: [defaultPool()] } });
    const notServed = await rejection(
      Promise.resolve().then(() => rideApiRoutes(served, { userPoolId: 'us-east-1_Nowhere1' })),
    );
    expect(notServed).toEqual(
      new ConfigError("the ride API's pool us-east-1_Nowhere1 is not served"),
    );
  });
});

describe('a required group', () => {
  const forbidden = {
    status: 403,
    body: { Message: 'User is not authorized to access this resource with an explicit deny' },
  };

  beforeEach(async () => {
    await serve(
      readEmulatorConfig({ rideApi: { userPoolId: DEFAULT_POOL_ID, requiredGroup: 'Riders' } }),
    );
  });

  it('turns away a valid ID token of someone outside the group with 403, and lets them ride once a refresh shows the membership', async () => {
    const api = cognitoApi(handle, `${BASE}/`);
    const { idToken, refreshToken } = await signedInTokens();
    expect(await ride(idToken)).toMatchObject(forbidden);

    await api.call('CreateGroup', { UserPoolId: DEFAULT_POOL_ID, GroupName: 'Riders' });
    await api.call('AdminAddUserToGroup', {
      UserPoolId: DEFAULT_POOL_ID,
      GroupName: 'Riders',
      Username: 'rider@example.com',
    });
    // The token issued before the membership still lacks the claim, as Cognito's would.
    expect(await ride(idToken)).toMatchObject(forbidden);
    const refreshed = await api.refresh(refreshToken);
    expect((await ride(stringAt(refreshed.body, 'AuthenticationResult', 'IdToken'))).status).toBe(
      201,
    );
  });

  it('matches the group name exactly, as a check of the claim would', async () => {
    const api = cognitoApi(handle, `${BASE}/`);
    await api.call('CreateGroup', { UserPoolId: DEFAULT_POOL_ID, GroupName: 'riders' });
    await api.confirmedUser('lower@example.com', PASSWORD);
    await api.call('AdminAddUserToGroup', {
      UserPoolId: DEFAULT_POOL_ID,
      GroupName: 'riders',
      Username: 'lower@example.com',
    });
    const { idToken } = tokensOf(await api.passwordSignIn('lower@example.com', PASSWORD));
    expect(claimsOf(idToken)['cognito:groups']).toEqual(['riders']);
    expect(await ride(idToken)).toMatchObject(forbidden);
  });

  it('still answers 401 before any group check for a token that is not valid', async () => {
    expect(await ride(null)).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });
});
