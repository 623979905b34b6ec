/**
 * Once for every browser test file: the standalone emulator, the production builds the tests
 * serve, and the Amplify-like host (customHttp.yml's headers, the emulator on the same origin).
 *
 * - `unconfiguredBuild`: no `VITE_*` settings, as the workshop's order of steps first deploys it.
 * - `emulatorBuild`: configured to the standalone emulator on its own origin (CORS), ride API
 *   included, as a developer points a production build at `npm run emulator`.
 * - `noApiBuild`: the same pool, no `VITE_API_INVOKE_URL` yet.
 * - the hosted build: configured to the emulator through the host's own origin, served with the
 *   security headers at `/` and at `/bucket/`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { startServer } from '../../emulator/node/server.ts';
import { LOCAL_POOL } from './emulator-client.ts';
import { amplifyHeaders, serveLikeAmplify } from './hosting.ts';
import { buildSite } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the production build made without any configuration. */
    unconfiguredBuild: string;
    /** The build configured to the standalone emulator at `emulatorUrl`, with the ride API. */
    emulatorBuild: string;
    /** The build configured to the standalone emulator, without the ride API. */
    noApiBuild: string;
    /** The standalone emulator (`npm run emulator`, in memory), ending in `/`. */
    emulatorUrl: string;
    /** The Amplify-like host of the same-origin build: its root URL, ending in `/`. */
    hostedUrl: string;
    /** The same files under a sub-path of the host, like an S3 path-style URL. */
    hostedSubPath: string;
    /** The run's random part of every test address: `E2E_SEED`, or chosen and printed. */
    runSeed: string;
  }
}

/** The host's sub-path, like `https://s3.amazonaws.com/BUCKET/`. */
const SUB_PATH = '/bucket/';

/** `E2E_SEED` when it is set (to replay a run), else a new one; printed either way. */
function runSeed(): string {
  const given = process.env.E2E_SEED;
  if (given !== undefined && !/^[a-z0-9]{1,16}$/.test(given)) {
    throw new Error(`E2E_SEED must be 1–16 lowercase letters and digits, not "${given}"`);
  }
  const seed = given ?? randomBytes(4).toString('hex');
  console.log(`Browser tests: run seed ${seed} (E2E_SEED=${seed} npm run test:e2e replays it)`);
  return seed;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folders: string[] = [];
  const folder = (): string => {
    const made = mkdtempSync(join(tmpdir(), 'wild-rydes-dist-'));
    folders.push(made);
    return made;
  };
  const emulator = await startServer(await createNodeEmulator(), { port: 0 });
  const emulatorUrl = `${emulator.url}/`;
  const hostedBuild = folder();
  const hosted = await serveLikeAmplify({
    outDir: hostedBuild,
    headers: amplifyHeaders(),
    subPath: SUB_PATH,
    emulator: emulator.url,
  });
  const teardown = async (): Promise<void> => {
    await Promise.all([hosted.close(), emulator.close()]);
    for (const made of folders) rmSync(made, { recursive: true, force: true });
  };

  try {
    const pool = {
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_USER_POOL_CLIENT_ID: LOCAL_POOL.clientId,
    };
    const builds = {
      unconfiguredBuild: { dir: folder(), env: {} },
      emulatorBuild: {
        dir: folder(),
        env: { ...pool, VITE_COGNITO_ENDPOINT: emulatorUrl, VITE_API_INVOKE_URL: emulator.url },
      },
      noApiBuild: { dir: folder(), env: { ...pool, VITE_COGNITO_ENDPOINT: emulatorUrl } },
      hostedBuild: {
        dir: hostedBuild,
        env: {
          ...pool,
          VITE_COGNITO_ENDPOINT: hosted.emulatorBase,
          VITE_API_INVOKE_URL: hosted.emulatorBase,
        },
      },
    };
    // One after another: a build swaps process.env around itself.
    for (const { dir, env } of Object.values(builds)) await buildSite(dir, env);
    project.provide('unconfiguredBuild', builds.unconfiguredBuild.dir);
    project.provide('emulatorBuild', builds.emulatorBuild.dir);
    project.provide('noApiBuild', builds.noApiBuild.dir);
    project.provide('emulatorUrl', emulatorUrl);
    project.provide('hostedUrl', hosted.url);
    project.provide('hostedSubPath', new URL(SUB_PATH, hosted.url).href);
    project.provide('runSeed', runSeed());
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
