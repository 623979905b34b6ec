/**
 * The emulator as the site's tests meet it, made by the one fixture of tests/support: the test
 * pool at the test endpoint (for the auth client and the form pages), and the whole emulator
 * under /emulator on the site's origin as `npm run dev` mounts it (for the ride API and page).
 */
import type { SetupServer } from 'msw/node';
import { beforeEach } from 'vitest';
import { type ClientConfig, defaultClient, defaultPool } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { type Auth, createAuth } from '../../src/cognito-auth.ts';
import { readConfig, type SiteConfig } from '../../src/config.ts';
import { createSignUp } from '../../src/sign-up.ts';
import { type EmulatorFixture, latestCode, useEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { type MemoryStorage, memoryStorage } from '../support/storage.ts';
import { stringAt } from '../support/wire.ts';
import { ENDPOINT, TEST_CLIENT_ID, TEST_POOL_ID } from './helpers.ts';

/** The emulated Cognito of the current test, serving the test pool at the test endpoint. */
export interface EmulatedCognito
  extends Pick<
    EmulatorFixture,
    | 'emulator'
    | 'clock'
    | 'server'
    | 'requests'
    | 'mails'
    | 'code'
    | 'unconfirmedUser'
    | 'confirmedUser'
  > {
  /** Operation names of the requests the site sent, in order. */
  readonly operations: string[];
  /** Replaces this test's emulator with one whose app client has these settings. */
  restart(client?: Partial<ClientConfig>): Promise<void>;
  /** The pool's users as the console lists them: email and status. */
  users(): Promise<{ email: string; status: string }[]>;
}

/** The test pool with its one app client, given these settings. */
function testPool(client: Partial<ClientConfig> = {}) {
  return {
    pools: [
      defaultPool({
        id: TEST_POOL_ID,
        clients: [defaultClient({ id: TEST_CLIENT_ID, ...client })],
      }),
    ],
  };
}

/** The email attribute of a user as ListUsers lists one. */
function emailOf(user: unknown): string {
  const attributes =
    typeof user === 'object' && user !== null && 'Attributes' in user ? user.Attributes : [];
  const email = (Array.isArray(attributes) ? attributes : []).find(
    (attribute: unknown) => stringAt(attribute, 'Name') === 'email',
  );
  return email === undefined ? '' : stringAt(email, 'Value');
}

/** A fresh emulated test pool before every test of the calling file. */
export function useEmulatedCognito(): EmulatedCognito {
  const fixture = useEmulator({ baseUrl: ENDPOINT, config: testPool() });
  return {
    get emulator() {
      return fixture.emulator;
    },
    clock: fixture.clock,
    server: fixture.server,
    get operations() {
      return fixture.requests.map((request) => request.operation);
    },
    requests: fixture.requests,
    restart: (client) => fixture.restart({ config: testPool(client) }),
    mails: fixture.mails,
    code: fixture.code,
    unconfirmedUser: fixture.unconfirmedUser,
    confirmedUser: fixture.confirmedUser,
    async users() {
      const listed = await fixture.emulator.call(
        'ListUsers',
        { UserPoolId: TEST_POOL_ID },
        { baseUrl: ENDPOINT },
      );
      const users: unknown[] = Array.isArray(listed.Users) ? listed.Users : [];
      return users.map((user) => ({ email: emailOf(user), status: stringAt(user, 'UserStatus') }));
    },
  };
}

/** The site's origin in tests. */
export const ORIGIN = 'http://wildrydes.test';

/** The emulator's fleet, in the order its dice pick from. */
export const FLEET = ['Bucephalus', 'Shadowfax', 'Rocinante'] as const;

/** The emulated site around each test of the calling file. */
export interface EmulatedSite {
  readonly server: SetupServer;
  readonly emulator: Emulator;
  /** The configuration the site reads in dev on ORIGIN (Cognito and rides under /emulator). */
  readonly config: SiteConfig;
  /** The emulator's clock, in ms; tests move it to expire tokens. */
  clock: number;
  /** The unicorn the next ride gets (an index into FLEET); random when null. */
  unicorn: number | null;
  /** The URL of the ride endpoint. */
  readonly rideUrl: string;
}

/** The site as `npm run dev` serves it, with a fresh emulator (users, mailbox, clock) per test. */
export function useEmulatedSite(): EmulatedSite {
  const result = readConfig({ DEV: true }, ORIGIN);
  if (!result.ok) throw result.error;
  let unicorn: number | null = null;
  const fixture = useEmulator({
    baseUrl: `${ORIGIN}/emulator`,
    // The ride API rolls one byte for the unicorn and asks for no other single byte.
    randomBytes: (length) =>
      length === 1 && unicorn !== null
        ? Uint8Array.of(unicorn)
        : crypto.getRandomValues(new Uint8Array(length)),
  });
  beforeEach(() => {
    unicorn = null;
  });
  return {
    server: fixture.server,
    get emulator() {
      return fixture.emulator;
    },
    config: result.config,
    get clock() {
      return fixture.clock.now();
    },
    set clock(time) {
      fixture.clock.advance(time - fixture.clock.now());
    },
    get unicorn() {
      return unicorn;
    },
    set unicorn(index) {
      unicorn = index;
    },
    rideUrl: `${result.config.api.invokeUrl}/ride`,
  };
}

/** A signed-in rider: registered, confirmed with the mailed code, and signed in with SRP. */
export async function signedInRider(
  site: EmulatedSite,
  email = 'rider@example.com',
): Promise<{ auth: Auth; storage: MemoryStorage; idToken: string }> {
  const storage = memoryStorage();
  const auth = createAuth({ cognito: site.config.cognito, storage });
  const signUp = createSignUp({ cognito: site.config.cognito });
  await signUp.register(email, PASSWORD);
  await signUp.verify(email, latestCode(site.emulator, email));
  await auth.signIn(email, PASSWORD);
  const idToken = await auth.getIdToken();
  if (idToken === null) throw new Error('signed in, but the library has no ID token');
  return { auth, storage, idToken };
}
