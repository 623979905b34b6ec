/**
 * `GET|POST /google/authorize`: the stand-in's sign-in page, clearly not Google's. A person picks
 * a test account or types an email and name; the stand-in then sends the browser to the
 * registered redirect URI (the pool domain's `/oauth2/idpresponse`) with `code` and `state`, or
 * with `error=access_denied` when they cancel, as Google does. The forms carry an anti-forgery
 * token bound to the request and are taken only from this origin, as the managed login's are.
 */

import { type Html, html } from '../../console/html.ts';
import type { Emulator } from '../../core/emulator.ts';
import { answerUrl } from '../authorize-request.ts';
import { readCookie, setCookie } from '../cookies.ts';
import { errorPage, htmlResponse, PAGE_HEADERS, page, redirect } from '../page.ts';
import { type Bilingual, fill, type HostedLang, preferredLang, TEXT } from '../text.ts';
import { type GoogleAccount, TEST_ACCOUNTS, typedAccount } from './accounts.ts';
import type { GoogleStandIn } from './stand-in.ts';

/** The stand-in's form cookie; the managed login's has its own name and path. */
const FORM_COOKIE = 'GOOGLE-XSRF';
const MAX_FIELD = 256;
// The shape a browser's type="email" accepts, roughly: something@host.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the "another account" form shows again after a refusal. */
interface TypedState {
  email: string;
  name: string;
  emailError?: Bilingual;
  nameError?: Bilingual;
}

/** Answers the stand-in's authorize page. */
export async function googleAuthorize(
  emulator: Emulator,
  google: GoogleStandIn,
  request: Request,
  baseUrl: string,
): Promise<Response> {
  const url = new URL(request.url);
  const lang = preferredLang(request, url);
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const where = { base, url };
  const words = { title: TEXT.googleErrorTitle, badge: TEXT.googleBadge };
  const params = url.searchParams;
  const clientId = params.get('client_id') ?? '';
  if (google.clientSecret(clientId) === undefined) {
    return errorPage(
      lang,
      fill(TEXT.googleUnknownClient[lang], { client: clientId }),
      where,
      words,
    );
  }
  const redirectUri = `${baseUrl}/oauth2/idpresponse`;
  if (params.get('redirect_uri') !== redirectUri) {
    return errorPage(
      lang,
      fill(TEXT.googleRedirectMismatch[lang], { uri: redirectUri }),
      where,
      words,
    );
  }
  const scope = params.get('scope') ?? '';
  if (params.get('response_type') !== 'code' || !scope.split(' ').includes('openid')) {
    return errorPage(lang, TEXT.googleBadRequest[lang], where, words);
  }
  const state = params.get('state') ?? undefined;
  const bound = new URLSearchParams(params);
  bound.delete('lang');
  bound.sort();
  const binding = `google ${bound.toString()}`;
  const cookiePath = `${base}/google`;
  const form = (status: number, typed: TypedState) => {
    const token = emulator.oauth.issueFormToken(binding);
    const response = htmlResponse(
      status,
      standInPage(lang, token, typed, where, poolNameOf(emulator, clientId)),
      {
        'Set-Cookie': setCookie(FORM_COOKIE, token, cookiePath),
      },
    );
    response.headers.set('Content-Security-Policy', formActionToApps(emulator, clientId));
    return response;
  };
  if (request.method === 'GET') return form(200, { email: '', name: '' });

  const origin = request.headers.get('origin');
  const host = request.headers.get('host');
  const own = new URL(baseUrl);
  const ownOrigins = [own.origin, ...(host === null ? [] : [`${own.protocol}//${host}`])];
  const type = request.headers.get('content-type') ?? '';
  if (
    (origin !== null && !ownOrigins.includes(origin)) ||
    !type.startsWith('application/x-www-form-urlencoded')
  ) {
    return form(403, { email: '', name: '' });
  }
  const body = new URLSearchParams(await request.text());
  const token = body.get('_csrf') ?? '';
  if (
    token === '' ||
    readCookie(request, FORM_COOKIE) !== token ||
    !emulator.oauth.takeFormToken(token, binding)
  ) {
    return form(403, { email: '', name: '' });
  }
  if (body.has('cancel')) {
    return redirect(answerUrl(redirectUri, 'code', { error: 'access_denied', state }));
  }
  let account: GoogleAccount | undefined;
  const picked = body.get('account');
  if (picked !== null) {
    account = Object.hasOwn(TEST_ACCOUNTS, picked) ? TEST_ACCOUNTS[picked] : undefined;
    if (!account) return form(400, { email: '', name: '' });
  } else {
    const email = (body.get('email') ?? '').trim().slice(0, MAX_FIELD);
    const name = (body.get('name') ?? '').trim().slice(0, MAX_FIELD);
    const emailError = EMAIL.test(email) ? undefined : TEXT.googleEmailInvalid;
    const nameError = name === '' ? TEXT.googleNameMissing : undefined;
    if (emailError || nameError) {
      return form(200, {
        email,
        name,
        ...(emailError ? { emailError } : {}),
        ...(nameError ? { nameError } : {}),
      });
    }
    account = await typedAccount(email, name);
  }
  const code = google.issueCode({
    clientId,
    redirectUri,
    account,
    nonce: params.get('nonce') ?? undefined,
    scope,
  });
  return redirect(answerUrl(redirectUri, 'code', { code, state }));
}

/** The name of the pool whose Google provider is this client, for "continue signing in to …". */
function poolNameOf(emulator: Emulator, clientId: string): string {
  for (const poolId of emulator.poolIds()) {
    const pool = emulator.pool(poolId);
    if (pool.config.identityProviders.some((p) => p.clientId === clientId)) return pool.config.name;
  }
  return clientId;
}

/**
 * The pages' CSP with `form-action` also allowing the callbacks of the app clients that offer this
 * provider (vetted URLs): browsers hold every redirect after a form's submission to `form-action`,
 * and the stand-in's answer goes on through idpresponse to the app's callback, which may be on
 * another origin. The stand-in does not read Cognito's `state`, so it allows each such client's.
 */
function formActionToApps(emulator: Emulator, clientId: string): string {
  const targets = new Set<string>();
  for (const poolId of emulator.poolIds()) {
    const { config } = emulator.pool(poolId);
    const providers = config.identityProviders.filter((p) => p.clientId === clientId);
    for (const client of config.clients) {
      if (!providers.some((p) => client.supportedIdentityProviders.includes(p.name))) continue;
      for (const callback of client.callbackUrls) {
        const url = new URL(callback);
        // An app's own scheme (myapp://callback) has no origin: its scheme is the source.
        targets.add(url.origin === 'null' ? url.protocol : url.origin);
      }
    }
  }
  return (PAGE_HEADERS['Content-Security-Policy'] ?? '').replace(
    "form-action 'self'",
    ["form-action 'self'", ...targets].join(' '),
  );
}

function standInPage(
  lang: HostedLang,
  token: string,
  typed: TypedState,
  where: { base: string; url: URL },
  app: string,
): string {
  const action = `${where.url.pathname}${where.url.search}`;
  const csrf = html`<input type="hidden" name="_csrf" value="${token}">`;
  const accounts = Object.entries(TEST_ACCOUNTS).map(
    ([id, account]) =>
      html`<li><button type="submit" class="account" name="account" value="${id}"><span class="who">${account.name}</span><span class="mail">${account.email}${
        account.emailVerified ? '' : html` (${TEXT.googleUnverified[lang]})`
      }</span></button></li>`,
  );
  const field = (
    id: string,
    name: string,
    type: string,
    label: string,
    value: string,
    error: Bilingual | undefined,
    focus: boolean,
  ): Html =>
    html`<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${name}" type="${type}" autocomplete="off" required value="${value}"${
      error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''
    }${focus ? html` autofocus` : ''}>${error ? html`<p class="error" id="${id}-error">${error[lang]}</p>` : ''}</div>`;
  const body = html`<h1>${TEXT.googleTitle[lang]}</h1><p>${fill(TEXT.googleIntro[lang], { app })}</p><p>${TEXT.googleNote[lang]}</p><h2 id="google-accounts">${TEXT.googleAccounts[lang]}</h2><form method="post" action="${action}" aria-labelledby="google-accounts">${csrf}<ul class="accounts">${accounts}</ul></form><h2 id="google-other">${TEXT.googleOther[lang]}</h2><form method="post" action="${action}" aria-labelledby="google-other">${csrf}${field(
    'google-email',
    'email',
    'email',
    TEXT.email[lang],
    typed.email,
    typed.emailError,
    typed.emailError !== undefined,
  )}${field(
    'google-name',
    'name',
    'text',
    TEXT.googleName[lang],
    typed.name,
    typed.nameError,
    typed.emailError === undefined && typed.nameError !== undefined,
  )}<button type="submit">${TEXT.googleContinue[lang]}</button></form><form method="post" action="${action}">${csrf}<button type="submit" class="secondary" name="cancel" value="1">${TEXT.googleCancel[lang]}</button></form>`;
  return page(
    lang,
    `${TEXT.googleTitle[lang]} · ${TEXT.googleBadge[lang]}`,
    body,
    where,
    TEXT.googleBadge,
  );
}
