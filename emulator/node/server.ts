/** The emulator as a standalone HTTP server (node:http around the fetch-style core handler). */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consolePages } from '../console/index.ts';
import type { RideApiConfig } from '../core/config.ts';
import type { Emulator } from '../core/emulator.ts';
import { createHttpHandler, MAX_BODY_BYTES } from '../core/http.ts';
import { hostedRoutes } from '../hosted/index.ts';
import { rideApiRoutes } from '../ride-api/index.ts';

/** Methods a Fetch API Request can carry; TRACE, CONNECT and TRACK it refuses to build. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  /** Address to listen on; 127.0.0.1 unless named. */
  host?: string;
  /** Web origins, besides loopback ones, whose pages may call the emulator (CORS). */
  allowedOrigins?: readonly string[];
  /** Longest time to receive a whole request, headers and body, in milliseconds. */
  requestTimeoutMs?: number;
  /** Most connections open at once; connections beyond it are closed as they arrive. */
  maxConnections?: number;
  /** The ride API's authorizer, as a config file's `rideApi` names it; unset: the local pool. */
  rideApi?: RideApiConfig;
  /** Where the site is served, for the console's links into it; unset: the console links nowhere. */
  siteUrl?: string;
}

/** A fetch-style request handler, as `createHttpHandler` makes. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A refusal written before the fetch-style handler is reached. */
function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ message }));
}

/**
 * Reads a request body up to `limit` bytes; null when it is larger. Reading stops at the limit
 * (the rest is never buffered); the caller then answers 413 and closes the connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/**
 * Converts a Node request to a Fetch API Request on `origin`, or null when the body is over the
 * limit. Only origin-form targets (`/path?query`) are taken, and they always stay on `origin`:
 * `//evil.example/` is a path here, never another host.
 */
export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
): Promise<Request | null> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return null;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(`${origin}${req.url ?? '/'}`, {
    method,
    headers,
    body: hasBody ? body : null,
  });
}

/** Writes a Fetch API Response to a Node response. */
export async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/**
 * Answers one Node request with a fetch-style handler. What a Request cannot carry (TRACE, a
 * target that is not a path) gets a 4xx; a body over the limit gets 413 and the connection is
 * closed, since its unread rest would otherwise be taken for the next request.
 */
export async function answerNodeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  handle: FetchHandler,
  origin: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (!METHODS.has(method)) {
    refuse(res, 405, `Method ${method} is not allowed.`, { Allow: [...METHODS].join(', ') });
    return;
  }
  const target = req.url ?? '/';
  if (!target.startsWith('/') || !URL.canParse(`${origin}${target}`)) {
    refuse(res, 400, 'The request target must be a path.');
    return;
  }
  try {
    const request = await toFetchRequest(req, origin);
    if (!request) {
      refuse(res, 413, 'Request body is too large.', { Connection: 'close' });
      return;
    }
    await sendFetchResponse(await handle(request), res);
  } catch (error) {
    // A client that went away mid-request is nobody's error.
    if (req.destroyed && res.destroyed) return;
    console.error('emulator: request failed', error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        __type: 'InternalErrorException',
        message: 'Internal error in the local emulator.',
      }),
    );
  }
}

/** Whether a listening address is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

/** What to tell a developer whose emulator listens beyond this machine; undefined on loopback. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return `listening on ${host}, beyond this machine: anyone who can reach it can read the codes and temporary passwords at /mailbox and call Admin operations (browsers are still held to loopback origins and those named with --allow-origin / EMULATOR_ALLOWED_ORIGINS)`;
}

/**
 * The origins named in EMULATOR_ALLOWED_ORIGINS (comma-separated) and `--allow-origin`, each an
 * http(s) origin such as `http://192.168.1.20:5173`; a trailing slash is dropped.
 */
export function readAllowedOrigins(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map((value) => {
      const origin = value.replace(/\/$/, '');
      const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
        throw new Error(
          `${value} is not a web origin such as http://192.168.1.20:5173 (scheme, host and port only)`,
        );
      }
      return origin;
    });
}

/** The URL clients use for an address: unspecified addresses (0.0.0.0, ::) become loopback. */
function originOf(host: string, port: number): string {
  if (host === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (host === '::' || host === '[::]') return `http://[::1]:${port}`;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/**
 * Serves the emulator, the ride API and the console (its pages at `/`, e.g. `/mailbox` for
 * browsers) on host:port (port 0 picks a free one) until closed.
 */
export async function startServer(
  emulator: Emulator,
  options: ServerOptions,
): Promise<RunningServer> {
  const routes = [
    ...rideApiRoutes(emulator, options.rideApi),
    ...hostedRoutes(emulator, options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl }),
  ];
  const pages = consolePages(
    emulator,
    options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl },
  );
  const host = options.host ?? '127.0.0.1';
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  let origin = '';
  let handle: FetchHandler = () => Promise.reject(new Error('the server is not listening yet'));
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 60_000),
      // How often Node looks for requests over their time; 30 s by default.
      connectionsCheckingInterval: Math.min(Math.max(requestTimeout / 4, 10), 30_000),
    },
    (req, res) => {
      answerNodeRequest(req, res, handle, origin);
    },
  );
  server.keepAliveTimeout = 30_000;
  // Each connection may hold a body of up to MAX_BODY_BYTES: a cap keeps slow clients from
  // taking memory.
  server.maxConnections = options.maxConnections ?? 128;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo;
      origin = originOf(host, port);
      handle = createHttpHandler(emulator, {
        origin,
        routes,
        pages,
        ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      });
      resolve({
        url: origin,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
