/**
 * The one emulator fixture: a fresh emulator for every test behind msw, the pools' signing keys
 * made once per file, a clock that stands still unless the test moves it, the requests the code
 * under test sent, and the mailbox read by address and purpose.
 */
import type { CognitoUserPool } from 'amazon-cognito-identity-js';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  defaultClient,
  defaultConfig,
  defaultPool,
  type EmulatorConfig,
  type PoolConfig,
} from '../../emulator/core/config.ts';
import { Emulator, type EmulatorOptions } from '../../emulator/core/emulator.ts';
import { cognitoEndpoint, cognitoHandlers } from '../../emulator/msw.ts';
import { opensslModPow } from '../../emulator/node/modpow.ts';
import { nodeHashes } from '../../emulator/node/native-math.ts';
import { simpleWebAuthnVerifier } from '../../emulator/passkey-verifier.ts';
import { userPool } from './library.ts';
import { PASSWORD } from './passwords.ts';
import { type CognitoApi, cognitoApi, operationOf } from './wire.ts';

/** A code the emulator "sent". */
export type Mail = ReturnType<Emulator['mailbox']>[number];

/** What a code is for: signing up, a password reset, a new email… */
export type MailPurpose = Mail['purpose'];

type PoolData = ReturnType<Emulator['dump']>[string];

/** A pool where people choose usernames instead of signing in with their email; its one client. */
export const USERNAME_POOL = { id: 'local_Usernames', clientId: 'usernameclient' } as const;

/** The username pool's configuration, to serve beside (or instead of) the default pool. */
export function usernamePool(): PoolConfig {
  return defaultPool({
    id: USERNAME_POOL.id,
    name: 'Usernames',
    usernameAttributes: [],
    clients: [defaultClient({ id: USERNAME_POOL.clientId })],
  });
}

const emptyPools = new Map<string, Promise<PoolData>>();

/**
 * An empty pool holding this file's signing keys for `poolId`. An RSA key costs ~100 ms to make,
 * so every emulator of a test file reuses them; another pool id gets keys of its own.
 */
async function emptyPool(poolId: string): Promise<PoolData> {
  let pool = emptyPools.get(poolId);
  if (pool === undefined) {
    pool = Emulator.create({
      config: { pools: [defaultPool({ id: poolId })] },
      modPow: opensslModPow(),
    }).then((emulator) => {
      const data = emulator.dump()[poolId];
      if (data === undefined) throw new Error(`the emulator did not serve ${poolId}`);
      return data;
    });
    emptyPools.set(poolId, pool);
  }
  return structuredClone(await pool);
}

/**
 * An emulator as tests make one: Node's fast maths, and unless `data` says otherwise, empty
 * pools with this file's signing keys.
 */
export async function testEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = options.config ?? defaultConfig();
  const data =
    options.data ??
    Object.fromEntries(
      await Promise.all(config.pools.map(async ({ id }) => [id, await emptyPool(id)] as const)),
    );
  return Emulator.create({
    modPow: opensslModPow(),
    hashes: nodeHashes,
    passkeyVerifier: simpleWebAuthnVerifier,
    ...options,
    data,
  });
}

/** The mails sent to `to` (in any case) for `purpose`, oldest first. */
export function mailsTo(emulator: Emulator, to: string, purpose: MailPurpose = 'sign-up'): Mail[] {
  return emulator
    .mailbox()
    .filter((mail) => mail.to.toLowerCase() === to.toLowerCase() && mail.purpose === purpose);
}

/** The code of the newest mail to `to` for `purpose`; throws when none was sent. */
export function latestCode(
  emulator: Emulator,
  to: string,
  purpose: MailPurpose = 'sign-up',
): string {
  const mail = mailsTo(emulator, to, purpose).at(-1);
  if (mail === undefined) throw new Error(`no ${purpose} code was mailed to ${to}`);
  return mail.code;
}

/** A code of the same length that is certainly not `code`. */
export function otherCode(code: string): string {
  // Same length as the code: six digits for most codes, eight for an email sign-in code.
  return String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
}

/** The emulator's clock: it stands still unless the test moves it. */
export interface TestClock {
  /** The emulator's time, in ms since the epoch. */
  now(): number;
  /** Moves the emulator's time on. */
  advance(milliseconds: number): void;
}

/** One request that went out through msw, as it was sent. */
export interface SentRequest {
  readonly url: string;
  /** The X-Amz-Target operation, or '' for a request that is not a Cognito call. */
  readonly operation: string;
  /** The JSON body, once read (undefined for one that is not JSON). */
  readonly body: unknown;
}

/** How the emulators of a file start; restarts may change all but the clock. */
export interface FixtureOptions extends Omit<EmulatorOptions, 'now'> {
  /** Where msw mounts the emulator; Cognito's endpoint for the `local` region unless told. */
  baseUrl?: string;
  /** Where every test's clock starts, in ms; the real time when the test starts unless told. */
  startAt?: number;
}

/** The emulator around each test of a file. */
export interface EmulatorFixture {
  /** This test's emulator (before the tests, the file's own, for `beforeAll` set-up). */
  readonly emulator: Emulator;
  /** Where msw serves the emulator, without a trailing slash. */
  readonly endpoint: string;
  readonly server: SetupServer;
  readonly clock: TestClock;
  /** The JSON API through msw, its helpers filled in with the default pool's ids. */
  readonly api: CognitoApi;
  /** A library pool object for the first pool and client, with a storage of its own per test. */
  readonly pool: CognitoUserPool;
  /** The requests this test sent through msw, in order. */
  readonly requests: SentRequest[];
  /** Replaces this test's emulator (e.g. with another config, or the data of the last one). */
  restart(options?: Omit<EmulatorOptions, 'now'>): Promise<void>;
  /** The mails sent to `to` for `purpose`, oldest first. */
  mails(to: string, purpose?: MailPurpose): Mail[];
  /** The code of the newest mail to `to` for `purpose`. */
  code(to: string, purpose?: MailPurpose): string;
  /** A user who signed up (through the first client, as another browser would) unconfirmed. */
  unconfirmedUser(email: string, password?: string): Promise<void>;
  /** A user who signed up and confirmed the email with the mailed code. */
  confirmedUser(email: string, password?: string): Promise<void>;
}

/**
 * Wires msw around the calling file (`onUnhandledRequest: 'error'`) and puts a fresh emulator
 * behind it before every test: no users, no mail, the clock at its start. One more starts before
 * the file's tests, for `beforeAll` set-up such as a token the whole file shares. Tests may still
 * `server.use(...)` handlers of their own in front of it, for what the emulator cannot do (a
 * network failure, a broken proxy); handlers and listeners go after each test.
 */
export function useEmulator(options: FixtureOptions = {}): EmulatorFixture {
  const { baseUrl = cognitoEndpoint('local'), startAt, ...base } = options;
  const endpoint = baseUrl.replace(/\/+$/, '');
  const server = setupServer();
  const requests: SentRequest[] = [];
  let time = startAt ?? Date.now();
  let current: { emulator: Emulator; config: EmulatorConfig } | undefined;
  let pool: CognitoUserPool | undefined;

  const started = () => {
    if (current === undefined) throw new Error('the emulator starts before the tests');
    return current;
  };
  /** The first pool of the running config and its first client, where fixture users sign up. */
  const firstClient = () => {
    const [poolConfig] = started().config.pools;
    const [client] = poolConfig?.clients ?? [];
    if (poolConfig === undefined || client === undefined) throw new Error('no app client');
    return { poolId: poolConfig.id, clientId: client.id };
  };
  const call = (operation: string, input: Record<string, unknown>) =>
    started().emulator.call(operation, input, { baseUrl: endpoint });

  const fixture: EmulatorFixture = {
    get emulator() {
      return started().emulator;
    },
    endpoint,
    server,
    clock: {
      now: () => time,
      advance(milliseconds) {
        time += milliseconds;
      },
    },
    // msw puts its own fetch in place at `listen`, so the global is looked up at each call.
    api: cognitoApi((request) => fetch(request), `${endpoint}/`),
    get pool() {
      if (pool === undefined) throw new Error('the library pool is made before each test');
      return pool;
    },
    requests,

    async restart(more = {}) {
      const config = more.config ?? base.config ?? defaultConfig();
      const emulator = await testEmulator({ ...base, ...more, config, now: () => time });
      current = { emulator, config };
      server.resetHandlers(...cognitoHandlers(emulator, endpoint, config.rideApi));
    },

    mails: (to, purpose) => mailsTo(fixture.emulator, to, purpose),
    code: (to, purpose) => latestCode(fixture.emulator, to, purpose),

    async unconfirmedUser(email, password = PASSWORD) {
      await call('SignUp', {
        ClientId: firstClient().clientId,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
    },

    async confirmedUser(email, password = PASSWORD) {
      await fixture.unconfirmedUser(email, password);
      await call('ConfirmSignUp', {
        ClientId: firstClient().clientId,
        Username: email,
        ConfirmationCode: fixture.code(email),
      });
    },
  };

  /** Notes each request and, once read, its JSON body. */
  const record = ({ request }: { request: Request }) => {
    const sent = { url: request.url, operation: operationOf(request), body: undefined as unknown };
    requests.push(sent);
    void request
      .clone()
      .json()
      .then(
        (body: unknown) => {
          sent.body = body;
        },
        () => {},
      );
  };

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    await fixture.restart();
  });
  beforeEach(async () => {
    time = startAt ?? Date.now();
    requests.length = 0;
    server.events.on('request:start', record);
    await fixture.restart();
    const { poolId, clientId } = firstClient();
    pool = userPool(clientId, poolId);
  });
  afterEach(() => {
    server.resetHandlers();
    server.events.removeAllListeners();
  });
  afterAll(() => server.close());
  return fixture;
}
