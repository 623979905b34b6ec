/**
 * The console's router: matches a request to one of `consoleRoutes`, picks the language, parses
 * POST forms, runs the view and wraps its page in the layout. A refused operation (CognitoError)
 * becomes an error notice on the same page, with what was typed kept; unknown paths get a 404
 * in the layout. Adapters hand `consolePages(emulator)` to the HTTP handler as its `pages`.
 */

import { CognitoError } from '../core/cognito-error.ts';
import type { Emulator } from '../core/emulator.ts';
import type { PageHandler } from '../core/http.ts';
import { consoleScript } from './client.ts';
import { html } from './html.ts';
import { type LayoutPage, layout, sectionOf } from './layout.ts';
import { consoleRoutes } from './routes.ts';
import { CONSOLE_CSS } from './style.ts';
import type {
  Bilingual,
  ConsoleAnswer,
  ConsoleLang,
  ConsoleRequest,
  ConsoleRoute,
} from './view.ts';

/** Headers on every console response: no inline script, no framing, nothing cached. */
export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

/** The cookie that remembers the language chosen with `?lang=`. */
export const LANG_COOKIE = 'emulator-console-lang';

export interface ConsoleOptions {
  /**
   * Where the site's pages are, for links that open its verify or reset step: `''` when the site
   * is on the console's own origin (the dev server), an absolute URL, or undefined when unknown.
   */
  siteUrl?: string;
  /** The routes served; the console's own by default. */
  routes?: readonly ConsoleRoute[];
}

/** Cognito refusals that mean "no such thing": the page answers 404, not 400. */
const NOT_FOUND_TYPES = new Set(['UserNotFoundException', 'ResourceNotFoundException']);

const TEXT = {
  notFound: { en: 'Page not found', ko: '페이지를 찾을 수 없어요' },
  notFoundBody: {
    en: 'The console has no page at this address.',
    ko: '콘솔에 이 주소의 페이지가 없어요.',
  },
  toMailbox: { en: 'Go to the mailbox', ko: '메일함으로 가기' },
  refused: { en: 'Not done', ko: '처리하지 않았어요' },
  crossSite: {
    en: 'Only the console’s own pages may send this form.',
    ko: '콘솔의 페이지에서만 이 양식을 보낼 수 있어요.',
  },
  notAForm: {
    en: 'The console takes forms (application/x-www-form-urlencoded) only.',
    ko: '콘솔은 양식(application/x-www-form-urlencoded)만 받아요.',
  },
} satisfies Record<string, Bilingual>;

/** The console as pages beside the emulator's API: pass it as `createHttpHandler`'s `pages`. */
export function consolePages(emulator: Emulator, options: ConsoleOptions = {}): PageHandler {
  const routes = options.routes ?? consoleRoutes;
  const script = consoleScript();
  return async (request, { path, basePath, baseUrl }) => {
    const method = request.method;
    if (method === 'GET' && path === '/console.css') return asset(CONSOLE_CSS, 'text/css');
    if (method === 'GET' && path === '/console.js') return asset(script, 'text/javascript');
    const url = new URL(request.url);
    const lang = chooseLang(request, url);
    const headers = langCookie(url, basePath);
    const poolIds = emulator.poolIds();
    const draw = (status: number, page: LayoutPage) =>
      respond(status, layout(page, { lang, base: basePath, url, poolIds }), headers);
    const problem = (status: number, title: Bilingual, message: Bilingual) =>
      draw(status, {
        section: sectionOf(path),
        title,
        body: html`<p>${message[lang]}</p><p><a href="${basePath}/mailbox">${TEXT.toMailbox[lang]}</a></p>`,
      });

    if (method === 'GET' && path === '/' && acceptsHtml(request))
      return redirect(`${basePath}/mailbox`, headers);
    const found = match(routes, method, path);
    const asked = url.searchParams.get('pool');
    if (!found || (asked !== null && !poolIds.includes(asked))) {
      if (!acceptsHtml(request) || (method !== 'GET' && method !== 'POST')) return undefined;
      return problem(404, TEXT.notFound, TEXT.notFoundBody);
    }
    if (method === 'POST') {
      // Browsers say where a form came from; only the console's own pages may post to it.
      const site = request.headers.get('sec-fetch-site');
      if (site !== null && site !== 'same-origin')
        return problem(403, TEXT.refused, TEXT.crossSite);
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
        return problem(415, TEXT.refused, TEXT.notAForm);
      }
    }
    const form =
      method === 'POST' ? new URLSearchParams(await request.text()) : new URLSearchParams();
    const ask = (params: Readonly<Record<string, string>>): ConsoleRequest => ({
      request,
      url,
      params,
      lang,
      base: basePath,
      poolId: asked ?? poolIds[0] ?? '',
      form,
      now: emulator.now(),
      siteUrl: options.siteUrl,
      mailbox: () => emulator.mailbox(),
      poolConfig: () => emulator.pool(asked ?? poolIds[0] ?? '').config,
      call: (operation, input) => emulator.call(operation, input, { baseUrl }),
    });
    const answer = (result: ConsoleAnswer, status?: number): Response => {
      if (result.kind === 'redirect') {
        // Always below the console: `//host` or a scheme here would send the browser elsewhere.
        if (!/^\/(?![/\\])/.test(result.to)) throw new Error(`not a console path: ${result.to}`);
        return redirect(`${basePath}${result.to}`, headers);
      }
      return draw(status ?? result.status ?? 200, result);
    };
    try {
      return answer(await found.route.view(ask(found.params)));
    } catch (error) {
      if (!(error instanceof CognitoError)) throw error;
      const notice = { tone: 'error' as const, message: `${error.message} (${error.type})` };
      const status = NOT_FOUND_TYPES.has(error.type) ? 404 : 400;
      // A refused form comes back as its GET view draws it, from `form`: nothing typed is lost.
      const again = method === 'POST' ? match(routes, 'GET', path) : undefined;
      const retried = again ? await again.route.view(ask(again.params)).catch(keepCognito) : null;
      if (retried?.kind === 'page') return answer({ ...retried, notice }, status);
      return draw(status, { section: sectionOf(path), title: TEXT.refused, body: html``, notice });
    }
  };
}

/** A CognitoError while redrawing a refused form leaves the notice alone on the page. */
function keepCognito(error: unknown): null {
  if (error instanceof CognitoError) return null;
  throw error;
}

/** The route for a method and path, with its `:name` segments decoded; undefined if none. */
export function match(
  routes: readonly ConsoleRoute[],
  method: string,
  path: string,
): { route: ConsoleRoute; params: Record<string, string> } | undefined {
  const segments = path.split('/').slice(1);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      const value = decoded(segment);
      if (value === undefined || value === '') return false;
      params[part.slice(1)] = value;
      return true;
    });
    if (fits) return { route, params };
  }
  return undefined;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The language: `?lang=` (then remembered by a cookie), else the cookie, else the first of
 * English or Korean in Accept-Language by its q-values, else English.
 */
export function chooseLang(request: Request, url: URL): ConsoleLang {
  const asked = url.searchParams.get('lang');
  if (asked === 'en' || asked === 'ko') return asked;
  const cookie = (request.headers.get('cookie') ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LANG_COOKIE)?.[1];
  if (cookie === 'en' || cookie === 'ko') return cookie;
  const ranked = (request.headers.get('accept-language') ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ko' || tag.startsWith('ko-')) return 'ko';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

function langCookie(url: URL, basePath: string): Record<string, string> {
  const asked = url.searchParams.get('lang');
  if (asked !== 'en' && asked !== 'ko') return {};
  return {
    'Set-Cookie': `${LANG_COOKIE}=${asked}; Path=${basePath || '/'}; SameSite=Strict; Max-Age=31536000`,
  };
}

function acceptsHtml(request: Request): boolean {
  return /(^|,)\s*text\/html\b/i.test(request.headers.get('accept') ?? '');
}

function respond(status: number, body: string, headers: Record<string, string>): Response {
  return new Response(body, {
    status,
    headers: { ...CONSOLE_HEADERS, ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

function redirect(location: string, headers: Record<string, string>): Response {
  // 303: after a POST the browser fetches the next page with GET, so a reload posts nothing.
  return new Response(null, {
    status: 303,
    headers: { ...CONSOLE_HEADERS, ...headers, Location: location },
  });
}

function asset(body: string, type: string): Response {
  return new Response(body, {
    status: 200,
    headers: { ...CONSOLE_HEADERS, 'Content-Type': `${type}; charset=utf-8` },
  });
}
