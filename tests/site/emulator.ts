/**
 * The local Cognito emulator behind msw for the site's tests: a fresh user pool per test at the
 * test endpoint, a clock the test moves, the mailbox to read codes from, and fixtures made
 * through the emulator's own API (as another browser, or the console, would make them).
 */
import { beforeEach } from 'vitest';
import { type ClientConfig, defaultClient, defaultPool } from '../../emulator/core/config.ts';
import { Emulator } from '../../emulator/core/emulator.ts';
import { isJsonObject, type Json } from '../../emulator/core/input.ts';
import type { Mail } from '../../emulator/core/pool/pool.ts';
import { generateSigningKey, type PoolKeys } from '../../emulator/core/tokens.ts';
import { cognitoHandlers } from '../../emulator/msw.ts';
import { opensslModPow } from '../../emulator/node/modpow.ts';
import { nodeHashes } from '../../emulator/node/native-math.ts';
import { ENDPOINT, operationOf, TEST_CLIENT_ID, TEST_POOL_ID, useNetwork } from './helpers.ts';

/** A password that meets the pool's policy. */
export const PASSWORD = 'Giddy-Up-42';

/** A clock the emulator reads; it stands still unless the test moves it. */
export interface TestClock {
  now(): number;
  advance(milliseconds: number): void;
}

/** One request that reached the emulator, as the browser sent it. */
export interface SentRequest {
  readonly url: string;
  readonly operation: string;
  readonly body: unknown;
}

/** The emulated Cognito of the current test. */
export interface EmulatedCognito {
  /** The emulator answering this test (a new one for every test). */
  readonly emulator: Emulator;
  readonly clock: TestClock;
  readonly server: ReturnType<typeof useNetwork>['server'];
  /** Operation names of the requests the site sent, in order. */
  readonly operations: string[];
  /** Where the site sent each request, the operation and the body, in order. */
  readonly requests: SentRequest[];
  /** Replaces this test's emulator with one whose app client has these settings. */
  restart(client?: Partial<ClientConfig>): Promise<void>;
  /** Codes mailed to `to` for `purpose`, oldest first. */
  mails(to: string, purpose?: Mail['purpose']): Mail[];
  /** The newest code mailed to `to` for `purpose`. */
  code(to: string, purpose?: Mail['purpose']): string;
  /** The pool's users as the console lists them: email and status. */
  users(): Promise<{ email: string; status: string }[]>;
  /** A user who signed up elsewhere and has not confirmed the email yet. */
  unconfirmedUser(email: string, password?: string): Promise<void>;
  /** A user who signed up elsewhere and confirmed the email with the mailed code. */
  confirmedUser(email: string, password?: string): Promise<void>;
}

let sharedKeys: PoolKeys | undefined;

/** An RSA key costs ~100 ms to make, so every emulator of a test file shares the same two. */
async function testKeys(): Promise<PoolKeys> {
  sharedKeys ??= { id: await generateSigningKey(), access: await generateSigningKey() };
  return sharedKeys;
}

function testClock(): TestClock {
  let time = Date.now();
  return {
    now: () => time,
    advance(milliseconds) {
      time += milliseconds;
    },
  };
}

/**
 * Puts a fresh emulator behind msw at the test endpoint before every test of the calling file.
 * Tests may still `server.use(...)` handlers of their own in front of it, for what the emulator
 * cannot do (a network failure, a broken proxy).
 */
export function useEmulatedCognito(): EmulatedCognito {
  const network = useNetwork();
  const requests: SentRequest[] = [];
  network.server.events.on('request:start', ({ request }) => {
    const entry = { url: request.url, operation: operationOf(request), body: undefined as unknown };
    requests.push(entry);
    void request
      .clone()
      .json()
      .then(
        (body: unknown) => {
          entry.body = body;
        },
        () => {},
      );
  });

  let current: { emulator: Emulator; clock: TestClock } | undefined;
  const state = () => {
    if (current === undefined) throw new Error('the emulator starts in beforeEach');
    return current;
  };

  const call = async (operation: string, input: Json): Promise<Json> =>
    state().emulator.call(operation, input, { baseUrl: ENDPOINT.replace(/\/$/, '') });

  const cognito: EmulatedCognito = {
    get emulator() {
      return state().emulator;
    },
    get clock() {
      return state().clock;
    },
    server: network.server,
    operations: network.operations,
    requests,

    async restart(client = {}) {
      const clock = testClock();
      const keys = await testKeys();
      const emulator = await Emulator.create({
        config: {
          pools: [
            defaultPool({
              id: TEST_POOL_ID,
              clients: [defaultClient({ id: TEST_CLIENT_ID, ...client })],
            }),
          ],
        },
        data: {
          [TEST_POOL_ID]: {
            key: keys.id,
            accessKey: keys.access,
            users: [],
            sessions: [],
            groups: [],
            memberships: [],
          },
        },
        now: clock.now,
        modPow: opensslModPow(),
        hashes: nodeHashes,
      });
      current = { emulator, clock };
      network.server.resetHandlers(...cognitoHandlers(emulator, ENDPOINT));
    },

    mails(to, purpose = 'sign-up') {
      return state()
        .emulator.mailbox()
        .filter((mail) => mail.to.toLowerCase() === to.toLowerCase() && mail.purpose === purpose);
    },

    code(to, purpose = 'sign-up') {
      const mail = cognito.mails(to, purpose).at(-1);
      if (mail === undefined) throw new Error(`no ${purpose} code was mailed to ${to}`);
      return mail.code;
    },

    async users() {
      const answer = await call('ListUsers', { UserPoolId: TEST_POOL_ID });
      const users = isJsonObject(answer) && Array.isArray(answer.Users) ? answer.Users : [];
      return users.map((user) => {
        if (!isJsonObject(user) || !Array.isArray(user.Attributes)) throw new Error('odd user');
        const email = user.Attributes.find((a) => isJsonObject(a) && a.Name === 'email');
        return {
          email: isJsonObject(email) ? String(email.Value) : '',
          status: String(user.UserStatus),
        };
      });
    },

    async unconfirmedUser(email, password = PASSWORD) {
      await call('SignUp', {
        ClientId: TEST_CLIENT_ID,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
    },

    async confirmedUser(email, password = PASSWORD) {
      await cognito.unconfirmedUser(email, password);
      await call('ConfirmSignUp', {
        ClientId: TEST_CLIENT_ID,
        Username: email,
        ConfirmationCode: cognito.code(email),
      });
    },
  };

  beforeEach(async () => {
    await cognito.restart();
    requests.length = 0;
  });
  return cognito;
}

/** A six-digit code that is certainly not `code`. */
export function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
