/**
 * The console's contract: a view answers one route with a page body or a redirect; the router
 * (index.ts) wraps pages in the shared layout, parses forms, picks the language and turns
 * CognitoErrors into notices. Views change data only through the emulator's operations (`call`),
 * never around them, so the console and the CLI see the same pool.
 */

import type { PoolConfig } from '../core/config.ts';
import type { Json } from '../core/input.ts';
import type { Mail } from '../core/pool/pool.ts';
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
  /**
   * A POST's form fields (empty for GET). When a POST's operation is refused, the router draws
   * the GET view of the same path with this still holding what was typed: views fill their
   * inputs from it, so nothing is lost.
   */
  readonly form: URLSearchParams;
  /** The emulator's clock in milliseconds, the one codes expire by. */
  readonly now: number;
  /** Where the site's pages are, for links into it (`''`: this origin); undefined when unknown. */
  readonly siteUrl: string | undefined;
  /** Every mail the emulator has sent, oldest first, as `GET /mailbox` lists them. */
  mailbox(): readonly Mail[];
  /** The shown pool's configuration: read-only, the config file is the source of truth. */
  poolConfig(): Readonly<PoolConfig>;
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
