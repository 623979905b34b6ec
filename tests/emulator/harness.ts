/** Shared set-up for emulator tests: an emulator per test behind msw, and the real library. */

import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
  type ISignUpResult,
} from 'amazon-cognito-identity-js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  type EmulatorConfig,
} from '../../emulator/core/config.ts';
import { Emulator, type EmulatorOptions } from '../../emulator/core/emulator.ts';
import type { Mail } from '../../emulator/core/pool/pool.ts';
import { generateSigningKey, type PoolKeys } from '../../emulator/core/tokens.ts';
import { cognitoHandlers } from '../../emulator/msw.ts';
import { opensslModPow } from '../../emulator/node/modpow.ts';
import { nodeHashes } from '../../emulator/node/native-math.ts';

export const PASSWORD = 'Corret-Horse-9';
export const ISSUER = `https://cognito-idp.local.amazonaws.com/${DEFAULT_POOL_ID}`;

/** A storage object per test, so library sessions never leak between tests. */
export function memoryStorage(): ICognitoStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    setItem: (key, value) => void data.set(key, value),
    getItem: (key) => data.get(key) ?? null,
    removeItem: (key) => void data.delete(key),
    clear: () => data.clear(),
  };
}

let sharedKeys: PoolKeys | undefined;

/** Key generation costs ~100 ms, so tests share the two key pairs unless they ask otherwise. */
async function testKeys(): Promise<PoolKeys> {
  sharedKeys ??= { id: await generateSigningKey(), access: await generateSigningKey() };
  return sharedKeys;
}

export interface Harness {
  emulator: Emulator;
  server: ReturnType<typeof setupServer>;
  pool: CognitoUserPool;
  storage: ReturnType<typeof memoryStorage>;
  /** Replaces the emulator (e.g. with another config); the msw handlers follow. */
  restart(options?: EmulatorOptions & { config?: EmulatorConfig }): Promise<void>;
}

/** Wires msw and a fresh emulator around every test of the calling file. */
export function useEmulator(options: EmulatorOptions = {}): Harness {
  const server = setupServer();
  const harness = { server } as Harness;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  harness.restart = async (more = {}) => {
    const keys = await testKeys();
    const merged = { modPow: opensslModPow(), hashes: nodeHashes, ...options, ...more };
    const pools = (merged.config?.pools ?? [{ id: DEFAULT_POOL_ID }]).map((p) => p.id);
    const empty = { users: [], sessions: [], groups: [], memberships: [] };
    const data = Object.fromEntries(
      pools.map((id) => [id, { key: keys.id, accessKey: keys.access, ...empty }]),
    );
    harness.emulator = await Emulator.create({ data, ...merged });
    server.resetHandlers(...cognitoHandlers(harness.emulator));
  };
  beforeEach(async () => {
    await harness.restart();
    harness.storage = memoryStorage();
    harness.pool = userPool(DEFAULT_CLIENT_ID, harness.storage);
  });
  afterEach(() => {
    server.resetHandlers();
    server.events.removeAllListeners();
  });
  return harness;
}

/** A library pool object for the default pool and the given app client. */
export function userPool(
  clientId: string,
  storage: ICognitoStorage,
  poolId = DEFAULT_POOL_ID,
): CognitoUserPool {
  return new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, Storage: storage });
}

/** The library's error shape: a plain Error with a Cognito `code`. */
export interface LibraryError extends Error {
  code: string;
}

/** SignUp through the library, with email as username. */
export function signUp(
  pool: CognitoUserPool,
  email: string,
  password = PASSWORD,
): Promise<ISignUpResult> {
  return new Promise((resolve, reject) => {
    const attributes = [new CognitoUserAttribute({ Name: 'email', Value: email })];
    pool.signUp(email, password, attributes, [], (err, result) =>
      err || !result ? reject(err) : resolve(result),
    );
  });
}

/** A CognitoUser for this email in the pool. */
export function user(pool: CognitoUserPool, email: string): CognitoUser {
  return new CognitoUser({
    Username: email,
    Pool: pool,
    Storage: (pool as unknown as { storage: ICognitoStorage }).storage,
  });
}

/** ConfirmSignUp through the library. */
export function confirm(pool: CognitoUserPool, email: string, code: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).confirmRegistration(code, true, (err, result) =>
      err ? reject(err) : resolve(result),
    ),
  );
}

/** ResendConfirmationCode through the library. */
export function resend(pool: CognitoUserPool, email: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).resendConfirmationCode((err, result) =>
      err ? reject(err) : resolve(result),
    ),
  );
}

/** SRP sign-in through the library; resolves with the session and the CognitoUser. */
export function signIn(
  pool: CognitoUserPool,
  email: string,
  password = PASSWORD,
): Promise<{ session: CognitoUserSession; cognitoUser: CognitoUser }> {
  const cognitoUser = user(pool, email);
  return new Promise((resolve, reject) =>
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: email, Password: password }),
      {
        onSuccess: (session) => resolve({ session, cognitoUser }),
        onFailure: reject,
        newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      },
    ),
  );
}

/** The newest code mailed to this address for the purpose. */
export function latestCode(
  emulator: Emulator,
  to: string,
  purpose: Mail['purpose'] = 'sign-up',
): string {
  const mail = emulator
    .mailbox()
    .filter((m) => m.to.toLowerCase() === to.toLowerCase() && m.purpose === purpose)
    .at(-1);
  if (!mail) throw new Error(`no ${purpose} mail to ${to}`);
  return mail.code;
}

/** Signs up and confirms a user, ready to sign in. */
export async function registeredUser(
  h: Harness,
  email: string,
  password = PASSWORD,
): Promise<void> {
  await signUp(h.pool, email, password);
  await confirm(h.pool, email, latestCode(h.emulator, email));
}

/** Awaits a promise expected to reject and returns the rejection. */
export async function failure<T = LibraryError>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('expected a failure, but it succeeded');
}
