/**
 * The session notices of the landing and sign-in pages: "You're signed out" after signing out, and
 * "Continue to your ride" for a visitor who is still signed in. Neither loads the Cognito library.
 */
import type { I18n } from '../i18n/index.ts';
import type { StoredSession } from '../session.ts';

/** What the session notice needs. */
export interface SessionNoticeDeps {
  readonly i18n: I18n;
  /** The stored session, if any (`storedSession` in src/session.ts). */
  readonly session: StoredSession | null;
  /** The page's query string; `?signedOut=1` says the visitor has just signed out. */
  readonly search?: string;
}

/**
 * Fills `#sessionNotice` under `root`: the offer to continue to the ride page when signed in,
 * else the sign-out confirmation when the page was reached by signing out, else nothing.
 */
export function setupSessionNotice(
  root: ParentNode,
  { i18n, session, search = location.search }: SessionNoticeDeps,
): void {
  // Looked up here, not with ui.ts's `find`: ui.ts brings the Cognito library's error codes along.
  const notice = root.querySelector<HTMLElement>('#sessionNotice');
  if (notice === null) throw new Error('The page has no #sessionNotice.');
  const text = notice.ownerDocument.createElement('span');
  const parts: Node[] = [text];
  let render: () => void;
  if (session !== null) {
    const link = notice.ownerDocument.createElement('a');
    link.href = 'ride.html';
    link.className = 'pill';
    parts.push(link);
    render = () => {
      text.textContent =
        session.email === ''
          ? i18n.t('session.signedIn')
          : i18n.t('session.signedInAs', { email: session.email });
      link.textContent = i18n.t('session.continue');
    };
  } else if (new URLSearchParams(search).get('signedOut') === '1') {
    render = () => {
      text.textContent = i18n.t('session.signedOut');
    };
  } else {
    return;
  }
  notice.replaceChildren(...parts);
  notice.hidden = false;
  i18n.subscribe(render);
  render();
}
