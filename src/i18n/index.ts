/**
 * English and Korean for the site: the language is picked from the browser, switchable, and
 * remembered in localStorage. Static page text is marked with `data-i18n="key"` (text) and
 * `data-i18n-attr="attribute:key; …"` (attributes) and translated in place.
 */
import { type MessageKey, messages } from './messages.ts';

export { type MessageKey, messages, type Translation } from './messages.ts';

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

/** The current language and the means to render messages in it. */
export interface I18n {
  readonly language: Language;
  /** The text of a message key in the current language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The text of a message (table key or server text) in the current language. */
  render(message: Message): string;
  /** Switches the language, remembers it and tells the listeners. */
  setLanguage(language: Language): void;
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
}

/** The localStorage key of the remembered language. */
export const LANGUAGE_STORAGE_KEY = 'wildrydes.language';

/** True when `key` is in the message table. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

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

/** Fills `{name}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
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

/** Creates the site's language state from the remembered choice and the browser's languages. */
export function createI18n({
  storage = browserStorage(),
  languages = browserLanguages(),
}: I18nDeps = {}): I18n {
  const remembered = (() => {
    try {
      return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  })();
  let language = pickLanguage(remembered, languages);
  const listeners = new Set<(language: Language) => void>();

  const t = (key: MessageKey, params?: MessageParams): string =>
    format(messages[key][language], params);

  return {
    get language() {
      return language;
    },
    t,
    render: (message) => ('key' in message ? t(message.key, message.params) : message.text),
    setLanguage(next) {
      language = next;
      try {
        storage?.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // Not remembering is acceptable where storage is full or blocked; the switch still works.
      }
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Translates every `data-i18n` / `data-i18n-attr` element under `root` into the current language. */
export function translateTree(root: ParentNode, i18n: I18n): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (isMessageKey(key)) element.textContent = i18n.t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(';')) {
      const [attribute = '', key = ''] = pair.split(':').map((part) => part.trim());
      if (attribute !== '' && isMessageKey(key)) element.setAttribute(attribute, i18n.t(key));
    }
  }
}
