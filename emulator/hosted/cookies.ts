/** The pool domain's cookies: the managed-login session and the login form's anti-forgery token. */

/** Cognito's managed login keeps its session in a cookie of this name. */
export const SESSION_COOKIE = 'cognito';
/** The login form's anti-forgery token, as Cognito names its own. */
export const FORM_COOKIE = 'XSRF-TOKEN';

/** A cookie of the request, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * A Set-Cookie value scoped to the pool domain's path. HttpOnly: no page script needs it. Lax:
 * sent when the site sends the browser here (a top-level navigation), never on a third party's
 * embedded request.
 */
export function setCookie(
  name: string,
  value: string,
  path: string,
  maxAgeSeconds?: number,
): string {
  const age = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  return `${name}=${value}; Path=${path}; HttpOnly; SameSite=Lax${age}`;
}

/** A Set-Cookie value that removes the cookie. */
export function clearCookie(name: string, path: string): string {
  return setCookie(name, '', path, 0);
}
