/** The landing page: hero, "Giddy Up!" to register, a link to sign in, and the ride for the signed in. */
import type { I18n } from '../i18n/index.ts';
import type { StoredSession } from '../session.ts';
import { setupLanguage } from './language-switch.ts';
import { setupSessionNotice } from './session-notice.ts';

/** What the landing page needs. */
export interface LandingPageDeps {
  readonly i18n: I18n;
  /** The visitor's stored session, if any: it brings the offer to continue to the ride. */
  readonly session: StoredSession | null;
  /** The page's query string; defaults to the browser's. */
  readonly search?: string;
}

/**
 * Sets up the landing page: translation, the language switch and the session notice are all it
 * does, so it stays free of the Cognito library and of the other pages' code.
 */
export function setupLandingPage(root: ParentNode, deps: LandingPageDeps): void {
  setupLanguage(root, deps.i18n);
  setupSessionNotice(root, deps);
}
