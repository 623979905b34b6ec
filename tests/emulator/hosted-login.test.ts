/**
 * The managed login and the browser-facing endpoints, at the HTML level: what the authorize
 * endpoint does with each bad link (error page or redirect with `error=`), the login form (fields,
 * errors at their fields, what was typed kept but never the password, anti-forgery token, both
 * languages), the session cookie that skips the form, and sign-out.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import {
  API_ONLY_CLIENT,
  CALLBACK,
  csrfOf,
  type HostedFixture,
  SIGNED_OUT,
  startHosted,
  TestBrowser,
} from '../support/hosted.ts';
import { PASSWORD } from '../support/passwords.ts';

const EMAIL = 'rider@example.com';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

let hosted: HostedFixture;
let browser: TestBrowser;

beforeEach(async () => {
  hosted = await startHosted('http://localhost:5173');
  browser = new TestBrowser(hosted.url);
  await hosted.api.confirmedUser(EMAIL, PASSWORD);
});
afterEach(async () => {
  await hosted.server.close();
});

function authorizeUrl(params: Record<string, string>, path = '/oauth2/authorize'): URL {
  const url = new URL(path, hosted.url);
  url.search = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    response_type: 'code',
    redirect_uri: CALLBACK,
    scope: 'openid email',
    state: 'st8',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  }).toString();
  return url;
}

/** The text of a page without its markup, to read as a person would. */
function words(page: string): string {
  return page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('GET /oauth2/authorize', () => {
  it('shows an error page, never a redirect, for an unknown client or an unlisted redirect_uri', async () => {
    const unknown = await browser.visit(authorizeUrl({ client_id: 'nosuchclient' }));
    expect(unknown.status).toBe(400);
    expect(unknown.location).toBeUndefined();
    expect(words(unknown.text)).toContain('The app client nosuchclient does not exist.');
    const unlisted = await browser.visit(
      authorizeUrl({ redirect_uri: 'http://localhost:5173/callback.html/' }),
    );
    expect(unlisted.status).toBe(400);
    expect(unlisted.location).toBeUndefined();
    expect(words(unlisted.text)).toContain(
      'The redirect_uri http://localhost:5173/callback.html/ is not one of this app client’s callback URLs.',
    );
    expect(unlisted.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('says the error page in Korean with lang=ko', async () => {
    const page = await browser.visit(authorizeUrl({ client_id: 'nosuchclient', lang: 'ko' }));
    expect(page.text).toContain('<html lang="ko">');
    expect(words(page.text)).toContain('nosuchclient 앱 클라이언트가 없어요.');
  });

  it.each([
    ['a missing response_type', 'invalid_request', { response_type: '' }],
    ['response_type=id_token', 'unsupported_response_type', { response_type: 'id_token' }],
    [
      'the implicit grant to a code-only client',
      'unauthorized_client',
      { response_type: 'token', code_challenge: '', code_challenge_method: '' },
    ],
    [
      'PKCE plain (Cognito supports S256 only)',
      'invalid_request',
      { code_challenge_method: 'plain' },
    ],
    ['a challenge that is no S256 digest', 'invalid_request', { code_challenge: 'short' }],
    ['a scope the client does not allow', 'invalid_scope', { scope: 'openid phone' }],
    [
      'an identity provider the pool does not have',
      'invalid_request',
      { identity_provider: 'Facebook' },
    ],
  ])('sends %s back to the redirect_uri as error=%s with the state', async (_, error, params) => {
    const url = authorizeUrl(params);
    for (const [name, value] of Object.entries(params))
      if (value === '') url.searchParams.delete(name);
    const answer = await browser.visit(url);
    expect(answer.status).toBe(302);
    const location = answer.location as URL;
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    // The implicit grant answers in the fragment, its errors too.
    const sent =
      url.searchParams.get('response_type') === 'token'
        ? new URLSearchParams(location.hash.slice(1))
        : location.searchParams;
    expect(Object.fromEntries(sent)).toEqual({ error, state: 'st8' });
  });

  it('shows the error page for a client without hosted sign-in, whose callback list is empty', async () => {
    const page = await browser.visit(authorizeUrl({ client_id: API_ONLY_CLIENT }));
    expect(page.status).toBe(400);
    expect(page.location).toBeUndefined();
  });

  it('sends a good request on to /login with the same parameters', async () => {
    const url = authorizeUrl({});
    const answer = await browser.visit(url);
    expect(answer.status).toBe(302);
    expect(answer.location?.pathname).toBe('/login');
    expect(answer.location?.search).toBe(url.search);
  });
});

describe('the login page', () => {
  it('has labelled email and password fields, a form token, and links to sign up and reset', async () => {
    const page = await browser.visit(authorizeUrl({}, '/login'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<label for="signin-email">Email</label>');
    expect(page.text).toContain('<label for="signin-password">Password</label>');
    expect(page.text).toMatch(
      /<input id="signin-password" name="password" type="password" autocomplete="current-password"/,
    );
    expect(page.text).toContain('href="http://localhost:5173/register.html"');
    expect(page.text).toContain('href="http://localhost:5173/signin.html?reset="');
    expect(browser.cookies.get('XSRF-TOKEN')).toBe(csrfOf(page.text));
    expect(page.text).not.toMatch(/<script|style=/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(words(page.text)).toContain(
      'Sign in with your email and password to continue to WildRydesWebApp.',
    );
  });

  // Chromium holds the redirect after a form's submission to form-action too: with only 'self',
  // a signed-in rider would be stopped on the way to a callback on another origin.
  it('lets its form go on to the app’s callback on another origin (form-action)', async () => {
    const page = await browser.visit(authorizeUrl({}, '/login'));
    expect(new URL(CALLBACK).origin).not.toBe(new URL(hosted.url).origin);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("form-action 'self' http://localhost:5173;");
    expect(csp).toContain("script-src 'self';");
  });

  it('speaks Korean with lang=ko', async () => {
    const page = await browser.visit(authorizeUrl({ lang: 'ko' }, '/login'));
    expect(page.text).toContain('<html lang="ko">');
    expect(page.text).toContain('<label for="signin-email">이메일</label>');
    expect(words(page.text)).toContain(
      '이메일과 비밀번호로 로그인하면 WildRydesWebApp 앱으로 돌아가요.',
    );
  });

  it('shows a wrong password at the password field, keeps the email and never the password', async () => {
    const url = authorizeUrl({}, '/login');
    const page = await browser.visit(url);
    const answer = await browser.submitLogin(url, page, EMAIL, 'Wrong-Password-1');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`value="${EMAIL}"`);
    expect(answer.text).not.toContain('Wrong-Password-1');
    expect(answer.text).toContain('aria-describedby="signin-password-error"');
    expect(answer.text).toContain(
      '<p class="error" id="signin-password-error">Incorrect email or password.</p>',
    );
  });

  it('asks for each empty field at that field', async () => {
    const url = authorizeUrl({ lang: 'ko' }, '/login');
    const page = await browser.visit(url);
    const answer = await browser.submitLogin(url, page, '', '');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(
      '<p class="error" id="signin-email-error">이메일을 입력하세요.</p>',
    );
    expect(answer.text).toContain(
      '<p class="error" id="signin-password-error">비밀번호를 입력하세요.</p>',
    );
  });

  it('locks out after repeated wrong passwords, as the API does', async () => {
    const url = authorizeUrl({}, '/login');
    let page = await browser.visit(url);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      page = await browser.submitLogin(url, page, EMAIL, 'Wrong-Password-1');
    }
    const locked = await browser.submitLogin(url, page, EMAIL, PASSWORD);
    expect(locked.status).toBe(200);
    expect(words(locked.text)).toContain(
      'Too many wrong passwords. Wait a moment, then try again.',
    );
  });

  it('tells an unconfirmed user to confirm first', async () => {
    await hosted.api.signUp('new@example.com', PASSWORD);
    const url = authorizeUrl({}, '/login');
    const answer = await browser.submitLogin(
      url,
      await browser.visit(url),
      'new@example.com',
      PASSWORD,
    );
    expect(answer.status).toBe(200);
    expect(words(answer.text)).toContain('This account is not confirmed yet.');
  });

  it('refuses a post without the form’s token, with another request’s token, or from another origin', async () => {
    const url = authorizeUrl({}, '/login');
    const page = await browser.visit(url);
    const token = csrfOf(page.text);
    const noCookie = new TestBrowser(hosted.url);
    const stolen = await noCookie.visit(url, { _csrf: token, username: EMAIL, password: PASSWORD });
    expect(stolen.status).toBe(403);
    expect(words(stolen.text)).toContain('This sign-in form has expired.');

    const other = authorizeUrl({ state: 'another' }, '/login');
    const rebound = await browser.visit(other, {
      _csrf: token,
      username: EMAIL,
      password: PASSWORD,
    });
    expect(rebound.status).toBe(403);

    const fresh = await browser.visit(url);
    const crossSite = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost:5173',
        Cookie: `XSRF-TOKEN=${csrfOf(fresh.text)}`,
      },
      body: new URLSearchParams({
        _csrf: csrfOf(fresh.text),
        username: EMAIL,
        password: PASSWORD,
      }).toString(),
    });
    expect(crossSite.status).toBe(403);
  });

  it('signs in, sets the session cookie and returns to the app with a code and the state', async () => {
    const url = authorizeUrl({}, '/login');
    const answer = await browser.submitLogin(url, await browser.visit(url), EMAIL, PASSWORD);
    expect(answer.status).toBe(302);
    expect(answer.location?.searchParams.get('state')).toBe('st8');
    expect(answer.location?.searchParams.get('code')).toMatch(/^[\w-]+$/);
    expect(answer.headers.getSetCookie().join('\n')).toMatch(
      /^cognito=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/m,
    );
  });
});

describe('GET /logout', () => {
  async function signedIn(): Promise<void> {
    const url = authorizeUrl({}, '/login');
    await browser.submitLogin(url, await browser.visit(url), EMAIL, PASSWORD);
  }

  it('ends the session and goes to a listed logout_uri, so the next authorize shows the form', async () => {
    await signedIn();
    const out = await browser.visit(
      `/logout?${new URLSearchParams({ client_id: DEFAULT_CLIENT_ID, logout_uri: SIGNED_OUT })}`,
    );
    expect(out.status).toBe(302);
    expect(out.location?.href).toBe(SIGNED_OUT);
    expect(browser.cookies.has('cognito')).toBe(false);
    const again = await browser.visit(authorizeUrl({}));
    expect(again.location?.pathname).toBe('/login');
  });

  it('ends the session even when the browser keeps the old cookie', async () => {
    await signedIn();
    const cookie = browser.cookies.get('cognito') ?? '';
    await browser.visit(
      `/logout?${new URLSearchParams({ client_id: DEFAULT_CLIENT_ID, logout_uri: SIGNED_OUT })}`,
    );
    browser.cookies.set('cognito', cookie);
    const again = await browser.visit(authorizeUrl({}));
    expect(again.location?.pathname).toBe('/login');
  });

  it('goes back to the login with redirect_uri and the login parameters', async () => {
    await signedIn();
    const query = new URLSearchParams({
      client_id: DEFAULT_CLIENT_ID,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
    });
    const out = await browser.visit(`/logout?${query}`);
    expect(out.location?.pathname).toBe('/login');
    expect(out.location?.search).toBe(`?${query}`);
  });

  it('shows an error page for a logout_uri that is not listed, and keeps the session', async () => {
    await signedIn();
    const out = await browser.visit(
      `/logout?${new URLSearchParams({ client_id: DEFAULT_CLIENT_ID, logout_uri: 'https://evil.example/' })}`,
    );
    expect(out.status).toBe(400);
    expect(words(out.text)).toContain(
      'The logout_uri https://evil.example/ is not one of this app client’s sign-out URLs.',
    );
    const again = await browser.visit(authorizeUrl({}));
    expect(again.location?.searchParams.get('code')).toMatch(/.+/);
  });
});

describe('the openid-configuration', () => {
  it('lists exactly the pool domain’s endpoints, and each is served', async () => {
    const response = await fetch(`${hosted.issuer}/.well-known/openid-configuration`);
    const config = (await response.json()) as Record<string, unknown>;
    const endpoints = Object.entries(config).filter(([key]) => key.endsWith('_endpoint'));
    expect(Object.fromEntries(endpoints)).toEqual({
      authorization_endpoint: `${hosted.url}/oauth2/authorize`,
      token_endpoint: `${hosted.url}/oauth2/token`,
      userinfo_endpoint: `${hosted.url}/oauth2/userInfo`,
      revocation_endpoint: `${hosted.url}/oauth2/revoke`,
      end_session_endpoint: `${hosted.url}/logout`,
    });
    for (const [, url] of endpoints) {
      const answer = await fetch(String(url), {
        method:
          String(url).endsWith('authorize') ||
          String(url).endsWith('logout') ||
          String(url).endsWith('userInfo')
            ? 'GET'
            : 'POST',
        redirect: 'manual',
      });
      expect(answer.status, String(url)).not.toBe(404);
    }
    expect(config.issuer).toBe(`${hosted.url}/${DEFAULT_POOL_ID}`);
  });
});
