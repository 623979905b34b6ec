/**
 * The console's Users and Groups pages opened as a browser would: a path, a method, a form, a
 * language, through the console's router; the page parsed into a document (jsdom's DOMParser:
 * test files run in the jsdom environment) for role and text queries.
 */

import { consolePages } from '../../emulator/console/index.ts';
import type { ConsoleLang } from '../../emulator/console/view.ts';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import type { Json } from '../../emulator/core/input.ts';

export const BASE = '/emulator';

/** What the console answered: its status, its page as a document, where it redirects. */
export interface Opened {
  status: number;
  document: Document;
  /** The redirect's target below the base, or `undefined` for a page. */
  redirect: string | undefined;
}

/**
 * Opens `target` (below the base, with query) through the console's router, as a browser on the
 * console's own pages asks: HTML accepted, forms URL-encoded and same-origin.
 */
export async function open(
  emulator: Emulator,
  target: string,
  options: { method?: 'GET' | 'POST'; form?: Record<string, string>; lang?: ConsoleLang } = {},
): Promise<Opened> {
  const method = options.method ?? 'GET';
  const url = new URL(`http://localhost${BASE}${target}`);
  const headers: Record<string, string> = {
    accept: 'text/html',
    'accept-language': options.lang ?? 'en',
  };
  if (method === 'POST') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['sec-fetch-site'] = 'same-origin';
  }
  const request = new Request(url, {
    method,
    headers,
    ...(method === 'POST' ? { body: new URLSearchParams(options.form ?? {}) } : {}),
  });
  const response = await consolePages(emulator)(request, {
    path: url.pathname.slice(BASE.length),
    basePath: BASE,
    baseUrl: `http://localhost${BASE}`,
  });
  if (!response) throw new Error(`the console did not answer ${method} ${target}`);
  const location = response.headers.get('location');
  return {
    status: response.status,
    document: new DOMParser().parseFromString(await response.text(), 'text/html'),
    redirect: location === null ? undefined : location.slice(BASE.length),
  };
}

/** The notice the layout shows above the page, if any. */
export function noticeOf(opened: Opened): { tone: string; message: string } | undefined {
  const notice = opened.document.querySelector('main > .notice');
  if (!notice) return undefined;
  return {
    tone: notice.classList.contains('notice-error') ? 'error' : 'success',
    message: notice.textContent ?? '',
  };
}

/** Every text of the elements matching `selector`, whitespace collapsed. */
export function texts(document: Document, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((el) =>
    (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** An admin operation on the default pool. */
export function admin(emulator: Emulator, operation: string, input: Json): Promise<Json> {
  return emulator.call(
    operation,
    { UserPoolId: DEFAULT_POOL_ID, ...input },
    { baseUrl: 'http://localhost' },
  );
}
