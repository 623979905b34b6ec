/**
 * API Gateway's Cognito user pool authorizer: the raw ID token in `Authorization` (no `Bearer `),
 * live, issued by the one pool it names for one of that pool's app clients and, when a group is
 * required, listing it in `cognito:groups`. Anything else is answered here; the Lambda behind it
 * never runs.
 */

import type { Json } from '../core/input.ts';
import type { TokenProblem } from '../core/tokens.ts';

/** What the authorizer needs of a user pool: its id, its app clients and its signature check. */
export interface AuthorizerPool {
  readonly id: string;
  readonly config: { readonly clients: readonly { readonly id: string }[] };
  readonly signer: { verify(token: string, nowSeconds: number): Promise<Json | TokenProblem> };
}

/** A Lambda behind the authorizer, handed the caller's claims as API Gateway hands them on. */
export type AuthorizedHandler = (request: Request, claims: Json) => Promise<Response>;

/** What API Gateway answers for a missing or invalid token, whatever was wrong with it. */
const unauthorized = () => Response.json({ message: 'Unauthorized' }, { status: 401 });

/** What API Gateway answers when an authorizer denies a caller it has identified. */
const forbidden = () =>
  Response.json(
    { Message: 'User is not authorized to access this resource with an explicit deny' },
    { status: 403 },
  );

/**
 * The claims of a live ID token issued by `pool` under `baseUrl` for one of that pool's app
 * clients; null for anything else (API Gateway answers all of those alike).
 */
async function verifyIdToken(
  pool: AuthorizerPool,
  token: string,
  baseUrl: string,
  nowSeconds: number,
): Promise<Json | null> {
  const claims = await pool.signer.verify(token, nowSeconds);
  if (typeof claims === 'string' || claims.iss !== `${baseUrl}/${pool.id}`) return null;
  const audienceOk = pool.config.clients.some((client) => client.id === claims.aud);
  return audienceOk && claims.token_use === 'id' ? claims : null;
}

/** Whether the token's `cognito:groups` claim lists the group (by exact name, as a string test). */
function inGroup(claims: Json, group: string): boolean {
  const groups = claims['cognito:groups'];
  return Array.isArray(groups) && groups.includes(group);
}

/**
 * A route handler that lets a request through to `lambda` only with an ID token of `pool` (and
 * of a member of `requiredGroup`, when named), checked at `now()`.
 */
export function cognitoAuthorizer(
  pool: AuthorizerPool,
  rules: { requiredGroup?: string | undefined; now: () => number },
  lambda: AuthorizedHandler,
): (request: Request, baseUrl: string) => Promise<Response> {
  return async (request, baseUrl) => {
    const token = request.headers.get('authorization');
    if (!token) return unauthorized();
    const nowSeconds = Math.floor(rules.now() / 1000);
    const claims = await verifyIdToken(pool, token, baseUrl, nowSeconds);
    if (!claims) return unauthorized();
    if (rules.requiredGroup !== undefined && !inGroup(claims, rules.requiredGroup)) {
      return forbidden();
    }
    return lambda(request, claims);
  };
}
