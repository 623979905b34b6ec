/**
 * The console's router: which page a request reaches, in which language, inside the layout;
 * what a refused form looks like (the error above it, what was typed still in it); and what it
 * refuses (foreign pages, non-forms). Served through the emulator's one HTTP handler.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { html } from '../../emulator/console/html.ts';
import { consolePages, LANG_COOKIE } from '../../emulator/console/index.ts';
import type { ConsoleRoute } from '../../emulator/console/view.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { testEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';

const BASE = 'http://127.0.0.1:9229';
const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** A page with a form, drawn from what was posted (as the Users pages draw theirs). */
const formRoutes: readonly ConsoleRoute[] = [
  {
    method: 'GET',
    pattern: '/things/:name',
    view: async (request) => ({
      kind: 'page',
      section: 'users',
      title: { en: `Thing ${request.params.name}`, ko: `항목 ${request.params.name}` },
      body: html`<form method="post"><label>Username <input name="username" value="${request.form.get('username') ?? ''}"></label></form>`,
    }),
  },
  {
    method: 'POST',
    pattern: '/things/:name',
    view: async (request) => {
      await request.call('AdminConfirmSignUp', {
        UserPoolId: request.poolId,
        Username: request.form.get('username') ?? '',
      });
      return {
        kind: 'redirect',
        to: `/things/${encodeURIComponent(request.params.name ?? '')}?done=1`,
      };
    },
  },
];

let emulator: Emulator;
let handle: (request: Request) => Promise<Response>;

beforeEach(async () => {
  emulator = await testEmulator();
  handle = createHttpHandler(emulator, {
    origin: BASE,
    pages: consolePages(emulator, { routes: formRoutes, siteUrl: '' }),
  });
});

function get(path: string, headers: Record<string, string> = HTML) {
  return handle(new Request(`${BASE}${path}`, { headers }));
}

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return handle(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: {
        ...HTML,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: BASE,
        'Sec-Fetch-Site': 'same-origin',
        ...headers,
      },
      body: new URLSearchParams(form),
    }),
  );
}

describe('the console’s router', () => {
  it('draws a route’s page inside the layout, its :name segments decoded', async () => {
    const response = await get('/things/a%20b');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<h1>Thing a b</h1>');
    expect(page).toContain('<title>Thing a b · Cognito emulator console</title>');
    expect(page).toContain('Local emulator — not AWS, local only');
    expect(page).toContain('<a href="/users" aria-current="page">Users</a>');
  });

  it('sends browsers from / to the mailbox, and leaves / to the API for scripts', async () => {
    const browser = await get('/');
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/mailbox');
    const script = await get('/', { Accept: '*/*' });
    expect(script.status).toBe(404);
    expect(await script.json()).toEqual({ message: 'No route for GET /' });
  });

  it('answers an unknown page with a 404 in the layout for browsers, JSON for scripts', async () => {
    const browser = await get('/nowhere');
    expect(browser.status).toBe(404);
    const page = await browser.text();
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toContain('Local emulator — not AWS, local only');
    expect(browser.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = await get('/nowhere', { Accept: 'application/json' });
    expect(script.status).toBe(404);
    expect(await script.json()).toEqual({ message: 'No route for GET /nowhere' });
  });

  it('answers a page of a pool it does not serve with a 404', async () => {
    const response = await get('/things/x?pool=local_Nowhere');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>Page not found</h1>');
  });

  it('follows a form that worked with a 303 to the page the view names', async () => {
    await emulator.call(
      'SignUp',
      { ClientId: 'wildrydeslocalclient', Username: 'rider@example.com', Password: PASSWORD },
      { baseUrl: BASE },
    );
    const response = await post('/things/x', { username: 'rider@example.com' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/things/x?done=1');
    const user = await emulator.call(
      'AdminGetUser',
      { UserPoolId: 'local_WildRydes', Username: 'rider@example.com' },
      { baseUrl: BASE },
    );
    expect(user).toMatchObject({ UserStatus: 'CONFIRMED' });
  });

  it('never redirects outside the console, whatever path a view names', async () => {
    const escaping = consolePages(emulator, {
      routes: [
        {
          method: 'GET',
          pattern: '/away',
          view: async () => ({ kind: 'redirect', to: '//evil.example/' }),
        },
      ],
    });
    await expect(
      escaping(new Request(`${BASE}/away`, { headers: HTML }), {
        path: '/away',
        basePath: '',
        baseUrl: BASE,
      }),
    ).rejects.toThrow('not a console path: //evil.example/');
  });

  it('shows a refused operation as an error above the form, with what was typed kept', async () => {
    const response = await post('/things/x', { username: 'nobody<b>@example.com' });
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain(
      '<p class="notice notice-error" role="alert">User does not exist. (UserNotFoundException)</p>',
    );
    expect(page).toContain('value="nobody&lt;b&gt;@example.com"');
    expect(page).toContain('<h1>Thing x</h1>');
  });

  it('refuses a form posted from another site, before anything runs', async () => {
    await emulator.call(
      'SignUp',
      { ClientId: 'wildrydeslocalclient', Username: 'rider@example.com', Password: PASSWORD },
      { baseUrl: BASE },
    );
    const crossSite = await post(
      '/things/x',
      { username: 'rider@example.com' },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Only the console’s own pages may send this form.');
    const foreign = await post(
      '/things/x',
      { username: 'rider@example.com' },
      { Origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      message:
        'Pages from https://evil.example may not call this emulator; name the origin with --allow-origin or EMULATOR_ALLOWED_ORIGINS.',
    });
    const user = await emulator.call(
      'AdminGetUser',
      { UserPoolId: 'local_WildRydes', Username: 'rider@example.com' },
      { baseUrl: BASE },
    );
    expect(user).toMatchObject({ UserStatus: 'UNCONFIRMED' });
  });

  it('takes forms only', async () => {
    const response = await post(
      '/things/x',
      { username: 'rider@example.com' },
      { 'Content-Type': 'application/json' },
    );
    expect(response.status).toBe(415);
    expect(await response.text()).toContain(
      'The console takes forms (application/x-www-form-urlencoded) only.',
    );
  });
});

describe('the console’s language', () => {
  it('is English unless the browser prefers Korean', async () => {
    const english = await (await get('/things/x')).text();
    expect(english).toContain('<html lang="en">');
    const korean = await get('/things/x', {
      ...HTML,
      'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.8',
    });
    const page = await korean.text();
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('로컬 에뮬레이터예요 — AWS가 아니라 이 컴퓨터에서만 동작해요');
    expect(page).toContain('<h1>항목 x</h1>');
  });

  it('follows Accept-Language by its q-values', async () => {
    const page = await (
      await get('/things/x', { ...HTML, 'Accept-Language': 'fr;q=1, en;q=0.5, ko;q=0.8' })
    ).text();
    expect(page).toContain('<html lang="ko">');
  });

  it('is what ?lang= says, remembered by a cookie for the next pages', async () => {
    const chosen = await get('/things/x?lang=ko', { ...HTML, 'Accept-Language': 'en' });
    expect(await chosen.text()).toContain('<html lang="ko">');
    const cookie = chosen.headers.get('set-cookie') ?? '';
    expect(cookie).toBe(`${LANG_COOKIE}=ko; Path=/; SameSite=Strict; Max-Age=31536000`);
    const next = await get('/things/x', {
      ...HTML,
      'Accept-Language': 'en',
      Cookie: `other=1; ${LANG_COOKIE}=ko`,
    });
    expect(await next.text()).toContain('<html lang="ko">');
  });

  it('offers the other language as a link to the same page', async () => {
    const english = await (await get('/things/x?pool=local_WildRydes')).text();
    expect(english).toContain(
      '<a href="/things/x?pool=local_WildRydes&amp;lang=ko" hreflang="ko" lang="ko">한국어</a>',
    );
    const korean = await (await get('/things/x?lang=ko')).text();
    expect(korean).toContain('<a href="/things/x?lang=en" hreflang="en" lang="en">English</a>');
  });
});
