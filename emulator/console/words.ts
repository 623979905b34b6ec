/**
 * What every console page says alike, in English and Korean (해요체): the words of its tables
 * (on, off, none, yes, no) and their common headings, and `fill` for the `{name}` slots of any
 * page's text.
 */

import type { Bilingual, ConsoleLang } from './view.ts';

/** Words more than one page shows, so that they read the same everywhere. */
export const WORDS = {
  on: { en: 'On', ko: '켜짐' },
  off: { en: 'Off', ko: '꺼짐' },
  none: { en: 'none', ko: '없음' },
  yes: { en: 'Yes', ko: '예' },
  no: { en: 'No', ko: '아니요' },
  username: { en: 'Username', ko: '사용자 이름' },
  name: { en: 'Name', ko: '이름' },
  value: { en: 'Value', ko: '값' },
  userPool: { en: 'User pool', ko: '사용자 풀' },
  mfa: { en: 'Two-step sign-in (MFA)', ko: '2단계 인증(MFA)' },
} satisfies Record<string, Bilingual>;

/** The entry in the reader's language, its `{name}` slots filled (unknown slots stay as written). */
export function fill(
  lang: ConsoleLang,
  entry: Bilingual,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return entry[lang].replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name] ?? slot) : slot,
  );
}
