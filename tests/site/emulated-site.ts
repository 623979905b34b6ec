/**
 * The site as `npm run dev` serves it, without a server: the real emulator (Cognito and the ride
 * API) mounted under `/emulator` on the site's origin through msw, and the configuration the site
 * derives for that origin. Riders are registered, confirmed and signed in through the real
 * library, so their ID tokens are real.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { webRandomBytes } from '../../emulator/core/crypto.ts';
import { Emulator } from '../../emulator/core/emulator.ts';
import { generateSigningKey, type PoolKeys } from '../../emulator/core/tokens.ts';
import { cognitoHandlers } from '../../emulator/msw.ts';
import { opensslModPow } from '../../emulator/node/modpow.ts';
import { nodeHashes } from '../../emulator/node/native-math.ts';
import { type Auth, createAuth } from '../../src/cognito-auth.ts';
import { readConfig, type SiteConfig } from '../../src/config.ts';
import { memoryStorage } from './helpers.ts';

/** The site's origin in tests. */
export const ORIGIN = 'http://wildrydes.test';
export const PASSWORD = 'Giddy-Up-2026!';

/** The emulator's fleet, in the order its dice pick from. */
export const FLEET = ['Bucephalus', 'Shadowfax', 'Rocinante'] as const;

/** The emulated site around each test of the calling file. */
export interface EmulatedSite {
  readonly server: ReturnType<typeof setupServer>;
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

let sharedKeys: PoolKeys | undefined;

/** Wires msw and a fresh emulator (fresh users, mailbox and clock) around every test. */
export function useEmulatedSite(): EmulatedSite {
  const result = readConfig({ DEV: true }, ORIGIN);
  if (!result.ok) throw result.error;
  let emulator: Emulator | undefined;
  const site: EmulatedSite = {
    server: setupServer(),
    config: result.config,
    clock: 0,
    unicorn: null,
    rideUrl: `${result.config.api.invokeUrl}/ride`,
    get emulator() {
      if (emulator === undefined) throw new Error('the emulator starts before each test');
      return emulator;
    },
  };

  beforeAll(() => site.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => site.server.close());
  beforeEach(async () => {
    // Key generation is the slow part of a fresh emulator; every test may share the key pairs.
    sharedKeys ??= { id: await generateSigningKey(), access: await generateSigningKey() };
    site.clock = Date.now();
    site.unicorn = null;
    emulator = await Emulator.create({
      data: {
        [DEFAULT_POOL_ID]: {
          key: sharedKeys.id,
          accessKey: sharedKeys.access,
          users: [],
          sessions: [],
          groups: [],
          memberships: [],
        },
      },
      now: () => site.clock,
      // The ride API rolls one byte for the unicorn and asks for no other single byte.
      randomBytes: (length) =>
        length === 1 && site.unicorn !== null
          ? Uint8Array.of(site.unicorn)
          : webRandomBytes(length),
      modPow: opensslModPow(),
      hashes: nodeHashes,
    });
    site.server.resetHandlers(...cognitoHandlers(emulator, `${ORIGIN}/emulator`));
  });
  afterEach(() => {
    site.server.resetHandlers();
    site.server.events.removeAllListeners();
  });
  return site;
}

/** A signed-in rider: registered, confirmed with the mailed code, and signed in with SRP. */
export async function signedInRider(
  site: EmulatedSite,
  email = 'rider@example.com',
): Promise<{ auth: Auth; storage: ReturnType<typeof memoryStorage>; idToken: string }> {
  const storage = memoryStorage();
  const auth = createAuth({ cognito: site.config.cognito, storage });
  await auth.register(email, PASSWORD);
  const code = site.emulator
    .mailbox()
    .filter((mail) => mail.to === email && mail.purpose === 'sign-up')
    .at(-1)?.code;
  if (code === undefined) throw new Error(`no sign-up code was mailed to ${email}`);
  await auth.verify(email, code);
  await auth.signIn(email, PASSWORD);
  const idToken = await auth.getIdToken();
  if (idToken === null) throw new Error('signed in, but the library has no ID token');
  return { auth, storage, idToken };
}

/** The claims of a JWT, unverified (the emulator has verified it). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
