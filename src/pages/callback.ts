/**
 * The callback page: where the user pool domain sends the browser back after hosted sign-in. It
 * finishes the code grant, keeps the tokens where amazon-cognito-identity-js keeps its session,
 * and goes on to the ride page; a failure is said in words, with the way back to sign in.
 */

import { HostedSignInError } from '../hosted/flow.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { SessionTokens } from '../token-store.ts';
import { find, messageArea, type Navigate, type ShellDeps, setupShell } from './ui.ts';

/** What the callback page needs. */
export interface CallbackPageDeps extends ShellDeps {
  /** Finishes the sign-in the domain answered at this URL; null without hosted sign-in. */
  readonly complete: ((callbackUrl: URL) => Promise<SessionTokens>) | null;
  /** Keeps the tokens as the library's session (and notes that it is a hosted one). */
  readonly store: (tokens: SessionTokens) => void;
  /** This page's address, with the domain's answer in its query. */
  readonly url?: string;
  /** Changes the address without loading (the code must not stay in the history). */
  readonly replaceUrl?: (url: string) => void;
  /** Leaves for the ride page, replacing this page in the history. */
  readonly navigate?: Navigate;
}

/** Sets up the callback page inside `root`; resolves once it has gone on or shown the failure. */
export async function setupCallbackPage(root: ParentNode, deps: CallbackPageDeps): Promise<void> {
  const {
    i18n,
    complete,
    store,
    url = location.href,
    replaceUrl = (next) => history.replaceState(null, '', next),
    navigate = (next) => location.replace(next),
  } = deps;
  setupShell(root, deps);
  const heading = find(root, '#callbackHeading', HTMLElement);
  const status = find(root, '#callbackStatus', HTMLElement);
  const message = messageArea(find(root, '#callbackMessage', HTMLElement), i18n);
  const back = find(root, '#callbackBack', HTMLElement);

  const fail = (show: () => void): void => {
    heading.dataset.i18n = 'callback.failedHeading';
    heading.textContent = i18n.t('callback.failedHeading');
    status.hidden = true;
    show();
    back.hidden = false;
    heading.focus();
  };

  const answer = new URL(url);
  // The code is single-use and the state is spent: neither belongs in the address bar or history.
  replaceUrl(answer.pathname);
  if (complete === null) {
    fail(() => message.show({ key: 'callback.notConfigured' }));
    return;
  }
  try {
    store(await complete(answer));
    navigate('ride.html');
  } catch (failure) {
    fail(() => {
      if (!(failure instanceof HostedSignInError)) {
        message.fail(failure);
        return;
      }
      const key: MessageKey = `callback.${failure.code}`;
      message.show({ key, params: { error: failure.error || failure.message } });
    });
  }
}
