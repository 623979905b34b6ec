/**
 * `GET /logout` (https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html):
 * ends the managed-login session, then either goes to `logout_uri` (one of the client's sign-out
 * URLs) or, with `redirect_uri` and the login parameters, back to the managed login to sign in
 * again. Anything else gets the error page: a sign-out never sends the browser somewhere unvetted.
 */

import type { ClientConfig } from '../core/config.ts';
import type { Emulator } from '../core/emulator.ts';
import { clearCookie, readCookie, SESSION_COOKIE } from './cookies.ts';
import { errorPage, redirect } from './page.ts';
import { fill, langOf, TEXT } from './text.ts';

/** Answers a logout request. */
export async function logout(
  emulator: Emulator,
  request: Request,
  baseUrl: string,
): Promise<Response> {
  const url = new URL(request.url);
  const lang = langOf(url);
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const where = { base, url };
  const clientId = url.searchParams.get('client_id');
  if (!clientId) return errorPage(lang, TEXT.noClientId[lang], where);
  let client: ClientConfig;
  try {
    client = emulator.client(clientId).client;
  } catch {
    return errorPage(lang, fill(TEXT.unknownClient[lang], { client: clientId }), where);
  }
  const logoutUri = url.searchParams.get('logout_uri');
  const redirectUri = url.searchParams.get('redirect_uri');
  let location: string;
  if (logoutUri !== null) {
    if (!client.logoutUrls.includes(logoutUri)) {
      return errorPage(lang, fill(TEXT.unlistedLogout[lang], { uri: logoutUri }), where);
    }
    location = logoutUri;
  } else if (redirectUri !== null) {
    // The login page checks redirect_uri against the callback URLs, as it checks any request.
    location = `${base}/login${url.search}`;
  } else {
    return errorPage(lang, TEXT.noLogoutTarget[lang], where);
  }
  const session = readCookie(request, SESSION_COOKIE);
  if (session !== undefined) emulator.oauth.endSession(session);
  return redirect(location, [clearCookie(SESSION_COOKIE, base === '' ? '/' : base)]);
}
