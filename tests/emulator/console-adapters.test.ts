/**
 * The console as both adapters serve it — `npm run emulator` at `/`, the dev server at
 * `/emulator/` — with the same security headers on every answer (a CSP without inline script),
 * and the terminal line that points at its mailbox.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleScript } from '../../emulator/console/client.ts';
import { createNodeEmulator, mailNotice } from '../../emulator/node/node-emulator.ts';
import { startServer } from '../../emulator/node/server.ts';
import { cognitoEmulator } from '../../emulator/vite.ts';
import { PASSWORD } from '../support/passwords.ts';

const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Every console answer carries the CSP, nosniff and no-store. */
function expectConsoleHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CSP);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

function signUp(apiUrl: string, email: string): Promise<Response> {
  return fetch(apiUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.SignUp',
    },
    body: JSON.stringify({ ClientId: 'wildrydeslocalclient', Username: email, Password: PASSWORD }),
  });
}

/** What both adapters must do, the console being at `console` and the API at `api`. */
function servesTheConsole(where: () => { console: string; api: string; site: string }) {
  it('sends a browser from the console’s root to its mailbox', async () => {
    const response = await fetch(where().console, { headers: HTML, redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location') ?? '', where().console).href).toBe(
      `${where().console}mailbox`,
    );
    expectConsoleHeaders(response);
  });

  it('serves the mailbox page to browsers and JSON to scripts at the same address', async () => {
    expect((await signUp(where().api, 'adapter@example.com')).status).toBe(200);
    const browser = await fetch(`${where().console}mailbox`, { headers: HTML });
    expect(browser.status).toBe(200);
    expectConsoleHeaders(browser);
    const page = await browser.text();
    expect(page).toContain('adapter@example.com');
    expect(page).toContain(`href="${where().site}verify.html?email=adapter%40example.com"`);
    const script = await fetch(`${where().console}mailbox`);
    expect(script.headers.get('content-type')).toBe('application/json');
    expect(await script.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: 'adapter@example.com' })]),
    );
  });

  it('serves its stylesheet and script from its own base, with the same headers', async () => {
    const style = await fetch(`${where().console}console.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expectConsoleHeaders(style);
    const script = await fetch(`${where().console}console.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectConsoleHeaders(script);
    expect(await script.text()).toBe(consoleScript());
  });

  it('answers a console page it does not have with a 404 page and the headers', async () => {
    const response = await fetch(`${where().console}nowhere`, { headers: HTML });
    expect(response.status).toBe(404);
    expectConsoleHeaders(response);
    expect(await response.text()).toContain('Page not found');
  });
}

describe('the console on the standalone emulator (npm run emulator)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer(await createNodeEmulator(), {
      port: 0,
      siteUrl: 'http://localhost:4173',
    });
  });
  afterAll(() => server.close());

  servesTheConsole(() => ({
    console: `${server.url}/`,
    api: `${server.url}/`,
    site: 'http://localhost:4173/',
  }));
});

describe('the console on the dev server (npm run dev)', () => {
  let url = '';
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    const saved = process.env.EMULATOR_DATA_DIR;
    process.env.EMULATOR_DATA_DIR = 'memory';
    cleanups.push(() => {
      if (saved === undefined) delete process.env.EMULATOR_DATA_DIR;
      else process.env.EMULATOR_DATA_DIR = saved;
    });
    const root = mkdtempSync(join(tmpdir(), 'wild-rydes-console-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const server = await createServer({
      root,
      configFile: false,
      envFile: false,
      customLogger: createLogger('silent'),
      plugins: [cognitoEmulator()],
      server: { host: '127.0.0.1', port: 0, strictPort: true, ws: false },
    });
    cleanups.push(() => server.close());
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  servesTheConsole(() => ({ console: `${url}emulator/`, api: `${url}emulator/`, site: '/' }));
});

describe('the terminal line for a mail', () => {
  it('names the console’s mailbox for that address', () => {
    const line = mailNotice(
      {
        to: 'rider+1@example.com',
        code: '402719',
        purpose: 'sign-up',
        sentAt: '2026-03-04T09:05:07.000Z',
        userPoolId: 'local_WildRydes',
        username: 'rider+1@example.com',
      },
      'http://127.0.0.1:9229/mailbox',
    );
    expect(line).toBe(
      '📬  sign-up code for rider+1@example.com: 402719  http://127.0.0.1:9229/mailbox?to=rider%2B1%40example.com',
    );
  });
});
