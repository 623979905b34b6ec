/**
 * The managed login's pages: one layout (its stylesheet served beside it, since the CSP allows
 * no inline style or script), the error page for links that may not redirect, and redirects.
 */

import { type Html, html } from '../console/html.ts';
import { CONSOLE_HEADERS } from '../console/index.ts';
import { type Bilingual, type HostedLang, TEXT } from './text.ts';

/** The stylesheet's path below the pool domain's base. */
export const STYLESHEET_PATH = '/login.css';

/** The site's pink and ink on white, a narrow card first (360 px), as managed login looks. */
export const LOGIN_CSS = `
:root {
  --pink: #dc064d;
  --pink-deep: #b80040;
  --ink: #25091a;
  --muted: #5c4653;
  --line: #cdb4c0;
  --error: #a1002f;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans KR", "Noto Sans", Arial, sans-serif;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0;
  min-height: 100vh;
  font-family: var(--font);
  line-height: 1.5;
  color: var(--ink);
  background: #f6eef2;
  word-break: keep-all;
  overflow-wrap: anywhere;
}
main {
  max-width: 26rem;
  margin: 0 auto;
  padding: 2rem 1rem;
}
.card {
  background: #fff;
  border: 1px solid var(--line);
  border-radius: 0.75rem;
  padding: 1.5rem 1.25rem;
}
.badge {
  margin: 0 0 1rem;
  font-size: 0.85rem;
  color: var(--muted);
}
h1 { margin: 0 0 0.5rem; font-size: 1.6rem; }
.field { margin: 1rem 0; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input[type="email"], input[type="password"], input[type="text"] {
  width: 100%;
  padding: 0.65rem 0.75rem;
  font: inherit;
  border: 1px solid var(--muted);
  border-radius: 0.4rem;
}
input[aria-invalid="true"] { border: 2px solid var(--error); }
.error { margin: 0.25rem 0 0; color: var(--error); font-weight: 600; }
.notice {
  margin: 1rem 0;
  padding: 0.75rem;
  border-left: 4px solid var(--error);
  background: #fdecef;
}
.notice h2 { margin: 0 0 0.25rem; font-size: 1rem; }
.notice p { margin: 0; }
button {
  width: 100%;
  margin-top: 0.5rem;
  padding: 0.75rem;
  font: inherit;
  font-weight: 700;
  color: #fff;
  background: var(--pink-deep);
  border: 0;
  border-radius: 0.4rem;
  cursor: pointer;
}
button:hover { background: var(--ink); }
a { color: var(--pink-deep); }
.provider {
  display: block;
  margin-top: 1rem;
  padding: 0.7rem;
  text-align: center;
  font-weight: 700;
  color: var(--ink);
  text-decoration: none;
  border: 2px solid var(--ink);
  border-radius: 0.4rem;
}
.provider:hover { background: #f6eef2; }
.or { margin: 1.25rem 0 0; text-align: center; color: var(--muted); }
.stand-in .badge {
  padding: 0.5rem 0.75rem;
  font-weight: 700;
  color: var(--ink);
  background: #fff4cc;
  border: 2px dashed #8a6d00;
  border-radius: 0.4rem;
}
.accounts { list-style: none; margin: 1rem 0; padding: 0; }
.accounts li + li { margin-top: 0.5rem; }
button.account {
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  margin: 0;
  text-align: left;
  font-weight: 400;
  color: var(--ink);
  background: #fff;
  border: 1px solid var(--muted);
}
button.account:hover { background: #f6eef2; }
.account .who { font-weight: 700; }
.account .mail { color: var(--muted); font-size: 0.9rem; }
button.secondary {
  color: var(--ink);
  background: transparent;
  border: 1px solid var(--line);
}
button.secondary:hover { color: #fff; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
a:focus-visible, button:focus-visible, input:focus-visible {
  outline: 3px solid var(--ink);
  outline-offset: 2px;
}
.links { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 1rem 0 0; }
.langs { margin: 1rem 0 0; text-align: center; font-size: 0.9rem; }
.langs a[aria-current="true"] { font-weight: 700; color: var(--ink); text-decoration: none; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
`;

/**
 * Headers on every page: the console's (CSP without inline script or style, no framing, no
 * cache), except that same-origin requests keep their referrer: under `no-referrer` a browser
 * posts the login form with `Origin: null`, which the emulator refuses as a stranger's.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...CONSOLE_HEADERS,
  'Referrer-Policy': 'same-origin',
};

/**
 * A whole page: the layout around a card, links to the same page in both languages. `badge` says
 * whose page it is (the managed login's, or the Google stand-in's).
 */
export function page(
  lang: HostedLang,
  title: string,
  body: Html,
  where: { base: string; url: URL },
  badge: Bilingual = TEXT.badge,
): string {
  const standIn = badge !== TEXT.badge;
  const other = (to: HostedLang, label: string) => {
    const url = new URL(where.url);
    url.searchParams.set('lang', to);
    const current = to === lang;
    return html`<a href="${url.pathname}${url.search}" lang="${to}" hreflang="${to}"${
      current ? html` aria-current="true"` : ''
    }>${label}</a>`;
  };
  return `<!doctype html>${html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="${where.base}${STYLESHEET_PATH}"></head><body><main><div class="${standIn ? 'card stand-in' : 'card'}"><p class="badge">${badge[lang]}</p>${body}</div><nav class="langs" aria-label="${TEXT.language[lang]}">${other('en', 'English')} · ${other('ko', '한국어')}</nav></main></body></html>`}`;
}

/** An HTML answer with the pages' headers. */
export function htmlResponse(status: number, text: string, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('Content-Type', 'text/html; charset=utf-8');
  for (const [name, value] of Object.entries(PAGE_HEADERS)) all.set(name, value);
  return new Response(text, { status, headers: all });
}

/**
 * The error page for a link that may not send the browser back (unknown client, a redirect URI
 * not on the client's list): redirecting would hand codes or errors to an address nobody vetted.
 */
export function errorPage(
  lang: HostedLang,
  message: string,
  where: { base: string; url: URL },
  words: { title: Bilingual; badge: Bilingual } = { title: TEXT.errorTitle, badge: TEXT.badge },
): Response {
  const title = words.title[lang];
  const body = html`<h1>${title}</h1><p class="notice" role="alert">${message}</p><p>${TEXT.errorHelp[lang]}</p>`;
  return htmlResponse(400, page(lang, title, body, where, words.badge));
}

/** A 302 to `location`, with cookies set on the way. */
export function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 302, headers });
}

/** The stylesheet. */
export function stylesheet(): Response {
  return new Response(LOGIN_CSS, {
    status: 200,
    headers: {
      ...PAGE_HEADERS,
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
    },
  });
}
