/** The landing page: hero, "Giddy Up!" to register, and a link to sign in. */
import type { I18n } from '../i18n/index.ts';
import { setupLanguage } from './language-switch.ts';

/** What the landing page needs. */
export interface LandingPageDeps {
  readonly i18n: I18n;
}

/**
 * Sets up the landing page: translation and the language switch are all it does, so it stays
 * free of the Cognito library and of the other pages' code.
 */
export function setupLandingPage(root: ParentNode, { i18n }: LandingPageDeps): void {
  setupLanguage(root, i18n);
}
