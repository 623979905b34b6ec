/**
 * The console's contract: a view answers one route with a page body or a redirect; the router
 * (index.ts) wraps pages in the shared layout, parses forms, picks the language and turns
 * CognitoErrors into notices. Views change data only through the emulator's operations (`call`),
 * never around them, so the console and the CLI see the same pool.
 */

import type { Json } from '../core/input.ts';
import type { Html } from './html.ts';

export type ConsoleLang = 'en' | 'ko';

/** Text in both languages; `text(lang, entry)` picks one. */
export interface Bilingual {
  en: string;
  ko: string;
}

export function text(lang: ConsoleLang, entry: Bilingual): string {
  return entry[lang];
}

/** The console's top-level sections (its navigation). */
export type ConsoleSection = 'mailbox' | 'users' | 'groups' | 'pool';

export interface ConsoleRequest {
  readonly request: Request;
  readonly url: URL;
  /** Values of the route pattern's `:name` segments, URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly lang: ConsoleLang;
  /** The console's path prefix: `''` standalone, `/emulator` on the dev server. Links: `${base}/users`. */
  readonly base: string;
  /** The pool shown (the emulator's first pool unless `?pool=` names another). */
  readonly poolId: string;
  /** A POST's form fields (empty for GET). */
  readonly form: URLSearchParams;
  /** Runs a Cognito operation (Admin ones included) on this emulator; refusals throw CognitoError. */
  call(operation: string, input: Json): Promise<Json>;
}

export type ConsoleAnswer =
  | {
      kind: 'page';
      status?: number;
      section: ConsoleSection;
      title: Bilingual;
      body: Html;
      /** Where a short confirmation or error goes above the body. */
      notice?: { tone: 'success' | 'error'; message: string };
    }
  | {
      kind: 'redirect';
      /** Path below the base, with query, e.g. `/users/jane?done=confirmed`. */
      to: string;
    };

export interface ConsoleRoute {
  method: 'GET' | 'POST';
  /** Path below the base: `/users`, `/users/:username`; segments starting `:` capture. */
  pattern: string;
  view(request: ConsoleRequest): Promise<ConsoleAnswer>;
}
