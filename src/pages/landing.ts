/** The landing page: hero, "Giddy Up!" to register, and a link to sign in. */
import { type ShellDeps, setupShell } from './ui.ts';

/** What the landing page needs. */
export type LandingPageDeps = ShellDeps;

/** Sets up the landing page (translation and the language switch are all it does). */
export function setupLandingPage(root: ParentNode, deps: LandingPageDeps): void {
  setupShell(root, deps);
}
