/**
 * Emulator data: sign-ups per second through the standalone server with persistence on, and
 * the data folder's size and start-up time with 10,000 users.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../emulator/core/config.ts';
import { createNodeEmulator } from '../emulator/node/node-emulator.ts';
import { cognitoCaller } from './srp-client.ts';

/** Starts `npm run emulator`'s program as a child; resolves once it prints its URL. */
export async function startEmulatorProcess(
  args: string[],
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'emulator/node/cli.ts', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const match = /on (http:\/\/\S+)/.exec(line);
    if (match?.[1]) {
      // Keep draining stdout (codes are printed there) so the child never blocks on a full pipe.
      child.stdout?.resume();
      return { child, url: match[1], startMs: performance.now() - started };
    }
  }
  throw new Error('emulator exited before printing its URL');
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Sign-ups per second at concurrency 8 for `seconds`, with a data folder. */
export async function measureSignUps(
  seconds: number,
): Promise<{ perSecond: number; count: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wildrydes-signups-'));
  const { child, url } = await startEmulatorProcess(['--data-dir', dataDir, '--port', '0']);
  try {
    const call = cognitoCaller(url);
    let count = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; performance.now() < deadline; i++) {
          await call('SignUp', {
            ClientId: DEFAULT_CLIENT_ID,
            Username: `new${worker}.${i}@bench.test`,
            Password: 'Bench-Passw0rd!',
          });
          count += 1;
        }
      }),
    );
    return { perSecond: count / ((performance.now() - started) / 1000), count };
  } finally {
    child.kill('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Data size and start-up time of a folder holding `users` confirmed users. */
export async function measureLargePool(users: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wildrydes-large-'));
  try {
    const seeding = await createNodeEmulator({ dataDir });
    for (let i = 0; i < users; i++) {
      await seeding.call(
        'AdminCreateUser',
        { UserPoolId: DEFAULT_POOL_ID, Username: `user${i}@bench.test`, MessageAction: 'SUPPRESS' },
        { baseUrl: 'http://bench' },
      );
    }
    const bytes = folderBytes(dataDir);
    const opened = performance.now();
    const reopened = await createNodeEmulator({ dataDir });
    const openMs = performance.now() - opened;
    const compactedBytes = folderBytes(dataDir);
    const count = [...reopened.pool(DEFAULT_POOL_ID).store.allUsers()].length;
    // This process holds the folder's lock now, so the child starts on a copy of it.
    const copy = `${dataDir}-copy`;
    cpSync(dataDir, copy, {
      recursive: true,
      filter: (source) => !source.endsWith('emulator.lock'),
    });
    const { child, startMs } = await startEmulatorProcess(['--data-dir', copy, '--port', '0']);
    child.kill('SIGINT');
    return { users: count, bytes, compactedBytes, openMs, processStartMs: startMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-copy`, { recursive: true, force: true });
  }
}
