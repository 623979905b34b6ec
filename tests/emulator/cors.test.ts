/**
 * Who may read the emulator's answers from a web page: pages on loopback origins (the dev server,
 * a production build served locally) and origins the developer names; never any page on the web,
 * which with `Access-Control-Allow-Origin: *` could read /mailbox or call Admin operations.
 * Plus the wire details browsers and SDKs depend on: preflights and the error headers.
 */

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createHttpHandler, isLoopbackOrigin } from '../../emulator/core/http.ts';
import { exposureWarning, readAllowedOrigins } from '../../emulator/node/server.ts';
import { testEmulator } from '../support/emulator.ts';
import { cognitoRequest, exchange, type Send, TARGET_PREFIX } from '../support/wire.ts';

const BASE = 'http://127.0.0.1:9229';
let handle: Send;

beforeAll(async () => {
  handle = createHttpHandler(await testEmulator(), {
    origin: BASE,
    allowedOrigins: ['http://192.168.1.20:5173'],
  });
});

function mailbox(origin: string | null, send: Send = handle) {
  return send(
    new Request(`${BASE}/mailbox`, origin === null ? {} : { headers: { Origin: origin } }),
  );
}

function preflight(origin: string, requestHeaders?: string) {
  return handle(
    new Request(`${BASE}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        ...(requestHeaders === undefined
          ? {}
          : { 'Access-Control-Request-Headers': requestHeaders }),
      },
    }),
  );
}

describe('pages on this machine', () => {
  it.each([
    'http://localhost:5173',
    'http://127.0.0.1:4173',
    'http://[::1]:8080',
    'https://localhost',
    'http://localhost',
  ])('may read answers from %s, which is echoed back with Vary: Origin', async (origin) => {
    const response = await mailbox(origin);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage',
    );
  });

  it('may call Cognito operations after a preflight', async () => {
    const response = await preflight('http://localhost:5173', 'content-type,x-amz-target');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
  });
});

describe('pages from anywhere else', () => {
  it.each([
    'https://evil.example',
    'http://localhost.evil.example',
    'http://127.0.0.1.evil.example:9229',
    'http://192.168.1.21:5173',
    'null',
  ])('cannot read the mailbox from %s: 403 and no CORS header', async (origin) => {
    const response = await mailbox(origin);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toEqual({
      message: `Pages from ${origin} may not call this emulator; name the origin with --allow-origin or EMULATOR_ALLOWED_ORIGINS.`,
    });
  });

  it('cannot pass the preflight for an Admin operation', async () => {
    const response = await preflight('https://evil.example', 'content-type,x-amz-target');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cannot call an Admin operation even without a preflight', async () => {
    const request = cognitoRequest(`${BASE}/`, 'ListUsers', { UserPoolId: DEFAULT_POOL_ID });
    request.headers.set('Origin', 'https://evil.example');
    expect((await handle(request)).status).toBe(403);
  });
});

describe('origins the developer names', () => {
  it('may read answers like loopback ones', async () => {
    const response = await mailbox('http://192.168.1.20:5173');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://192.168.1.20:5173');
  });

  it('are read from a comma-separated list and repeated flags, a trailing slash dropped', () => {
    expect(
      readAllowedOrigins(['http://192.168.1.20:5173/, https://app.example ', 'http://10.0.0.2']),
    ).toEqual(['http://192.168.1.20:5173', 'https://app.example', 'http://10.0.0.2']);
    expect(readAllowedOrigins([''])).toEqual([]);
  });

  it.each(['app.example', 'http://app.example/path', 'ftp://app.example', '*'])(
    'refuse %s, which is not a web origin',
    (value) => {
      expect(() => readAllowedOrigins([value])).toThrow(
        `${value} is not a web origin such as http://192.168.1.20:5173 (scheme, host and port only)`,
      );
    },
  );
});

describe('clients that are not browsers (SDKs, the CLI)', () => {
  it('are answered without CORS headers, since they send no Origin', async () => {
    const response = await mailbox(null);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('what counts as loopback', () => {
  it.each([
    ['http://localhost:1', true],
    ['http://127.0.0.1', true],
    ['http://[::1]:9229', true],
    ['http://127.0.0.2', false],
    ['ws://localhost:5173', false],
    ['http://localhost:5173/', false],
    ['not a url', false],
  ])('%s: %s', (origin, loopback) => {
    expect(isLoopbackOrigin(origin)).toBe(loopback);
  });
});

describe('the preflight', () => {
  it('allows whatever headers the browser asks for, so tracing headers do not break an app', async () => {
    const asked = 'content-type,x-amz-target,x-amz-user-agent,traceparent,tracestate,baggage';
    const response = await preflight('http://localhost:5173', asked);
    expect(response.headers.get('access-control-allow-headers')).toBe(asked);
    expect(response.headers.get('vary')).toBe('Origin, Access-Control-Request-Headers');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it('lists the headers the library and the AWS SDK send when the browser names none', async () => {
    const response = await preflight('http://localhost:5173');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase());
    expect(allowed).toEqual(
      expect.arrayContaining(['content-type', 'x-amz-target', 'x-amz-user-agent', 'cache-control']),
    );
  });
});

describe('error headers', () => {
  it('carry the message in x-amzn-ErrorMessage beside x-amzn-ErrorType', async () => {
    const answer = await exchange(
      handle,
      cognitoRequest(`${BASE}/`, 'AdminGetUser', {
        UserPoolId: DEFAULT_POOL_ID,
        Username: 'nobody@example.com',
      }),
    );
    expect(answer.body).toEqual({
      __type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    expect(answer.headers.get('x-amzn-ErrorType')).toMatch(/^UserNotFoundException:/);
    expect(answer.headers.get('x-amzn-ErrorMessage')).toBe('User does not exist.');
  });

  it('carry a message quoting non-ASCII input with ? in its place (headers are Latin-1)', async () => {
    const request = new Request(`${BASE}/`, {
      method: 'POST',
      headers: { 'X-Amz-Target': `${TARGET_PREFIX}Caf\u00e9` },
      body: '{}',
    });
    const answer = await exchange(handle, request);
    expect(answer.body).toEqual({
      __type: 'UnknownOperationException',
      message: 'Operation Caf\u00e9 is not supported.',
    });
    expect(answer.headers.get('x-amzn-ErrorMessage')).toBe('Operation Caf? is not supported.');
  });
});

describe('listening beyond this machine', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3'])(
    'is not warned about on %s',
    (host) => {
      expect(exposureWarning(host)).toBeUndefined();
    },
  );

  it.each(['0.0.0.0', '::', '192.168.1.20', 'my-laptop.local'])('is warned about on %s', (host) => {
    expect(exposureWarning(host)).toBe(
      `listening on ${host}, beyond this machine: anyone who can reach it can read the codes and temporary passwords at /mailbox and call Admin operations (browsers are still held to loopback origins and those named with --allow-origin / EMULATOR_ALLOWED_ORIGINS)`,
    );
  });

  it('makes `npm run emulator -- --host 0.0.0.0` print the warning', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'emulator/node/cli.ts',
        '--in-memory',
        '--port',
        '0',
        '--host',
        '0.0.0.0',
      ],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`the emulator exited (${code}): ${stderr}`)));
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('Local Cognito emulator on')) resolve();
        });
      });
      await new Promise<void>((resolve) => {
        if (stderr.includes('beyond this machine')) resolve();
        else child.stderr?.on('data', () => stderr.includes('beyond this machine') && resolve());
      });
      expect(stderr).toContain(`emulator: ${exposureWarning('0.0.0.0')}`);
    } finally {
      child.kill();
    }
  });

  it('makes `npm run emulator` refuse an --allow-origin that is not an origin', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/node/cli.ts', '--in-memory', '--allow-origin', 'app.example'],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain(
      'emulator: app.example is not a web origin such as http://192.168.1.20:5173 (scheme, host and port only)',
    );
  });
});
