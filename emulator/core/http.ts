/**
 * The emulator over HTTP as Fetch API `Request` → `Response`, so every adapter (msw, the Node
 * server, the Vite dev server) serves the same routes:
 *   POST /                                     Cognito's JSON protocol (X-Amz-Target)
 *   GET  /mailbox                              codes sent, newest last
 *   GET  /<poolId>/.well-known/jwks.json       the pool's two public keys (ID, access tokens)
 *   GET  /<poolId>/.well-known/openid-configuration
 *   POST /ride                                 the workshop's ride API (ID token in Authorization)
 */

import type { Emulator } from './emulator.ts';
import { CognitoError } from './errors.ts';
import { uuid } from './ids.ts';
import { requestRide } from './ride-api.ts';
import { publicJwks } from './tokens.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** Headers a browser may send cross-origin (the library and the AWS SDK send these). */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Content-Type, X-Amz-Target, X-Amz-User-Agent, Cache-Control, Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256, Amz-Sdk-Invocation-Id, Amz-Sdk-Request, X-Amz-Client-Context',
  'Access-Control-Expose-Headers': 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage',
  'Access-Control-Max-Age': '600',
};

export interface HttpOptions {
  /** The path the emulator is mounted under, e.g. `/emulator` in the Vite dev server. */
  basePath?: string;
}

/** Largest request body read (Cognito's own limit is far below this). */
const MAX_BODY_BYTES = 256 * 1024;

/** A fetch-style handler serving the emulator's routes; anything else gets a JSON 404. */
export function createHttpHandler(emulator: Emulator, options: HttpOptions = {}) {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath)) return json(404, { message: 'Not found' });
    const path = url.pathname.slice(basePath.length) || '/';
    const baseUrl = `${url.origin}${basePath}`;

    if (request.method === 'OPTIONS')
      return new Response(null, { status: 204, headers: CORS_HEADERS });
    if (path === '/' && request.method === 'POST') return api(emulator, request, baseUrl);
    if (path === '/ride' && request.method === 'POST') {
      const answer = await requestRide(
        emulator,
        request.headers.get('authorization'),
        await request.text(),
        baseUrl,
      );
      return json(answer.status, answer.body);
    }
    if (path === '/mailbox' && request.method === 'GET') return json(200, emulator.mailbox());
    if (path === '/mailbox' && request.method === 'DELETE') {
      emulator.clearMailbox();
      return new Response(null, { status: 204, headers: CORS_HEADERS });
    }
    const wellKnown =
      /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(path);
    if (wellKnown && request.method === 'GET') {
      const [, poolId = '', document] = wellKnown;
      if (!emulator.poolIds().includes(poolId))
        return json(404, { message: `User pool ${poolId} does not exist.` });
      const pool = emulator.pool(poolId);
      const issuer = `${baseUrl}/${poolId}`;
      if (document === 'jwks.json') {
        return json(200, publicJwks(pool.signer.keys));
      }
      return json(200, {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        authorization_endpoint: `${baseUrl}/oauth2/authorize`,
        token_endpoint: `${baseUrl}/oauth2/token`,
        userinfo_endpoint: `${baseUrl}/oauth2/userInfo`,
        response_types_supported: ['code', 'token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    return json(404, { message: `No route for ${request.method} ${path}` });
  };
}

async function api(emulator: Emulator, request: Request, baseUrl: string): Promise<Response> {
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
    return json(200, result, { ...AMZ_JSON, 'x-amzn-RequestId': requestId });
  } catch (error) {
    if (error instanceof CognitoError) {
      return json(
        error.status,
        { __type: error.type, message: error.message },
        {
          ...AMZ_JSON,
          'x-amzn-RequestId': requestId,
          'x-amzn-ErrorType': `${error.type}:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/`,
        },
      );
    }
    console.error('emulator: internal error', error);
    return json(
      500,
      { __type: 'InternalErrorException', message: 'Internal error in the local emulator.' },
      {
        ...AMZ_JSON,
        'x-amzn-RequestId': requestId,
        'x-amzn-ErrorType': 'InternalErrorException:',
      },
    );
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new CognitoError('InvalidParameterException', 'Request body is too large.');
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new CognitoError('SerializationException', 'Request body is not valid JSON.');
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...CORS_HEADERS, ...headers },
  });
}

const AMZ_JSON = { 'Content-Type': 'application/x-amz-json-1.1' };
