/**
 * Pieces every page uses: finding its elements, the language switch, the configuration notice,
 * live-region messages, the busy state of submit buttons, field checks and the ID token.
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

/**
 * Lets the forms' submit buttons work, once their handlers are in place. The HTML ships them
 * disabled: a form submitted before then would make the browser send it itself, as a GET with
 * the typed values in the address (a slow connection leaves time for that).
 */
export function armSubmitButtons(...buttons: HTMLButtonElement[]): void {
  for (const button of buttons) button.disabled = false;
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

/**
 * Runs `task` while `button` is busy: disabled (so it cannot be pressed twice), `aria-busy`, and
 * showing "Working…" in place of its label. Returns what the task returns, or undefined without
 * running it when the button is already busy.
 */
export async function whileBusy<T>(
  button: HTMLButtonElement,
  i18n: I18n,
  task: () => Promise<T>,
): Promise<T | undefined> {
  if (button.getAttribute('aria-busy') === 'true') return undefined;
  const label = button.querySelector<HTMLElement>('[data-i18n]');
  const idleKey = label?.dataset.i18n ?? '';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  // Swapping the key, not only the text, keeps the label right if the language changes meanwhile.
  if (label !== null) swapLabel(label, i18n, 'common.working');
  try {
    return await task();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (label !== null && i18n.has(idleKey)) swapLabel(label, i18n, idleKey);
  }
}

function swapLabel(label: HTMLElement, i18n: I18n, key: MessageKey): void {
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

/** The `email` query parameter (how pages hand the address on), trimmed; '' when absent. */
export function emailFromSearch(search: string): string {
  return (new URLSearchParams(search).get('email') ?? '').trim();
}

/** A page URL carrying the email (and other parameters) in its query string. */
export function pageUrl(page: string, params: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(params).toString();
  return query === '' ? page : `${page}?${query}`;
}

/** Wires a show-password checkbox to the password inputs it controls (`aria-controls`). */
export function setupPasswordToggle(checkbox: HTMLInputElement): void {
  const inputs = (checkbox.getAttribute('aria-controls') ?? '')
    .split(/\s+/)
    .map((id) => checkbox.ownerDocument.getElementById(id))
    .filter((input): input is HTMLInputElement => input instanceof HTMLInputElement);
  const apply = (): void => {
    for (const input of inputs) input.type = checkbox.checked ? 'text' : 'password';
  };
  checkbox.addEventListener('change', apply);
  apply();
}

/** Marks a field invalid (for assistive technology and styling) and moves focus to it. */
export function flagField(input: HTMLInputElement): void {
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/** Clears invalid marks on the given fields. */
export function clearFlags(...inputs: HTMLInputElement[]): void {
  for (const input of inputs) input.removeAttribute('aria-invalid');
}

/**
 * The address typed in `input`, trimmed, when it looks like one; otherwise null, with the problem
 * shown in `area` and the field flagged.
 */
export function checkedEmail(input: HTMLInputElement, area: MessageArea): string | null {
  const address = input.value.trim();
  const problem = emailProblem(address);
  if (problem === null) return address;
  area.show(problem);
  flagField(input);
  return null;
}

/** Checks an email address the way a person would expect before asking Cognito. */
function emailProblem(email: string): Message | null {
  if (email === '') return { key: 'form.emailRequired' };
  // Deliberately loose: Cognito decides; this only catches the obvious slip before a round trip.
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { key: 'form.emailInvalid' };
  return null;
}
