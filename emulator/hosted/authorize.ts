/**
 * `GET /oauth2/authorize`: with an external provider named, on to its sign-in; with a live
 * managed-login session for the client's pool, straight back to the app with a grant; otherwise
 * on to `/login` with the same parameters, as Cognito does.
 */

import type { Emulator } from '../core/emulator.ts';
import { readAuthorizeRequest } from './authorize-request.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { externalProvider, toProvider } from './federation.ts';
import { grantLocation } from './grant.ts';
import { errorPage, redirect } from './page.ts';
import { langOf } from './text.ts';

/** Answers an authorize request. */
export async function authorize(
  emulator: Emulator,
  request: Request,
  baseUrl: string,
): Promise<Response> {
  const url = new URL(request.url);
  const lang = langOf(url);
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const outcome = readAuthorizeRequest(emulator, url.searchParams, lang);
  if (outcome.kind === 'page') return errorPage(lang, outcome.message, { base, url });
  if (outcome.kind === 'redirect') return redirect(outcome.location);
  const provider = externalProvider(outcome.request);
  // `identity_provider=Google` goes straight to Google, as Cognito sends it.
  if (provider) return toProvider(emulator, outcome.request, provider, url.searchParams, baseUrl);
  const found = emulator.oauth.session(readCookie(request, SESSION_COOKIE) ?? '');
  const user = found && found.poolId === outcome.request.pool.id ? found : undefined;
  if (user && outcome.request.pool.store.userBySub(user.sub)?.enabled) {
    const issuer = `${baseUrl}/${outcome.request.pool.id}`;
    return redirect(await grantLocation(emulator, outcome.request, user, issuer));
  }
  return redirect(`${base}/login${url.search}`);
}
