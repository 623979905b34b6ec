/**
 * An authorize request (`/oauth2/authorize`, and `/login`, which takes the same parameters) read
 * and checked in Cognito's order
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html): an
 * unknown client or a redirect URI not on its list gets an error page, since sending the browser
 * there would hand an answer to an address nobody vetted; every later problem goes back to the
 * redirect URI as `error=` with the `state`.
 */

import type { ClientConfig } from '../core/config.ts';
import type { Emulator } from '../core/emulator.ts';
import { COGNITO_PROVIDER } from '../core/oauth/settings.ts';
import type { Pool } from '../core/pool/pool.ts';
import { fill, type HostedLang, TEXT } from './text.ts';

/** The errors an authorize request sends back to the redirect URI. */
export type AuthorizeError =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'invalid_scope'
  | 'unsupported_response_type';

/** A request that passed every check. */
export interface AuthorizeRequest {
  pool: Pool;
  client: ClientConfig;
  redirectUri: string;
  responseType: 'code' | 'token';
  state: string | undefined;
  scopes: string[];
  /** PKCE S256 challenge, when sent. */
  codeChallenge: string | undefined;
  nonce: string | undefined;
  /** The provider named (COGNITO, Google), or undefined for the managed login's choice. */
  provider: string | undefined;
}

/** What reading an authorize request comes to. */
export type AuthorizeOutcome =
  | { kind: 'ok'; request: AuthorizeRequest }
  | { kind: 'page'; message: string }
  | { kind: 'redirect'; location: string };

// RFC 7636 §4.2: base64url of a SHA-256 digest is 43 characters.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Where an error or an answer goes: the query for the code grant, the fragment for implicit. */
export function answerUrl(
  redirectUri: string,
  responseType: string | null,
  params: Record<string, string | undefined>,
): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  const encoded = new URLSearchParams(entries).toString();
  if (responseType === 'token') return `${redirectUri}#${encoded}`;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${encoded}`;
}

/** Reads and checks the request's parameters; `lang` words the error page. */
export function readAuthorizeRequest(
  emulator: Emulator,
  params: URLSearchParams,
  lang: HostedLang,
): AuthorizeOutcome {
  const clientId = params.get('client_id');
  if (!clientId) return { kind: 'page', message: TEXT.noClientId[lang] };
  let found: { pool: Pool; client: ClientConfig };
  try {
    found = emulator.client(clientId);
  } catch {
    return { kind: 'page', message: fill(TEXT.unknownClient[lang], { client: clientId }) };
  }
  const { pool, client } = found;
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) return { kind: 'page', message: TEXT.noRedirect[lang] };
  // Exactly as listed: no prefix, no trailing-slash or case leniency.
  if (!client.callbackUrls.includes(redirectUri)) {
    return { kind: 'page', message: fill(TEXT.unlistedRedirect[lang], { uri: redirectUri }) };
  }
  const state = params.get('state') ?? undefined;
  const responseType = params.get('response_type');
  const refuse = (error: AuthorizeError): AuthorizeOutcome => ({
    kind: 'redirect',
    location: answerUrl(redirectUri, responseType, { error, state }),
  });
  if (!client.allowedOAuthFlowsUserPoolClient) return refuse('unauthorized_client');
  if (!responseType) return refuse('invalid_request');
  if (responseType !== 'code' && responseType !== 'token') {
    return refuse('unsupported_response_type');
  }
  const flow = responseType === 'code' ? 'code' : 'implicit';
  if (!client.allowedOAuthFlows.includes(flow)) return refuse('unauthorized_client');

  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? undefined;
  if (challenge !== undefined || method !== undefined) {
    // Cognito supports S256 only; `plain` would put the verifier itself in the browser's history.
    if (responseType !== 'code' || method !== 'S256') return refuse('invalid_request');
    if (challenge === undefined || !S256_CHALLENGE.test(challenge))
      return refuse('invalid_request');
  }

  const asked = params.get('scope');
  // No scope asked: every scope the client allows (Cognito's rule for an absent `scope`).
  const scopes = asked === null ? [...client.allowedOAuthScopes] : asked.split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => !client.allowedOAuthScopes.includes(scope))) {
    return refuse('invalid_scope');
  }

  const provider = providerOf(pool, params);
  if (provider === null) return refuse('invalid_request');
  const supported = client.supportedIdentityProviders;
  if (provider === undefined ? supported.length === 0 : !supported.includes(provider)) {
    return refuse('unauthorized_client');
  }

  return {
    kind: 'ok',
    request: {
      pool,
      client,
      redirectUri,
      responseType,
      state,
      scopes,
      codeChallenge: challenge,
      nonce: params.get('nonce') ?? undefined,
      provider,
    },
  };
}

/**
 * The provider the request names by `identity_provider` or by one of a provider's
 * `idp_identifier`s; undefined when it names none (the managed login offers the client's), null
 * when it names one the pool does not have.
 */
function providerOf(pool: Pool, params: URLSearchParams): string | undefined | null {
  const named = params.get('identity_provider');
  const identifier = params.get('idp_identifier');
  const external = pool.config.identityProviders;
  if (named !== null) {
    return named === COGNITO_PROVIDER || external.some((p) => p.name === named) ? named : null;
  }
  if (identifier !== null) {
    return external.find((p) => p.idpIdentifiers.includes(identifier))?.name ?? null;
  }
  return undefined;
}
