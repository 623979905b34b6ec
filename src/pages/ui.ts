/**
 * Pieces every page uses: finding its elements, the language switch, the configuration notice,
 * live-region messages, the busy state of buttons, page URLs and the ID token. The forms' own
 * pieces are in `form-ui.ts`.
 */
import type { Auth } from '../cognito-auth.ts';
import type { ConfigError } from '../config.ts';
import { errorMessage } from '../i18n/error-messages.ts';
import type { I18n, Message, MessageKey } from '../i18n/index.ts';
import { setupLanguage } from './language-switch.ts';

/** The page's element matching `selector`, checked to be of type `kind`. */
export function find<T extends Element>(
  root: ParentNode,
  selector: string,
  kind: abstract new (...args: never[]) => T,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof kind)) {
    throw new Error(`The page has no ${kind.name} matching ${selector}.`);
  }
  return element;
}

/** Navigates the browser; pages take it as a dependency so tests can record it instead. */
export type Navigate = (url: string) => void;

/** The browser's navigation. */
export const browserNavigate: Navigate = (url) => {
  window.location.assign(url);
};

/** Everything every page gets. */
export interface ShellDeps {
  readonly i18n: I18n;
  /** A configuration problem to announce on the page; null or absent when the config is fine. */
  readonly configError?: ConfigError | null;
}

/** Translates the page, wires the language switch and shows the configuration notice, if any. */
export function setupShell(root: ParentNode, { i18n, configError = null }: ShellDeps): void {
  setupLanguage(root, i18n);
  const notice = root.querySelector<HTMLElement>('#configNotice');
  if (notice !== null && configError !== null) showConfigNotice(notice, i18n, configError);
}

function showConfigNotice(notice: HTMLElement, i18n: I18n, error: ConfigError): void {
  const title = notice.ownerDocument.createElement('strong');
  const detail = notice.ownerDocument.createElement('span');
  const titleKey: MessageKey =
    error.code === 'NotConfigured' ? 'config.noticeTitle' : 'config.invalidTitle';
  const render = (): void => {
    title.textContent = i18n.t(titleKey);
    detail.textContent = i18n.render(errorMessage(error));
  };
  notice.replaceChildren(title, ' ', detail);
  notice.hidden = false;
  i18n.subscribe(render);
  render();
}

/** The tone of a message, which only changes its styling. */
export type Tone = 'error' | 'info' | 'success';

/** A live region that shows one message at a time and re-renders it when the language changes. */
export interface MessageArea {
  show(message: Message, tone?: Tone): void;
  /** Shows the message that belongs to a failure. */
  fail(failure: unknown): void;
  clear(): void;
}

/** Wraps a live-region element; text is always set with `textContent`, never as HTML. */
export function messageArea(element: HTMLElement, i18n: I18n): MessageArea {
  let current: Message | null = null;
  const render = (): void => {
    element.textContent = current === null ? '' : i18n.render(current);
  };
  i18n.subscribe(render);
  const show = (message: Message, tone: Tone = 'error'): void => {
    current = message;
    element.dataset.tone = tone;
    render();
  };
  return {
    show,
    fail: (failure) => show(errorMessage(failure), 'error'),
    clear() {
      current = null;
      delete element.dataset.tone;
      render();
    },
  };
}

/** Whether `button` is busy with a task (see `whileBusy`). */
export function isBusy(button: HTMLButtonElement): boolean {
  return button.getAttribute('aria-busy') === 'true';
}

/**
 * Runs `task` while `button` is busy: `aria-busy`, `aria-disabled` (it cannot be pressed twice)
 * and showing `busyKey` ("Signing in…", by default "Working…") in place of its label, at the
 * width it had. Returns what the task returns, or undefined without running it when the button
 * is already busy. The button is not `disabled`: a disabled button loses focus, which then falls
 * to the page, and keyboard and screen reader users lose their place.
 */
export async function whileBusy<T>(
  button: HTMLButtonElement,
  i18n: I18n,
  task: () => Promise<T>,
  busyKey: MessageKey = 'common.working',
): Promise<T | undefined> {
  if (isBusy(button)) return undefined;
  const label = button.querySelector<HTMLElement>('[data-i18n]');
  const idleKey = label?.dataset.i18n ?? '';
  // A shorter busy label would make the button shrink under the pointer and the row jump.
  button.style.minWidth = `${button.getBoundingClientRect().width}px`;
  button.setAttribute('aria-busy', 'true');
  button.setAttribute('aria-disabled', 'true');
  // Swapping the key, not only the text, keeps the label right if the language changes meanwhile.
  if (label !== null) swapLabel(label, i18n, busyKey);
  try {
    return await task();
  } finally {
    button.removeAttribute('aria-busy');
    button.removeAttribute('aria-disabled');
    button.style.removeProperty('min-width');
    if (label !== null && i18n.has(idleKey)) swapLabel(label, i18n, idleKey);
  }
}

/** Shows `key` in `label` and makes it the label's key, so a language change keeps it right. */
export function swapLabel(label: HTMLElement, i18n: I18n, key: MessageKey): void {
  label.dataset.i18n = key;
  label.textContent = i18n.t(key);
}

/**
 * The signed-in person's ID token, asked for when it is needed. Null when there is none to use:
 * a failure is shown in `message`, and with nobody signed in the browser goes to sign in.
 */
export async function idTokenOrSignIn(
  auth: Pick<Auth, 'getIdToken'>,
  message: MessageArea,
  navigate: Navigate,
): Promise<string | null> {
  let idToken: string | null;
  try {
    idToken = await auth.getIdToken();
  } catch (failure) {
    message.fail(failure);
    return null;
  }
  if (idToken === null) navigate('signin.html');
  return idToken;
}

/** A page URL carrying the email (and other parameters) in its query string. */
export function pageUrl(page: string, params: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(params).toString();
  return query === '' ? page : `${page}?${query}`;
}
