/**
 * The HTML every page shares, written once: the head's common tags, the skip link and the header.
 * A page keeps what is its own (title, entry script, body class, main) and marks where the shared
 * parts go:
 *
 * - `<!-- site:head -->` in its head;
 * - `<site-header></site-header>` at the top of its body, holding the page's own header actions,
 *   if any (the ride page's account menu), which go before the language switch;
 * - `<password-rules id="…"></password-rules>` where a form shows the live password checklist;
 * - `<hosted-sign-in></hosted-sign-in>`, at most once, where the hosted sign-in buttons go
 *   (src/pages/hosted-buttons.ts shows them when the site has a user pool domain).
 *
 * Build-time code, outside `src/` (which ships to browsers): the Vite plugin below applies it for
 * `npm run dev` and `npm run build`, and the jsdom page tests load the pages through it too, so
 * they test the markup that ships.
 */
import type { Plugin } from 'vite';
import { PASSWORD_RULES, type PasswordRule } from '../src/password-rules.ts';

/** The brand pink: `--pink` in src/styles/main.css (tests/site/page-html.test.ts holds them equal). */
export const BRAND_COLOR = '#dc064d';

const HEAD = [
  '<meta charset="utf-8" />',
  '<meta name="viewport" content="width=device-width, initial-scale=1" />',
  '<meta name="color-scheme" content="light" />',
  `<meta name="theme-color" content="${BRAND_COLOR}" />`,
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
  '<link rel="stylesheet" href="/src/styles/main.css" />',
];

const header = (actions: readonly string[]): string[] => [
  '<a class="skip-link" href="#main" data-i18n="common.skip">Skip to content</a>',
  '<header class="site-header">',
  '  <a class="wordmark" href="index.html">',
  '    <svg class="wordmark-horn" viewBox="0 0 22 38" aria-hidden="true" focusable="false">',
  '      <path d="M11 1 19.5 35.5Q11 39 2.5 35.5Z" fill="currentColor" />',
  `      <path d="M5 29.5 16.6 25.8M6.6 21.6 14.6 19M8.3 13.6 12.8 12.2" stroke="${BRAND_COLOR}" stroke-width="2.2" stroke-linecap="round" fill="none" />`,
  '    </svg>',
  '    <span class="wordmark-text">Wild Rydes</span>',
  '  </a>',
  '  <div class="header-actions">',
  ...actions.map((line) => `    ${line}`),
  '    <button type="button" class="lang-toggle" data-language-toggle lang="ko" data-i18n="lang.switch" data-i18n-attr="title: lang.switchLabel" title="Switch to Korean">한국어</button>',
  '  </div>',
  '</header>',
];

/** The English text of each rule src/password-rules.ts checks (the table translates it). */
const RULE_TEXT: Readonly<Record<PasswordRule, string>> = {
  length: 'at least 8 characters',
  upper: 'an uppercase letter (A–Z)',
  lower: 'a lowercase letter (a–z)',
  digit: 'a number (0–9)',
  symbol: 'a symbol, such as ! @ # $',
};

const passwordRules = (id: string): string[] => [
  `<div class="rules" id="${id}">`,
  '  <p data-i18n="register.rulesHeading">Your password needs</p>',
  '  <ul>',
  ...PASSWORD_RULES.map(
    (rule) =>
      `    <li data-rule="${rule}"><span class="rule-mark" aria-hidden="true" data-rule-mark></span> <span data-i18n="rules.${rule}">${RULE_TEXT[rule]}</span> <span class="visually-hidden" data-rule-state>not met yet</span></li>`,
  ),
  '  </ul>',
  '</div>',
];

// Hidden until src/pages/hosted-buttons.ts finds a user pool domain in the site's config.
const HOSTED_SIGN_IN = [
  '<div id="hostedSignIn" class="hosted" hidden>',
  '  <p class="divider"><span data-i18n="hosted.or">or</span></p>',
  '  <button type="button" class="pill hosted-button" data-hosted-provider="Google">',
  '    <svg class="google-g" viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
  '      <g fill="none" stroke-width="3.6">',
  '        <path d="M17.3 6.7A7.5 7.5 0 0 0 4.95 9.43" stroke="#ea4335" />',
  '        <path d="M4.95 9.43A7.5 7.5 0 0 0 5.5 15.75" stroke="#fbbc05" />',
  '        <path d="M5.5 15.75A7.5 7.5 0 0 0 17.3 17.3" stroke="#34a853" />',
  '        <path d="M17.3 17.3A7.5 7.5 0 0 0 19.5 12H12" stroke="#4285f4" />',
  '      </g>',
  '    </svg>',
  '    <span data-i18n="hosted.google">Continue with Google</span>',
  '  </button>',
  '  <button type="button" class="pill pill-outline hosted-button" data-hosted-provider=""><span data-i18n="hosted.managed">Use hosted sign-in</span></button>',
  '  <p id="hostedMessage" class="message" role="alert"></p>',
  '</div>',
];

const HEAD_MARKER = /^([ \t]*)<!-- site:head -->[ \t]*$/gm;
// Any number of these: register.html and the password-reset step show the same checklist.
const RULES_MARKER = /^([ \t]*)<password-rules id="([\w-]+)"><\/password-rules>[ \t]*$/gm;
const HEADER_MARKER = /^([ \t]*)<site-header>([\s\S]*?)<\/site-header>[ \t]*$/gm;
const HOSTED_MARKER = /^([ \t]*)<hosted-sign-in><\/hosted-sign-in>[ \t]*$/gm;

/**
 * A page's HTML with the shared head, header, password checklists and hosted sign-in buttons
 * written in at its markers.
 */
export function renderPage(html: string): string {
  const withHead = fill(html, HEAD_MARKER, '<!-- site:head -->', (indent) =>
    indented(HEAD, indent),
  );
  const withHeader = fill(withHead, HEADER_MARKER, '<site-header>', (indent, actions) =>
    indented(header(dedented(actions)), indent),
  );
  const hosted = withHeader.match(HOSTED_MARKER)?.length ?? 0;
  // The buttons' ids are fixed: twice on one page, the second set would be unreachable by id.
  if (hosted > 1) {
    throw new Error(`A page has at most one <hosted-sign-in> marker; this one has ${hosted}.`);
  }
  return withHeader
    .replace(RULES_MARKER, (_line, indent: string, id: string) =>
      indented(passwordRules(id), indent),
    )
    .replace(HOSTED_MARKER, (_line, indent: string) => indented(HOSTED_SIGN_IN, indent));
}

/** Vite plugin: writes the shared parts into every page, for the dev server and the build alike. */
export function sitePages(): Plugin {
  return {
    name: 'wild-rydes:site-pages',
    // Before Vite reads the page, so the shared stylesheet and icon are bundled like its own.
    transformIndexHtml: { order: 'pre', handler: (html) => renderPage(html) },
  };
}

// Exactly one of each: a page without a marker would silently ship without its header.
function fill(
  html: string,
  marker: RegExp,
  name: string,
  render: (indent: string, inner: string) => string,
): string {
  const count = html.match(marker)?.length ?? 0;
  if (count !== 1) throw new Error(`A page needs one ${name} marker; this one has ${count}.`);
  return html.replace(marker, (_line, indent: string, inner = '') => render(indent, inner));
}

function indented(lines: readonly string[], indent: string): string {
  return lines.map((line) => indent + line).join('\n');
}

/** The non-blank lines of `text`, without the indentation they share. */
function dedented(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const shared = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(shared).trimEnd());
}
