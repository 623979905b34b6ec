/**
 * English and Korean for the site: the language is picked from the browser, switchable, and
 * remembered in localStorage. Static page text is marked with `data-i18n="key"` (text) and
 * `data-i18n-attr="attribute:key; …"` (attributes) and translated in place. Each language's
 * table is a module of its own, loaded when that language is shown, so a page downloads one.
 */
import { isParticle, withParticle } from './particles.ts';
import type { enConfig } from './tables/en-config.ts';
import type { enForms } from './tables/en-forms.ts';
import type { enHosted } from './tables/en-hosted.ts';
import type { enRide } from './tables/en-ride.ts';
import type { enSite } from './tables/en-site.ts';

/**
 * The parts of the message table; a page loads the parts it shows, and `config` only when the
 * build's configuration has a problem to show.
 */
export type Part = 'site' | 'forms' | 'ride' | 'hosted' | 'config';

/** A key of the message table. */
export type MessageKey =
  | keyof typeof enSite
  | keyof typeof enForms
  | keyof typeof enRide
  | keyof typeof enHosted
  | keyof typeof enConfig;

/** The languages the site speaks. */
export const LANGUAGES = ['en', 'ko'] as const;

/** One of the site's languages. */
export type Language = (typeof LANGUAGES)[number];

/** Values for `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string>>;

/** Something to show a person: a table message, or text that came from a server as is. */
export type Message =
  | { readonly key: MessageKey; readonly params?: MessageParams }
  | { readonly text: string };

/** One language's texts, as far as they are loaded. */
export type Table = Readonly<Partial<Record<MessageKey, string>>>;

/** Fetches one part of a language's table (a dynamic import in the browser). */
export type TableLoader = (language: Language, part: Part) => Promise<Table>;

/** The current language and the means to render messages in it. */
export interface I18n {
  readonly language: Language;
  /** True when `key` is a message key (checked against the loaded table). */
  has(key: string): key is MessageKey;
  /** The text of a message key in the current language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The text of a message (table key or server text) in the current language. */
  render(message: Message): string;
  /**
   * Switches the language, remembers it and tells the listeners; at once when its table is
   * loaded, otherwise once it has arrived (the promise says when).
   */
  setLanguage(language: Language): Promise<void>;
  /** Calls `listener` after every language change; returns the unsubscribe function. */
  subscribe(listener: (language: Language) => void): () => void;
}

/** Where the language choice is remembered. */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** What `createI18n` needs; the defaults are the browser's. */
export interface I18nDeps {
  readonly storage?: LanguageStorage | null;
  /** The browser's preferred languages, most preferred first. */
  readonly languages?: readonly string[];
  /** Tables already at hand; the current language's must hold the page's parts. */
  readonly tables?: Partial<Record<Language, Table>>;
  /** The parts of the table the page shows (all of them unless told). */
  readonly parts?: readonly Part[];
  /** How a missing part is fetched. */
  readonly load?: TableLoader;
}

/** Every part of the table. */
export const ALL_PARTS: readonly Part[] = ['site', 'forms', 'ride', 'hosted', 'config'];

/** The site's tables, each part of each language a chunk of its own. */
export const loadTable: TableLoader = (language, part) => {
  // Spelled out, so the bundler sees every chunk.
  if (language === 'ko') {
    if (part === 'site') return import('./tables/ko-site.ts').then((m) => m.koSite);
    if (part === 'forms') return import('./tables/ko-forms.ts').then((m) => m.koForms);
    if (part === 'hosted') return import('./tables/ko-hosted.ts').then((m) => m.koHosted);
    if (part === 'config') return import('./tables/ko-config.ts').then((m) => m.koConfig);
    return import('./tables/ko-ride.ts').then((m) => m.koRide);
  }
  if (part === 'site') return import('./tables/en-site.ts').then((m) => m.enSite);
  if (part === 'forms') return import('./tables/en-forms.ts').then((m) => m.enForms);
  if (part === 'hosted') return import('./tables/en-hosted.ts').then((m) => m.enHosted);
  if (part === 'config') return import('./tables/en-config.ts').then((m) => m.enConfig);
  return import('./tables/en-ride.ts').then((m) => m.enRide);
};

/**
 * The parts of the message table a page shows, as its `<html data-i18n-parts="site forms">`
 * names them: written once in the page, read by its entry and by the early table loader.
 */
export function pageParts(page: Document): Part[] {
  const names = (page.documentElement.dataset.i18nParts ?? '').split(/\s+/).filter(Boolean);
  const parts = names.filter(isPart);
  if (parts.length === 0 || parts.length !== names.length) {
    throw new Error(
      `<html data-i18n-parts> must name parts of ${ALL_PARTS.join(', ')}; it says "${names.join(' ')}"`,
    );
  }
  return parts;
}

function isPart(name: string): name is Part {
  return (ALL_PARTS as readonly string[]).includes(name);
}

/** A language's table with the page's parts loaded and merged. */
async function loadParts(
  load: TableLoader,
  language: Language,
  parts: readonly Part[],
): Promise<Table> {
  const loaded = await Promise.all(parts.map((part) => load(language, part)));
  return Object.assign({}, ...loaded);
}

/** The localStorage key of the remembered language. */
export const LANGUAGE_STORAGE_KEY = 'wildrydes.language';

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language if any, else the first preferred language the site speaks, else English. */
export function pickLanguage(remembered: string | null, preferred: readonly string[]): Language {
  if (isLanguage(remembered)) return remembered;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * Fills `{name}` placeholders; `{name:이/가}` adds the particle that fits the value's last sound
 * (로시난테가, 부케팔로스가). Unknown placeholders stay visible so a missing parameter is noticed.
 */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)(?::([^{}]+))?\}/g, (whole, name: string, particle?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (particle === undefined) return value;
    return isParticle(particle) ? withParticle(value, particle) : whole;
  });
}

/** The name a greeting uses for a person known by email: the part before the @. */
export function emailName(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}

function browserStorage(): LanguageStorage | null {
  // Reading localStorage throws where storage is blocked (privacy settings, sandboxed frames).
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

function rememberedLanguage(storage: LanguageStorage | null): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The language a visitor gets: remembered, else from the browser, else English. */
export function initialLanguage({
  storage = browserStorage(),
  languages = browserLanguages(),
}: Pick<I18nDeps, 'storage' | 'languages'> = {}): Language {
  return pickLanguage(rememberedLanguage(storage), languages);
}

/**
 * Creates the site's language state. The current language's table must hold the page's parts
 * (`loadI18n` fetches them first); another language's are loaded when the visitor switches.
 */
export function createI18n({
  storage = browserStorage(),
  languages = browserLanguages(),
  tables = {},
  parts = ALL_PARTS,
  load = loadTable,
}: I18nDeps = {}): I18n {
  let language = pickLanguage(rememberedLanguage(storage), languages);
  const loaded: Partial<Record<Language, Table>> = { ...tables };
  const listeners = new Set<(language: Language) => void>();
  // Without a table (a markup-only page in English) nothing is a key, so the markup stays.
  const has = (key: string): key is MessageKey => Object.hasOwn(loaded[language] ?? {}, key);

  const t = (key: MessageKey, params?: MessageParams): string => {
    const text = loaded[language]?.[key];
    if (text === undefined) throw new Error(`${key} is not loaded for ${language}`);
    return format(text, params);
  };

  const switchTo = (next: Language) => {
    language = next;
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Not remembering is acceptable where storage is full or blocked; the switch still works.
    }
    for (const listener of listeners) listener(next);
  };

  return {
    get language() {
      return language;
    },
    has,
    t,
    render: (message) => ('key' in message ? t(message.key, message.params) : message.text),
    async setLanguage(next) {
      if (loaded[next] === undefined) loaded[next] = await loadParts(load, next, parts);
      switchTo(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Picks the visitor's language and loads the page's parts of its table, then creates the language
 * state. A page whose only text is its English markup passes `markupOnly`: no table for English.
 */
export async function loadI18n({
  markupOnly = false,
  ...deps
}: I18nDeps & { readonly markupOnly?: boolean } = {}): Promise<I18n> {
  const language = initialLanguage(deps);
  const load = deps.load ?? loadTable;
  const tables = { ...deps.tables };
  if (!(markupOnly && language === 'en')) {
    tables[language] ??= await loadParts(load, language, deps.parts ?? ALL_PARTS);
  }
  return createI18n({ ...deps, tables, load });
}

/** Translates every `data-i18n` / `data-i18n-attr` element under `root` into the current language. */
export function translateTree(root: ParentNode, i18n: I18n): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (i18n.has(key)) element.textContent = i18n.t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(';')) {
      const [attribute = '', key = ''] = pair.split(':').map((part) => part.trim());
      if (attribute !== '' && i18n.has(key)) element.setAttribute(attribute, i18n.t(key));
    }
  }
}
