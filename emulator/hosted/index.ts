/**
 * The pool domain, as Cognito serves it at `https://<prefix>.auth.<region>.amazoncognito.com`:
 * the OAuth 2.0 and OIDC endpoints, the managed login and the local Google stand-in, as routes the adapters mount beside the
 * emulator's API (`HttpOptions.routes`), each a Fetch Request → Response like the rest.
 */

import type { Emulator } from '../core/emulator.ts';
import type { HttpRoute } from '../core/http.ts';
import { authorize } from './authorize.ts';
import { idpResponse } from './federation.ts';
import { googleRoutes } from './google/index.ts';
import { GoogleStandIn } from './google/stand-in.ts';
import { type LoginOptions, login } from './login.ts';
import { logout } from './logout.ts';
import { STYLESHEET_PATH, stylesheet } from './page.ts';
import { revoke } from './revoke.ts';
import { token } from './token.ts';
import { userInfo } from './userinfo.ts';

/** The pool domain's routes; `siteUrl` points the login page's sign-up and reset links. */
export function hostedRoutes(emulator: Emulator, options: LoginOptions = {}): HttpRoute[] {
  const route = (
    method: string,
    path: string,
    handle: (request: Request, baseUrl: string) => Promise<Response>,
  ): HttpRoute => ({ method, path, handle });
  const google = new GoogleStandIn(emulator);
  return [
    route('GET', '/oauth2/authorize', (r, b) => authorize(emulator, r, b)),
    route('GET', '/login', (r, b) => login(emulator, r, b, options)),
    route('POST', '/login', (r, b) => login(emulator, r, b, options)),
    route('GET', STYLESHEET_PATH, async () => stylesheet()),
    route('POST', '/oauth2/token', (r, b) => token(emulator, r, b)),
    route('GET', '/oauth2/userInfo', (r) => userInfo(emulator, r)),
    route('POST', '/oauth2/userInfo', (r) => userInfo(emulator, r)),
    route('GET', '/logout', (r, b) => logout(emulator, r, b)),
    route('POST', '/oauth2/revoke', (r) => revoke(emulator, r)),
    route('GET', '/oauth2/idpresponse', (r, b) => idpResponse(emulator, google, r, b)),
    ...googleRoutes(emulator, google),
  ];
}
