/**
 * Sign-in through an external provider (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-identity-federation.html):
 * `/oauth2/authorize` with `identity_provider=Google` (or the managed login's "Continue with
 * Google") sends the browser to the provider with Cognito's own `state`; the provider sends it
 * back to `/oauth2/idpresponse` with a code, which Cognito exchanges at the provider's token
 * endpoint. Once the provider's ID token checks out, the federated user is made or updated and
 * the original authorize request finishes as the managed login finishes it. The `state` is tied
 * to the browser by a cookie, so no one can hand a victim a sign-in they started themselves.
 */

import type { Emulator } from '../core/emulator.ts';
import { opaqueToken } from '../core/ids.ts';
import { federatedSignIn } from '../core/oauth/federation.ts';
import type { IdentityProviderConfig } from '../core/oauth/providers.ts';
import { type AuthorizeRequest, answerUrl, readAuthorizeRequest } from './authorize-request.ts';
import { clearCookie, readCookie, setCookie } from './cookies.ts';
import { type GoogleStandIn, standInUrls } from './google/stand-in.ts';
import { finishSignIn } from './grant.ts';
import { errorPage, redirect } from './page.ts';
import { verifyProviderIdToken } from './provider-token.ts';
import { type HostedLang, langOf, TEXT } from './text.ts';

/** Ties a sign-in away at the provider to the browser that started it. */
const FEDERATION_COOKIE = 'idp-state';

function cookiePathOf(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/+$/, '') || '/';
}

/** The provider of an authorize request that names one, or undefined (the pool's own users). */
export function externalProvider(request: AuthorizeRequest): IdentityProviderConfig | undefined {
  return request.pool.config.identityProviders.find((p) => p.name === request.provider);
}

/** Sends the browser to the provider's sign-in for this authorize request. */
export function toProvider(
  emulator: Emulator,
  request: AuthorizeRequest,
  provider: IdentityProviderConfig,
  authorizeQuery: URLSearchParams,
  baseUrl: string,
): Response {
  const nonce = opaqueToken(emulator.randomBytes, 24);
  const state = emulator.oauth.startFederation({
    poolId: request.pool.id,
    provider: provider.name,
    authorizeQuery: authorizeQuery.toString(),
    nonce,
  });
  const target = new URL(standInUrls(baseUrl).authorize);
  target.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: `${baseUrl}/oauth2/idpresponse`,
    response_type: 'code',
    scope: provider.authorizeScopes,
    state,
    nonce,
    ...(authorizeQuery.has('lang') ? { lang: authorizeQuery.get('lang') ?? '' } : {}),
  }).toString();
  return redirect(target.href, [setCookie(FEDERATION_COOKIE, state, cookiePathOf(baseUrl))]);
}

/** Answers `GET /oauth2/idpresponse`. */
export async function idpResponse(
  emulator: Emulator,
  google: GoogleStandIn,
  request: Request,
  baseUrl: string,
): Promise<Response> {
  const url = new URL(request.url);
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const cookiePath = cookiePathOf(baseUrl);
  const clear = clearCookie(FEDERATION_COOKIE, cookiePath);
  const stateId = url.searchParams.get('state') ?? '';
  const bound = stateId !== '' && readCookie(request, FEDERATION_COOKIE) === stateId;
  const federation = bound ? emulator.oauth.takeFederation(stateId) : undefined;
  if (!federation) {
    const lang = langOf(url);
    return errorPage(lang, TEXT.federationExpired[lang], { base, url });
  }
  const query = new URLSearchParams(federation.authorizeQuery);
  const lang: HostedLang = langOf(new URL(`${baseUrl}/?${query}`));
  const outcome = readAuthorizeRequest(emulator, query, lang);
  if (outcome.kind === 'page') return errorPage(lang, outcome.message, { base, url });
  if (outcome.kind === 'redirect') return redirect(outcome.location, [clear]);
  const authorize = outcome.request;
  const back = (error: string, description?: string) =>
    redirect(
      answerUrl(authorize.redirectUri, authorize.responseType, {
        error_description: description,
        state: authorize.state,
        error,
      }),
      [clear],
    );
  const provider = authorize.pool.config.identityProviders.find(
    (p) => p.name === federation.provider,
  );
  if (!provider) return back('invalid_request', 'The identity provider no longer exists.');
  const refused = url.searchParams.get('error');
  if (refused !== null) {
    // The person said no at the provider (or it refused): the app hears it, as from Cognito.
    const description = url.searchParams.get('error_description') ?? undefined;
    return back(refused === 'access_denied' ? 'access_denied' : 'server_error', description);
  }
  const code = url.searchParams.get('code');
  if (!code) return back('invalid_request', 'The identity provider sent no code.');
  let claims: Record<string, unknown>;
  try {
    claims = await exchange(emulator, google, provider, code, federation.nonce, baseUrl);
  } catch {
    return back('server_error', 'The identity provider’s answer could not be verified.');
  }
  let sub: string;
  try {
    const user = federatedSignIn(authorize.pool, provider, claims);
    if (!user.enabled) return back('invalid_request', 'User is disabled.');
    sub = user.sub;
  } catch {
    return back('server_error', 'The federated user could not be signed in.');
  }
  return finishSignIn(emulator, authorize, sub, baseUrl, [clear]);
}

/**
 * The code exchanged at the provider's token endpoint (the stand-in, called in-process) and its
 * ID token verified against the provider's JWKS.
 */
async function exchange(
  emulator: Emulator,
  google: GoogleStandIn,
  provider: IdentityProviderConfig,
  code: string,
  nonce: string,
  baseUrl: string,
): Promise<Record<string, unknown>> {
  const urls = standInUrls(baseUrl);
  const basic = btoa(
    `${encodeURIComponent(provider.clientId)}:${encodeURIComponent(provider.clientSecret)}`,
  );
  const answer = await google.token(
    new Request(urls.token, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${basic}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: `${baseUrl}/oauth2/idpresponse`,
      }).toString(),
    }),
    baseUrl,
  );
  const body: unknown = await answer.json();
  const idToken =
    answer.ok && typeof body === 'object' && body !== null && 'id_token' in body
      ? body.id_token
      : undefined;
  if (typeof idToken !== 'string') throw new Error('the provider sent no ID token');
  return verifyProviderIdToken(idToken, {
    jwks: await google.jwks(),
    issuer: urls.issuer,
    audience: provider.clientId,
    nonce,
    now: emulator.now(),
  });
}
