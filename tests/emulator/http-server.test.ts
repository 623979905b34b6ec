/**
 * The standalone server on real sockets: what a careless client or an attacker can do to a
 * connection (an oversized body, a body sent slowly, many connections, odd request lines), and
 * where token issuers come from. Limits are set short through the server's options.
 */

import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, type ServerOptions, startServer } from '../../emulator/node/server.ts';
import { claimsOf } from '../support/jwt.ts';
import { PASSWORD } from '../support/passwords.ts';
import { cognitoApi, exchange, stringAt, tokensOf } from '../support/wire.ts';

const running: RunningServer[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of running.splice(0)) await server.close();
  vi.restoreAllMocks();
});

async function serve(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer(await createNodeEmulator(), { port: 0, ...options });
  running.push(server);
  return server;
}

/** A raw connection that collects what the server sends and notes when it closes. */
async function rawConnection(server: RunningServer) {
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  sockets.push(socket);
  let received = '';
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  /** Waits (at most `ms`) until `done` holds; fails the test otherwise. */
  const until = async (what: string, done: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`gave up waiting for ${what}; received: ${received}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    socket,
    write: (text: string | Buffer) => socket.write(text),
    received: () => received,
    closed: () => closed,
    /** Resolves with everything received once a whole response (head and body) has arrived. */
    response: async () => {
      await until('a response', () => {
        const head = received.indexOf('\r\n\r\n');
        if (head === -1) return closed;
        const length = /content-length: (\d+)/i.exec(received.slice(0, head))?.[1];
        return closed || received.length >= head + 4 + Number(length ?? 0);
      });
      return received;
    },
    /** Resolves once the server has closed the connection. */
    closedByServer: () => until('the server to close the connection', () => closed),
  };
}

const API_HEADERS =
  'Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.ListUsers\r\n';

describe('a body over the limit', () => {
  it('gets 413 and the connection is closed, so the unread rest is never taken for a request', async () => {
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write(
      `POST / HTTP/1.1\r\nHost: x\r\n${API_HEADERS}Content-Length: ${2 * 1024 * 1024}\r\n\r\n{"UserPoolId":`,
    );
    const answer = await connection.response();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"message":"Request body is too large."}');
    await connection.closedByServer();
  });

  it('is caught while streaming when no Content-Length announced it, and the connection closed', async () => {
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write(
      `POST / HTTP/1.1\r\nHost: x\r\n${API_HEADERS}Transfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = 'a'.repeat(64 * 1024);
    for (let i = 0; i < 20 && !connection.received(); i += 1) {
      connection.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    }
    expect(await connection.response()).toMatch(/^HTTP\/1\.1 413 /);
    await connection.closedByServer();
  });

  it('is 256 KiB, as in the handler msw serves: one byte more gets 413 here and InvalidParameterException there', async () => {
    const server = await serve();
    const handle = createHttpHandler(await createNodeEmulator());
    const listUsers = (bytes: number) => {
      const body = JSON.stringify({ UserPoolId: DEFAULT_POOL_ID });
      return {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUsers',
        },
        body: body.padEnd(bytes, ' '),
      };
    };
    const limit = 256 * 1024;
    expect((await fetch(`${server.url}/`, listUsers(limit))).status).toBe(200);
    expect((await handle(new Request('http://emulator.test/', listUsers(limit)))).status).toBe(200);

    const connection = await rawConnection(server);
    connection.write(
      `POST / HTTP/1.1\r\nHost: x\r\n${API_HEADERS}Content-Length: ${limit + 1}\r\n\r\n`,
    );
    expect(await connection.response()).toMatch(/^HTTP\/1\.1 413 /);
    expect(
      await exchange(handle, new Request('http://emulator.test/', listUsers(limit + 1))),
    ).toMatchObject({
      status: 400,
      body: { __type: 'InvalidParameterException', message: 'Request body is too large.' },
    });
  });

  it('leaves other connections answering', async () => {
    const server = await serve();
    const big = await rawConnection(server);
    big.write(`POST / HTTP/1.1\r\nHost: x\r\n${API_HEADERS}Content-Length: 99999999\r\n\r\n`);
    await big.closedByServer();
    const answer = await fetch(`${server.url}/mailbox`);
    expect(answer.status).toBe(200);
  });
});

describe('a body sent slowly', () => {
  it('is cut off with 408 after the request timeout, and the connection closed', async () => {
    const server = await serve({ requestTimeoutMs: 300 });
    const connection = await rawConnection(server);
    const started = Date.now();
    connection.write(`POST / HTTP/1.1\r\nHost: x\r\n${API_HEADERS}Content-Length: 100\r\n\r\n{"Us`);
    await connection.closedByServer();
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('does not cut off a request that arrives in time on a kept-alive connection', async () => {
    const server = await serve({ requestTimeoutMs: 300 });
    const connection = await rawConnection(server);
    connection.write('GET /mailbox HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await connection.response()).toMatch(/^HTTP\/1\.1 200 /);
    expect(connection.closed()).toBe(false);
  });
});

describe('the connection cap', () => {
  it('closes connections beyond it at once, and takes new ones when a place is free', async () => {
    const server = await serve({ maxConnections: 2 });
    const held = [await rawConnection(server), await rawConnection(server)];
    // Each held connection has been answered once, so the server surely counts it.
    for (const connection of held) {
      connection.write('GET /mailbox HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await connection.response()).toMatch(/^HTTP\/1\.1 200 /);
    }

    const refused = await rawConnection(server);
    refused.write('GET /mailbox HTTP/1.1\r\nHost: x\r\n\r\n');
    await refused.closedByServer();
    expect(refused.received()).toBe('');

    held[0]?.socket.destroy();
    // The server learns of the close asynchronously: try again until a place is free.
    for (let attempt = 0; ; attempt += 1) {
      const next = await rawConnection(server);
      next.write('GET /mailbox HTTP/1.1\r\nHost: x\r\n\r\n');
      const answer = await next.response();
      if (answer !== '') {
        expect(answer).toMatch(/^HTTP\/1\.1 200 /);
        break;
      }
      expect(attempt).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
});

describe('request lines a Fetch Request cannot carry', () => {
  it('answers TRACE with 405 and the methods allowed, and logs no stack trace', async () => {
    const errors = vi.spyOn(console, 'error');
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write('TRACE / HTTP/1.1\r\nHost: x\r\n\r\n');
    const answer = await connection.response();
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toMatch(/\r\nallow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/i);
    expect(answer).toContain('{"message":"Method TRACE is not allowed."}');
    expect(errors).not.toHaveBeenCalled();
  });

  it('answers GET //[ with a 404, not a 500', async () => {
    const errors = vi.spyOn(console, 'error');
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write('GET //[ HTTP/1.1\r\nHost: x\r\n\r\n');
    const answer = await connection.response();
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toContain('{"message":"No route for GET //["}');
    expect(errors).not.toHaveBeenCalled();
  });

  it.each([
    ['an absolute URL', 'http://evil.example/mailbox'],
    ['an asterisk', '*'],
  ])('answers a request target that is %s with 400', async (_what, target) => {
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write(`OPTIONS ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const answer = await connection.response();
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('{"message":"The request target must be a path."}');
  });
});

describe('the token issuer', () => {
  /** A request through node:http, which lets the test set Host as an attacker would. */
  function withHost(server: RunningServer, path: string, host: string, body?: unknown) {
    return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const outgoing = httpRequest(
        `${server.url}${path}`,
        {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            Host: host,
            'Content-Type': 'application/x-amz-json-1.1',
            ...(body === undefined
              ? {}
              : { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' }),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  it('is the configured origin whatever Host a request names', async () => {
    const server = await serve();
    await cognitoApi(fetch, `${server.url}/`).confirmedUser('issuer@example.com', PASSWORD);

    const signIn = await withHost(server, '/', 'evil.example', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'issuer@example.com', PASSWORD },
    });
    const { idToken } = tokensOf({ ...signIn, headers: new Headers() });
    expect(claimsOf(idToken).iss).toBe(`${server.url}/${DEFAULT_POOL_ID}`);

    const discovery = await withHost(
      server,
      `/${DEFAULT_POOL_ID}/.well-known/openid-configuration`,
      'evil.example',
    );
    expect(stringAt(discovery.body, 'issuer')).toBe(`${server.url}/${DEFAULT_POOL_ID}`);
    expect(stringAt(discovery.body, 'jwks_uri')).toBe(
      `${server.url}/${DEFAULT_POOL_ID}/.well-known/jwks.json`,
    );
  });

  it('does not follow a request line that names another host (//evil.example/…)', async () => {
    const server = await serve();
    const connection = await rawConnection(server);
    connection.write(
      `GET //evil.example/${DEFAULT_POOL_ID}/.well-known/openid-configuration HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    const answer = await connection.response();
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).not.toContain('evil.example/local_WildRydes"');
  });

  it('names loopback, not 0.0.0.0, when the server listens on every interface', async () => {
    const server = await serve({ host: '0.0.0.0' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const discovery = await fetch(
      `${server.url}/${DEFAULT_POOL_ID}/.well-known/openid-configuration`,
    );
    expect(stringAt(await discovery.json(), 'issuer')).toBe(`${server.url}/${DEFAULT_POOL_ID}`);
  });
});
