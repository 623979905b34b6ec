/**
 * The emulator over HTTP as Fetch API `Request` → `Response`, so every adapter (msw, the Node
 * server, the Vite dev server) serves the same routes:
 *   POST /                                     Cognito's JSON protocol (X-Amz-Target)
 *   GET  /mailbox                              codes sent, newest last (JSON; a browser's
 *                                              `Accept: text/html` goes to the pages instead)
 *   GET  /<poolId>/.well-known/jwks.json       the pool's two public keys (ID, access tokens)
 *   GET  /<poolId>/.well-known/openid-configuration  (its endpoints are the pool domain's routes,
 *                                              `emulator/hosted`, which adapters mount)
 * plus the routes an adapter mounts beside them (`HttpOptions.routes`: the ride API's POST /ride)
 * and the pages it serves to people (`HttpOptions.pages`: the console), tried last.
 */

import { fromUtf8 } from './bytes.ts';
import { CognitoError } from './cognito-error.ts';
import type { Emulator } from './emulator.ts';
import { uuid } from './ids.ts';
import { publicJwks } from './tokens.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** Request headers the library and the AWS SDK send, allowed when a preflight names none. */
const ALLOWED_HEADERS =
  'Content-Type, X-Amz-Target, X-Amz-User-Agent, Cache-Control, Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, Amz-Sdk-Invocation-Id, Amz-Sdk-Request, X-Amz-Client-Context';

/**
 * A route served beside the emulator's own, such as the ride API's: the handler's origin check,
 * CORS headers and base path apply to it as to the rest.
 */
export interface HttpRoute {
  method: string;
  /** The path below the base path, e.g. `/ride`. */
  path: string;
  /** Answers a request; `baseUrl` is where the emulator is mounted, e.g. `http://127.0.0.1:9229`. */
  handle(request: Request, baseUrl: string): Promise<Response>;
}

/**
 * Pages for people (the console, which lives outside the core): asked about every request the
 * emulator's own routes do not answer, and about `GET /mailbox` from browsers; undefined passes.
 */
export type PageHandler = (
  request: Request,
  where: { path: string; basePath: string; baseUrl: string },
) => Promise<Response | undefined>;

export interface HttpOptions {
  /** The path the emulator is mounted under, e.g. `/emulator` in the Vite dev server. */
  basePath?: string;
  /**
   * The origin clients reach the emulator at, e.g. `http://127.0.0.1:9229`: token issuers and
   * discovery URLs hang below it whatever a request's URL or Host says. Unset: the request's
   * origin (msw, which only routes its own origin here).
   */
  origin?: string;
  /** Web origins, besides loopback ones, whose pages may call the emulator (CORS). */
  allowedOrigins?: readonly string[];
  /** Routes served beside the emulator's own, tried after them. */
  routes?: readonly HttpRoute[];
  /** Pages for people, tried after every route; their answers get no CORS headers. */
  pages?: PageHandler;
}

/**
 * Largest request body taken, in bytes, by this handler and by the Node server in front of it
 * (Cognito's own largest requests are a few KiB).
 */
export const MAX_BODY_BYTES = 256 * 1024;

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a web origin is on this machine: http(s) on localhost, 127.0.0.1 or [::1], any port. */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    LOOPBACK_HOSTNAMES.has(url.hostname) &&
    url.origin === origin
  );
}

/**
 * CORS headers for an Origin the handler has let in (loopback, or named by the developer): never
 * `*`, with which any web page could read `/mailbox` (codes, temporary passwords) or call Admin
 * operations. Requests without an Origin (SDKs, the CLI) need none.
 */
function corsHeaders(origin: string | null): Record<string, string> {
  if (origin === null) return { Vary: 'Origin' };
  return {
    Vary: 'Origin',
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage',
  };
}

/** A fetch-style handler serving the emulator's routes; anything else gets a JSON 404. */
export function createHttpHandler(emulator: Emulator, options: HttpOptions = {}) {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const named = new Set(options.allowedOrigins ?? []);
  const routes = options.routes ?? [];
  return async function handle(request: Request): Promise<Response> {
    const origin = request.headers.get('origin');
    if (origin !== null && !isLoopbackOrigin(origin) && !named.has(origin)) {
      return json(
        403,
        {
          message: `Pages from ${origin} may not call this emulator; name the origin with --allow-origin or EMULATOR_ALLOWED_ORIGINS.`,
        },
        { Vary: 'Origin' },
      );
    }
    const cors = corsHeaders(origin);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      json(status, body, { ...cors, ...headers });
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath)) return answer(404, { message: 'Not found' });
    const path = url.pathname.slice(basePath.length) || '/';
    const baseUrl = `${options.origin ?? url.origin}${basePath}`;

    if (request.method === 'OPTIONS') {
      // Echo what the browser asks for: a tracing header (traceparent) must not break an app.
      const asked = request.headers.get('access-control-request-headers');
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          Vary: 'Origin, Access-Control-Request-Headers',
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': asked ?? ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
        },
      });
    }
    if (path === '/' && request.method === 'POST') {
      return api(emulator, request, baseUrl, cors);
    }
    const wantsPage = options.pages !== undefined && acceptsHtml(request);
    if (path === '/mailbox' && request.method === 'GET' && !wantsPage) {
      // With pages, the same URL answers browsers with HTML: caches must tell the two apart.
      return answer(200, emulator.mailbox(), options.pages ? { Vary: 'Origin, Accept' } : {});
    }
    if (path === '/mailbox' && request.method === 'DELETE') {
      emulator.clearMailbox();
      return new Response(null, { status: 204, headers: cors });
    }
    const wellKnown =
      /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path);
    if (wellKnown && request.method === 'GET') {
      const [, poolId = '', document] = wellKnown;
      if (!emulator.poolIds().includes(poolId))
        return answer(404, { message: `User pool ${poolId} does not exist.` });
      const pool = emulator.pool(poolId);
      const issuer = `${baseUrl}/${poolId}`;
      if (document === 'jwks.json') {
        return answer(200, publicJwks(pool.signer.keys));
      }
      return answer(200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        authorization_endpoint: `${baseUrl}/oauth2/authorize`,
        token_endpoint: `${baseUrl}/oauth2/token`,
        userinfo_endpoint: `${baseUrl}/oauth2/userInfo`,
        revocation_endpoint: `${baseUrl}/oauth2/revoke`,
        end_session_endpoint: `${baseUrl}/logout`,
        response_types_supported: ['code', 'token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    const route = routes.find((r) => r.path === path && r.method === request.method);
    if (route) return withHeaders(await route.handle(request, baseUrl), cors);
    const page = await options.pages?.(request, { path, basePath, baseUrl });
    if (page) return page;
    return answer(404, { message: `No route for ${request.method} ${path}` });
  };
}

/** Whether the request comes from a browser's address bar or a link (scripts send JSON or any). */
function acceptsHtml(request: Request): boolean {
  return /(^|,)\s*text\/html\b/i.test(request.headers.get('accept') ?? '');
}

async function api(
  emulator: Emulator,
  request: Request,
  baseUrl: string,
  cors: Record<string, string>,
): Promise<Response> {
  const requestId = uuid(emulator.randomBytes);
  try {
    const target = request.headers.get('x-amz-target') ?? '';
    if (!target.startsWith(TARGET_PREFIX)) {
      throw new CognitoError(
        'UnknownOperationException',
        `Unknown operation: ${target || '(no X-Amz-Target header)'}`,
      );
    }
    const body = await readJson(request);
    const result = await emulator.call(target.slice(TARGET_PREFIX.length), body, { baseUrl });
    return json(200, result, { ...cors, ...AMZ_JSON, 'x-amzn-RequestId': requestId });
  } catch (error) {
    if (error instanceof CognitoError) {
      return json(
        error.status,
        { __type: error.type, message: error.message },
        {
          ...cors,
          ...AMZ_JSON,
          'x-amzn-RequestId': requestId,
          'x-amzn-ErrorType': `${error.type}:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/`,
          'x-amzn-ErrorMessage': headerText(error.message),
        },
      );
    }
    console.error('emulator: internal error', error);
    return json(
      500,
      { __type: 'InternalErrorException', message: 'Internal error in the local emulator.' },
      {
        ...cors,
        ...AMZ_JSON,
        'x-amzn-RequestId': requestId,
        'x-amzn-ErrorType': 'InternalErrorException:',
        'x-amzn-ErrorMessage': 'Internal error in the local emulator.',
      },
    );
  }
}

async function readJson(request: Request): Promise<unknown> {
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.length > MAX_BODY_BYTES) {
    throw new CognitoError('InvalidParameterException', 'Request body is too large.');
  }
  const text = fromUtf8(body);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new CognitoError('SerializationException', 'Request body is not valid JSON.');
  }
}

/**
 * A message as a header value: headers carry Latin-1 without line breaks, and a message may
 * quote a request (an operation name, a client id), so anything else becomes `?`.
 */
function headerText(message: string): string {
  return message.replace(/[^\x20-\x7e]/g, '?');
}

/** A mounted route's response with the handler's own headers (CORS) added. */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const AMZ_JSON = { 'Content-Type': 'application/x-amz-json-1.1' };
