/**
 * Client sign-in cost: one SRP sign-in with the real amazon-cognito-identity-js against the
 * emulator (through msw, in process), split into the server's share and the client's (the
 * library's SRP math plus its request handling), median of several; and a long run of sign-ins
 * that counts any SRP failure.
 */

import type * as Library from 'amazon-cognito-identity-js';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../emulator/core/config.ts';
import { createHttpHandler } from '../emulator/core/http.ts';
import { createNodeEmulator } from '../emulator/node/node-emulator.ts';
import { createConfirmedUser } from './srp-client.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Median total, server and client milliseconds of `runs` sign-ins with `library`, the first
 * (cold) one, and how many failed.
 */
export async function measureClientSignIn(library: typeof Library, runs: number) {
  const { AuthenticationDetails, CognitoUser, CognitoUserPool } = library;
  const emulator = await createNodeEmulator();
  const handle = createHttpHandler(emulator);
  let serverMs = 0;
  const server = setupServer(
    http.post('https://cognito-idp.local.amazonaws.com/', async ({ request }) => {
      const started = performance.now();
      const response = await handle(request);
      serverMs += performance.now() - started;
      return response;
    }),
  );
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const email = 'client@bench.test';
    const password = 'Bench-Passw0rd!';
    await createConfirmedUser(
      (operation, body) => emulator.call(operation, body, { baseUrl: 'http://bench' }),
      email,
      password,
    );
    const pool = new CognitoUserPool({ UserPoolId: DEFAULT_POOL_ID, ClientId: DEFAULT_CLIENT_ID });
    const samples: { total: number; server: number }[] = [];
    const failures: string[] = [];
    for (let i = 0; i <= runs; i++) {
      serverMs = 0;
      const started = performance.now();
      try {
        await new Promise<void>((resolve, reject) =>
          new CognitoUser({ Username: email, Pool: pool }).authenticateUser(
            new AuthenticationDetails({ Username: email, Password: password }),
            { onSuccess: () => resolve(), onFailure: reject },
          ),
        );
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
      samples.push({ total: performance.now() - started, server: serverMs });
    }
    const [cold, ...warm] = samples;
    const total = median(warm.map((s) => s.total));
    const serverShare = median(warm.map((s) => s.server));
    return {
      coldMs: cold?.total ?? Number.NaN,
      totalMs: total,
      serverMs: serverShare,
      clientMs: total - serverShare,
      signIns: samples.length,
      failures,
    };
  } finally {
    server.close();
  }
}
