/**
 * The console's shell around every page: a skip link, the "local emulator, not AWS" banner, the
 * navigation (Mailbox, Users, Groups, Pool), the language switch, the page's notice and body.
 */

import { type Html, html } from './html.ts';
import {
  type Bilingual,
  type ConsoleAnswer,
  type ConsoleLang,
  type ConsoleSection,
  text,
} from './view.ts';
import { WORDS } from './words.ts';

/** What a view's page answer gives the layout. */
export type LayoutPage = Pick<
  Extract<ConsoleAnswer, { kind: 'page' }>,
  'section' | 'title' | 'body' | 'notice'
>;

/** Where the page is drawn: its language, the console's base path and the request's URL. */
export interface LayoutContext {
  lang: ConsoleLang;
  base: string;
  url: URL;
  /** Every pool served; the first is shown unless `?pool=` names another. */
  poolIds: readonly string[];
}

const SECTIONS: readonly { section: ConsoleSection; label: Bilingual }[] = [
  { section: 'mailbox', label: { en: 'Mailbox', ko: '메일함' } },
  { section: 'users', label: { en: 'Users', ko: '사용자' } },
  { section: 'groups', label: { en: 'Groups', ko: '그룹' } },
  { section: 'pool', label: { en: 'Pool', ko: '풀 설정' } },
];

const TEXT = {
  console: { en: 'Cognito emulator console', ko: 'Cognito 에뮬레이터 콘솔' },
  skip: { en: 'Skip to content', ko: '본문으로 건너뛰기' },
  banner: {
    en: 'Local emulator — not AWS, local only',
    ko: '로컬 에뮬레이터예요 — AWS가 아니라 이 컴퓨터에서만 동작해요',
  },
  nav: { en: 'Console', ko: '콘솔' },
  language: { en: 'Language', ko: '언어' },
} satisfies Record<string, Bilingual>;

const OTHER: Record<ConsoleLang, { lang: ConsoleLang; label: string }> = {
  en: { lang: 'ko', label: '한국어' },
  ko: { lang: 'en', label: 'English' },
};

/** The section a path belongs to by its first segment (for pages without a view: 404s). */
export function sectionOf(path: string): ConsoleSection {
  const first = path.split('/')[1] ?? '';
  return SECTIONS.find(({ section }) => section === first)?.section ?? 'mailbox';
}

/** A whole HTML document: the page inside the console's shell. */
export function layout(page: LayoutPage, context: LayoutContext): string {
  const { lang, base, url } = context;
  const title = text(lang, page.title);
  const pool = url.searchParams.get('pool');
  const poolQuery =
    pool !== null && pool !== context.poolIds[0] ? `?${new URLSearchParams({ pool })}` : '';
  const other = OTHER[lang];
  const switched = new URL(url);
  switched.searchParams.set('lang', other.lang);
  const nav = SECTIONS.map(
    ({ section, label }) =>
      html`<li><a href="${base}/${section}${poolQuery}"${section === page.section ? html` aria-current="page"` : ''}>${text(lang, label)}</a></li>`,
  );
  const notice = page.notice
    ? html`<p class="notice notice-${page.notice.tone}" role="${page.notice.tone === 'error' ? 'alert' : 'status'}">${page.notice.message}</p>`
    : '';
  const document: Html = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${text(lang, TEXT.console)}</title>
<link rel="stylesheet" href="${base}/console.css">
<script src="${base}/console.js" defer></script>
</head>
<body data-base="${base}" data-lang="${lang}">
<a class="skip-link" href="#main">${text(lang, TEXT.skip)}</a>
<header>
<p class="banner"><strong>${text(lang, TEXT.banner)}</strong></p>
<div class="top">
<p class="brand">${text(lang, TEXT.console)}</p>
<nav aria-label="${text(lang, TEXT.nav)}"><ul>${nav}</ul></nav>
<p class="lang-switch"><a href="${switched.pathname}${switched.search}" hreflang="${other.lang}" lang="${other.lang}">${other.label}</a></p>
</div>
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${notice}
<p id="live" class="live" role="status"></p>
${page.body}
</main>
<footer class="foot"><p>${text(lang, WORDS.userPool)}: <code>${pool ?? context.poolIds[0] ?? ''}</code></p></footer>
</body>
</html>
`;
  return document.text;
}
