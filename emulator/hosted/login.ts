/**
 * `GET|POST /login`, the managed login (https://docs.aws.amazon.com/cognito/latest/developerguide/login-endpoint.html):
 * an email and password form that continues an authorize request. The password is checked by the
 * pool's own rules (lockout, unconfirmed users, disabled users) as the API checks it. The form
 * carries an anti-forgery token bound to this authorize request and mirrored in a cookie, and is
 * only taken from the pool domain's own pages. A refused sign-in is the form again with its error
 * (200, as a page a person reads); a forged or stale form is 403.
 */

import { html } from '../console/html.ts';
import { CognitoError } from '../core/cognito-error.ts';
import type { Emulator } from '../core/emulator.ts';
import { settleSignIn } from '../core/flows/sign-in.ts';
import { COGNITO_PROVIDER } from '../core/oauth/settings.ts';
import { assertNotLockedOut, passwordMatches } from '../core/pool/passwords.ts';
import { type AuthorizeRequest, readAuthorizeRequest } from './authorize-request.ts';
import { FORM_COOKIE, readCookie, setCookie } from './cookies.ts';
import { finishSignIn } from './grant.ts';
import { errorPage, htmlResponse, PAGE_HEADERS, page, redirect } from './page.ts';
import { type Bilingual, fill, type HostedLang, langOf, TEXT } from './text.ts';

/** Where the login page's links go: the site's pages, when the adapter knows where it is. */
export interface LoginOptions {
  /** `''` for the site on this origin, an absolute URL, or undefined when unknown (no links). */
  siteUrl?: string;
}

/** What the form shows: what was typed (never the password) and the errors at their fields. */
interface FormState {
  email: string;
  emailError?: Bilingual;
  passwordError?: Bilingual;
  formError?: Bilingual;
}

const MAX_FIELD = 2048;

/** The parameters a form is bound to: the authorize request it continues, in a fixed order. */
function bindingOf(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.delete('lang');
  copy.sort();
  return copy.toString();
}

/** Answers `GET /login` and `POST /login`. */
export async function login(
  emulator: Emulator,
  request: Request,
  baseUrl: string,
  options: LoginOptions,
): Promise<Response> {
  const url = new URL(request.url);
  const lang = langOf(url);
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const where = { base, url };
  const outcome = readAuthorizeRequest(emulator, url.searchParams, lang);
  if (outcome.kind === 'page') return errorPage(lang, outcome.message, where);
  if (outcome.kind === 'redirect') return redirect(outcome.location);
  const authorizeRequest = outcome.request;
  if (authorizeRequest.provider !== undefined && authorizeRequest.provider !== COGNITO_PROVIDER) {
    // A provider named: its sign-in, not this form (the authorize endpoint sends people there).
    return redirect(`${base}/oauth2/authorize${url.search}`);
  }
  const binding = bindingOf(url.searchParams);
  const cookiePath = base === '' ? '/' : base;
  const form = (status: number, state: FormState) => {
    const token = emulator.oauth.issueFormToken(binding);
    const text = loginPage(lang, authorizeRequest, state, token, where, options);
    const response = htmlResponse(status, text, {
      'Set-Cookie': setCookie(FORM_COOKIE, token, cookiePath),
    });
    response.headers.set('Content-Security-Policy', formActionTo(authorizeRequest.redirectUri));
    return response;
  };
  if (request.method === 'GET') return form(200, { email: '' });
  if (!passwordsOffered(authorizeRequest)) return form(403, { email: '', formError: TEXT.refused });

  const origin = request.headers.get('origin');
  // The pool domain as configured, or as the browser addressed it (localhost and 127.0.0.1 are
  // the same dev server; the adapters refuse Host names they do not serve).
  const own = new URL(baseUrl);
  const host = request.headers.get('host');
  const ownOrigins = [own.origin, ...(host === null ? [] : [`${own.protocol}//${host}`])];
  if (origin !== null && !ownOrigins.includes(origin))
    return form(403, { email: '', formError: TEXT.formExpired });
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    return form(400, { email: '', formError: TEXT.formExpired });
  }
  const body = new URLSearchParams(await request.text());
  const email = (body.get('username') ?? '').trim().slice(0, MAX_FIELD);
  const password = (body.get('password') ?? '').slice(0, MAX_FIELD);
  const token = body.get('_csrf') ?? '';
  const cookie = readCookie(request, FORM_COOKIE);
  // Both halves must match and the token must be the one issued for this very request.
  if (token === '' || cookie !== token || !emulator.oauth.takeFormToken(token, binding)) {
    return form(403, { email, formError: TEXT.formExpired });
  }
  if (email === '' || password === '') {
    return form(200, {
      email,
      ...(email === '' ? { emailError: TEXT.emailMissing } : {}),
      ...(password === '' ? { passwordError: TEXT.passwordMissing } : {}),
    });
  }
  const { pool, client } = authorizeRequest;
  let sub: string;
  try {
    const user = pool.lookup(email);
    if (!user) {
      throw client.preventUserExistenceErrors
        ? new CognitoError('NotAuthorizedException', 'Incorrect username or password.')
        : new CognitoError('UserNotFoundException', 'User does not exist.');
    }
    assertNotLockedOut(pool, user);
    const settled = settleSignIn(pool, user, await passwordMatches(pool, user, password));
    if (settled.status === 'FORCE_CHANGE_PASSWORD') {
      return form(200, { email, formError: TEXT.newPasswordRequired });
    }
    sub = settled.sub;
  } catch (error) {
    if (!(error instanceof CognitoError)) throw error;
    return form(200, { email, ...refusal(error) });
  }
  return finishSignIn(emulator, authorizeRequest, sub, baseUrl);
}

/** Whether the client lets the pool's own users sign in with a password here. */
function passwordsOffered(request: AuthorizeRequest): boolean {
  return request.client.supportedIdentityProviders.includes(COGNITO_PROVIDER);
}

/** Links to the external providers the client supports, each straight to its sign-in. */
function providerLinks(
  lang: HostedLang,
  request: AuthorizeRequest,
  where: { base: string; url: URL },
) {
  const names = request.client.supportedIdentityProviders.filter(
    (name) =>
      name !== COGNITO_PROVIDER &&
      request.pool.config.identityProviders.some((p) => p.name === name),
  );
  return names.map((name) => {
    const params = new URLSearchParams(where.url.search);
    params.set('identity_provider', name);
    const href = `${where.base}/oauth2/authorize?${params}`;
    return html`<a class="provider" href="${href}">${fill(TEXT.continueWith[lang], { provider: name })}</a>`;
  });
}

/**
 * The pages' CSP with `form-action` also allowing the app's callback (a vetted callback URL):
 * browsers hold the redirect that follows a form's submission to `form-action` as well, and a
 * signed-in form goes on to the callback, on another origin than the pool domain's.
 */
function formActionTo(redirectUri: string): string {
  const url = new URL(redirectUri);
  // An app's own scheme (myapp://callback) has no origin: its scheme is the source.
  const target = url.origin === 'null' ? url.protocol : url.origin;
  return (PAGE_HEADERS['Content-Security-Policy'] ?? '').replace(
    "form-action 'self'",
    `form-action 'self' ${target}`,
  );
}

/** A refused sign-in in words, at the field it concerns. */
function refusal(error: CognitoError): Omit<FormState, 'email'> {
  switch (error.type) {
    case 'UserNotFoundException':
      return { emailError: TEXT.noUser };
    case 'UserNotConfirmedException':
      return { formError: TEXT.notConfirmed };
    case 'PasswordResetRequiredException':
      return { formError: TEXT.resetRequired };
    case 'NotAuthorizedException':
      if (error.message === 'Password attempts exceeded') return { formError: TEXT.lockedOut };
      if (error.message === 'User is disabled.') return { formError: TEXT.disabled };
      return { passwordError: TEXT.incorrect };
    default:
      return { formError: TEXT.refused };
  }
}

function loginPage(
  lang: HostedLang,
  request: AuthorizeRequest,
  state: FormState,
  token: string,
  where: { base: string; url: URL },
  options: LoginOptions,
): string {
  const action = `${where.url.pathname}${where.url.search}`;
  const field = (
    id: string,
    name: string,
    type: string,
    label: string,
    autocomplete: string,
    value: string,
    error: Bilingual | undefined,
    focus: boolean,
  ) =>
    html`<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${name}" type="${type}" autocomplete="${autocomplete}" required value="${value}"${
      error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''
    }${focus ? html` autofocus` : ''}>${error ? html`<p class="error" id="${id}-error">${error[lang]}</p>` : ''}</div>`;
  const site = options.siteUrl;
  const links =
    site === undefined
      ? ''
      : html`<p class="links"><a href="${site}/signin.html?reset=">${TEXT.forgot[lang]}</a><a href="${site}/register.html">${TEXT.signUp[lang]}</a></p>`;
  const providers = providerLinks(lang, request, where);
  const passwords = passwordsOffered(request);
  const form = html`<form method="post" action="${action}"><input type="hidden" name="_csrf" value="${token}">${field(
    'signin-email',
    'username',
    'email',
    TEXT.email[lang],
    'username',
    state.email,
    state.emailError,
    state.emailError !== undefined,
  )}${field(
    'signin-password',
    'password',
    'password',
    TEXT.password[lang],
    'current-password',
    '',
    state.passwordError,
    state.emailError === undefined && state.passwordError !== undefined,
  )}<button type="submit">${TEXT.submit[lang]}</button></form>${links}`;
  const intro = passwords ? TEXT.signInIntro : TEXT.signInIntroProviders;
  const body = html`<h1>${TEXT.signInTitle[lang]}</h1><p>${fill(intro[lang], { app: request.client.name })}</p>${
    state.formError
      ? html`<div class="notice" role="alert"><h2>${TEXT.refused[lang]}</h2><p>${state.formError[lang]}</p></div>`
      : ''
  }${providers}${providers.length > 0 && passwords ? html`<p class="or">${TEXT.or[lang]}</p>` : ''}${passwords ? form : ''}`;
  return page(lang, `${TEXT.signInTitle[lang]} · ${request.client.name}`, body, where);
}
