/** The part of every page that is about language: translating the page and the language switch. */
import { type I18n, type Language, translateTree } from '../i18n/index.ts';

function documentOf(root: ParentNode): Document | null {
  if (root instanceof Document) return root;
  return root instanceof Node ? root.ownerDocument : null;
}

/**
 * Translates the page and wires the language switch; runs again on every language change, so
 * static text follows the switch.
 */
export function setupLanguage(root: ParentNode, i18n: I18n): void {
  const apply = (language: Language): void => {
    translateTree(root, i18n);
    const html = documentOf(root)?.documentElement;
    if (html !== undefined) html.lang = language;
    for (const toggle of root.querySelectorAll<HTMLElement>('[data-language-toggle]')) {
      toggle.lang = language === 'en' ? 'ko' : 'en';
    }
  };
  for (const toggle of root.querySelectorAll<HTMLElement>('[data-language-toggle]')) {
    toggle.addEventListener('click', () => {
      // Offline, the other language's table may not load: the page then stays as it is.
      i18n.setLanguage(i18n.language === 'en' ? 'ko' : 'en').catch(() => {});
    });
  }
  i18n.subscribe(apply);
  apply(i18n.language);
}
