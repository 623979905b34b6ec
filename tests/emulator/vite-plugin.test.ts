/**
 * The dev-server mount: where its data goes (plugin option, EMULATOR_DATA_DIR, or the default
 * folder), and that it stays off inside Vitest unless a test names a data folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { cognitoEmulator, DEV_SERVER_DATA_DIR, devDataDir } from '../../emulator/vite.ts';

describe('the dev server emulator’s data folder', () => {
  it('is .emulator/dev-server when nothing says otherwise', () => {
    expect(devDataDir(undefined, {})).toBe(DEV_SERVER_DATA_DIR);
    expect(DEV_SERVER_DATA_DIR).toBe('.emulator/dev-server');
    expect(devDataDir(undefined, { EMULATOR_DATA_DIR: '  ' })).toBe(DEV_SERVER_DATA_DIR);
  });

  it('is nowhere (memory) for EMULATOR_DATA_DIR=memory', () => {
    expect(devDataDir(undefined, { EMULATOR_DATA_DIR: 'memory' })).toBeNull();
  });

  it('is the folder EMULATOR_DATA_DIR names', () => {
    expect(devDataDir(undefined, { EMULATOR_DATA_DIR: '/tmp/pool' })).toBe('/tmp/pool');
  });

  it('is what the plugin option says, whatever EMULATOR_DATA_DIR is', () => {
    expect(devDataDir(null, { EMULATOR_DATA_DIR: '/tmp/pool' })).toBeNull();
    expect(devDataDir('data', { EMULATOR_DATA_DIR: 'memory' })).toBe('data');
  });
});

describe('the emulator mounted on a Vite dev server', () => {
  const saved = process.env.EMULATOR_DATA_DIR;
  const cleanups: (() => Promise<void> | void)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    if (saved === undefined) delete process.env.EMULATOR_DATA_DIR;
    else process.env.EMULATOR_DATA_DIR = saved;
  });

  /** A dev server of an empty site with only the emulator plugin; its base URL. */
  async function devServer(): Promise<string> {
    const root = mkdtempSync(join(tmpdir(), 'wild-rydes-vite-'));
    const server: ViteDevServer = await createServer({
      root,
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      plugins: [cognitoEmulator()],
      server: { host: '127.0.0.1', port: 0, strictPort: true, ws: false },
    });
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    cleanups.push(() => server.close());
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the dev server reported no URL');
    return url;
  }

  async function signUp(base: string, email: string): Promise<Response> {
    return fetch(new URL('emulator/', base), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp',
      },
      body: JSON.stringify({
        ClientId: 'wildrydeslocalclient',
        Username: email,
        Password: 'Unicorn-Rides-1',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    });
  }

  it('serves the emulator in memory for EMULATOR_DATA_DIR=memory, even inside Vitest', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer();
    expect((await signUp(base, 'rider@example.com')).status).toBe(200);
    const mailbox = await fetch(new URL('emulator/mailbox', base));
    expect(mailbox.headers.get('content-type')).toContain('application/json');
    expect(await mailbox.json()).toMatchObject([{ to: 'rider@example.com', purpose: 'sign-up' }]);
  });

  it('keeps the users in the folder EMULATOR_DATA_DIR names', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wild-rydes-dev-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    process.env.EMULATOR_DATA_DIR = dataDir;
    const base = await devServer();
    expect((await signUp(base, 'rider@example.com')).status).toBe(200);
    expect(readdirSync(dataDir)).toContain('journal.jsonl');
  });

  it('stays off inside Vitest when no data folder is named', async () => {
    delete process.env.EMULATOR_DATA_DIR;
    const base = await devServer();
    const mailbox = await fetch(new URL('emulator/mailbox', base));
    expect(mailbox.status).toBe(404);
    expect((await signUp(base, 'rider@example.com')).status).toBe(404);
  });
});
