/**
 * The console's Users and Groups views opened as a browser would: a path, a method, a form, a
 * language; the route found by its pattern, its page parsed into a document (jsdom's DOMParser;
 * test files run in the jsdom environment) for role and text queries. The emulator behind it is a fresh test emulator with a frozen clock.
 */

import { groupRoutes } from '../../emulator/console/groups.ts';
import { userRoutes } from '../../emulator/console/users/index.ts';
import type { ConsoleAnswer, ConsoleLang, ConsoleRoute } from '../../emulator/console/view.ts';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import type { Json } from '../../emulator/core/input.ts';

const ROUTES: ConsoleRoute[] = [...userRoutes, ...groupRoutes];

export const BASE = '/emulator';

/** What a view answered, with its page (when it is one) as a document. */
export interface Opened {
  answer: ConsoleAnswer;
  status: number;
  document: Document;
  /** The redirect's target below the base, or `undefined` for a page. */
  redirect: string | undefined;
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return undefined;
  }
  return params;
}

/** Opens `target` (below the base, with query) on the emulator's console views. */
export async function open(
  emulator: Emulator,
  target: string,
  options: { method?: 'GET' | 'POST'; form?: Record<string, string>; lang?: ConsoleLang } = {},
): Promise<Opened> {
  const method = options.method ?? 'GET';
  const url = new URL(`http://localhost${BASE}${target}`);
  const path = url.pathname.slice(BASE.length);
  const found = ROUTES.flatMap((route) => {
    const params = route.method === method ? match(route.pattern, path) : undefined;
    return params ? [{ route, params }] : [];
  });
  const [first] = found;
  if (!first) throw new Error(`no console route answers ${method} ${path}`);
  const form = new URLSearchParams(options.form ?? {});
  const answer = await first.route.view({
    request: new Request(url, method === 'POST' ? { method, body: form } : {}),
    url,
    params: first.params,
    lang: options.lang ?? 'en',
    base: BASE,
    poolId: url.searchParams.get('pool') ?? DEFAULT_POOL_ID,
    form,
    call: (operation: string, input: Json) =>
      emulator.call(operation, input, { baseUrl: 'http://localhost' }),
  });
  const body = answer.kind === 'page' ? answer.body.text : '';
  return {
    answer,
    status: answer.kind === 'page' ? (answer.status ?? 200) : 303,
    document: new DOMParser().parseFromString(`<!doctype html><main>${body}</main>`, 'text/html'),
    redirect: answer.kind === 'redirect' ? answer.to : undefined,
  };
}

/** The notice a page carries, if any. */
export function noticeOf(opened: Opened): { tone: string; message: string } | undefined {
  return opened.answer.kind === 'page' ? opened.answer.notice : undefined;
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
