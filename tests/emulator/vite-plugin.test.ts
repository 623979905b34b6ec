/**
 * The dev-server mount: where its data goes (plugin option, EMULATOR_DATA_DIR, or the default
 * folder), and that it stays off inside Vitest unless a test names a data folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { exposureWarning } from '../../emulator/node/server.ts';
import {
  cognitoEmulator,
  DEV_SERVER_DATA_DIR,
  devDataDir,
  type EmulatorPluginOptions,
} from '../../emulator/vite.ts';
import { PASSWORD } from '../support/passwords.ts';

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
  async function devServer(
    options: {
      host?: string;
      warnings?: string[];
      plugin?: EmulatorPluginOptions;
      allowedHosts?: true;
    } = {},
  ): Promise<string> {
    const root = mkdtempSync(join(tmpdir(), 'wild-rydes-vite-'));
    const warnings = options.warnings ?? [];
    const logger = createLogger('silent');
    // Only the emulator's own warnings: Vite's (deprecations) are not under test here.
    logger.warn = (message) => {
      if (message.startsWith('  emulator:')) warnings.push(message);
    };
    const server: ViteDevServer = await createServer({
      root,
      configFile: false,
      envFile: false,
      customLogger: logger,
      plugins: [cognitoEmulator(options.plugin)],
      server: {
        host: options.host ?? '127.0.0.1',
        port: 0,
        strictPort: true,
        ws: false,
        ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
      },
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
        Password: PASSWORD,
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

  it('names tokens’ issuer after the dev server’s own origin, whatever Host a request names', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer();
    const { port } = new URL(base);
    // Vite answers any *.localhost name, so a page could choose one; the issuer must not follow.
    const discovery = await new Promise<string>((resolve, reject) => {
      const outgoing = httpRequest(
        new URL('emulator/local_WildRydes/.well-known/openid-configuration', base),
        { headers: { Host: `evil.localhost:${port}` } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve(text));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(JSON.parse(discovery).issuer).toBe(`http://127.0.0.1:${port}/emulator/local_WildRydes`);
  });

  it('keeps the Google stand-in’s signing key from one request to the next, so its ID tokens verify at /oauth2/idpresponse', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer();
    const jwks = async (): Promise<unknown> => {
      const answer = await fetch(new URL('emulator/google/jwks.json', base));
      expect(answer.status).toBe(200);
      return answer.json();
    };
    const first = await jwks();
    expect(first).toMatchObject({ keys: [{ kid: expect.stringMatching(/^google-stand-in-/) }] });
    expect(await jwks()).toEqual(first);
  });

  it('answers the site’s own pages and named origins, and refuses other web pages', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer({ plugin: { allowedOrigins: ['http://10.0.0.2:5173'] } });
    const own = new URL(base).origin;
    for (const origin of [own, 'http://10.0.0.2:5173']) {
      const answer = await fetch(new URL('emulator/mailbox', base), {
        headers: { Origin: origin },
      });
      expect([origin, answer.status]).toEqual([origin, 200]);
    }
    const foreign = await fetch(new URL('emulator/mailbox', base), {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  /** GET /emulator/mailbox with the Host and Origin a page on that host would send. */
  function mailboxAs(base: string, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        new URL('emulator/mailbox', base),
        { headers: { Host: host, Origin: `http://${host}` } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  it('answers the site’s own page under any Host name Vite serves (a tunnel, *.localhost)', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer();
    expect(await mailboxAs(base, `app.localhost:${new URL(base).port}`)).toBe(200);
  });

  it('refuses a page on a rebound domain when Vite is told to serve any Host name', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer({ allowedHosts: true });
    expect(await mailboxAs(base, `evil.example:${new URL(base).port}`)).toBe(403);
  });

  it('warns when the dev server listens beyond this machine (--host)', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const warnings: string[] = [];
    await devServer({ host: '0.0.0.0', warnings });
    expect(warnings).toEqual([`  emulator: ${exposureWarning('0.0.0.0')}`]);
  });

  it('does not warn on a loopback address', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const warnings: string[] = [];
    await devServer({ warnings });
    expect(warnings).toEqual([]);
  });

  it('answers TRACE under /emulator/ with 405, not a server error', async () => {
    process.env.EMULATOR_DATA_DIR = 'memory';
    const base = await devServer();
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(new URL('emulator/', base), { method: 'TRACE' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(status).toBe(405);
  });

  it('stays off inside Vitest when no data folder is named', async () => {
    delete process.env.EMULATOR_DATA_DIR;
    const base = await devServer();
    const mailbox = await fetch(new URL('emulator/mailbox', base));
    expect(mailbox.status).toBe(404);
    expect((await signUp(base, 'rider@example.com')).status).toBe(404);
  });
});
