/**
 * Pieces of the register, verify, sign-in and password-reset forms (and the two-step panel):
 * fields with their own errors, the checks made before asking Cognito, the password rules, code
 * fields and resend timers. Apart from the shell (`ui.ts`) so that pages without these forms,
 * such as the ride page, do not download them.
 */
import { errorMessage } from '../i18n/error-messages.ts';
import type { I18n, Message, MessageKey } from '../i18n/index.ts';
import {
  checkPassword,
  PASSWORD_RULES,
  type PasswordRule,
  passwordShapeProblem,
} from '../password-rules.ts';
import { find, type MessageArea, messageArea, swapLabel, whileBusy } from './ui.ts';

/**
 * Lets the forms' submit buttons work, once their handlers are in place. The HTML ships them
 * disabled: a form submitted before then would make the browser send it itself, as a GET with
 * the typed values in the address (a slow connection leaves time for that).
 */
export function armSubmitButtons(...buttons: HTMLButtonElement[]): void {
  for (const button of buttons) button.disabled = false;
}

/**
 * A submit button that says `busyKey` ("Signing in…") while its task runs, and is always as wide
 * as the wider of its two labels (the stylesheet reserves room for the busy one from
 * `data-busy-label`), so it never changes size under the pointer.
 */
export function busyButton(
  button: HTMLButtonElement,
  i18n: I18n,
  busyKey: MessageKey,
): <T>(task: () => Promise<T>) => Promise<T | undefined> {
  const reserve = (): void => {
    button.dataset.busyLabel = i18n.t(busyKey);
  };
  i18n.subscribe(reserve);
  reserve();
  return (task) => whileBusy(button, i18n, task, busyKey);
}

/** The `email` query parameter (how pages hand the address on), trimmed; '' when absent. */
export function emailFromSearch(search: string): string {
  return (new URLSearchParams(search).get('email') ?? '').trim();
}

/**
 * The local emulator's mailbox, showing only the mail to `email` when it looks like an address
 * (the console filters by `?to=`), else all of it.
 */
export function mailboxFor(mailboxUrl: string, email: string): string {
  const to = email.trim();
  return looksLikeEmail(to) ? `${mailboxUrl}?${new URLSearchParams({ to })}` : mailboxUrl;
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

/** A form field with an error message of its own, under it. */
export interface Field {
  readonly input: HTMLInputElement;
  /** Shows `message` under the field, marks the field invalid and makes the message its description. */
  show(message: Message): void;
  clear(): void;
  /** True while an error is shown. */
  invalid(): boolean;
}

/**
 * Gives `input` an error message under it, named by its `aria-describedby` (so a screen reader
 * reads it with the field) and cleared as soon as the value changes, so no error outlives what it
 * was about.
 */
export function field(input: HTMLInputElement, i18n: I18n): Field {
  const error = input.ownerDocument.createElement('p');
  error.id = `${input.id}Error`;
  error.className = 'field-error';
  error.hidden = true;
  const container = input.closest('.field');
  if (container === null) input.after(error);
  else container.append(error);
  // Made now, so it is in the page before it is first needed (see `focusField`).
  announcer(input.ownerDocument);
  let current: Message | null = null;
  const render = (): void => {
    error.textContent = current === null ? '' : i18n.render(current);
  };
  i18n.subscribe(render);
  const otherDescriptions = (): string[] =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '' && id !== error.id);
  const clear = (): void => {
    current = null;
    error.hidden = true;
    render();
    input.removeAttribute('aria-invalid');
    const others = otherDescriptions();
    if (others.length === 0) input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', others.join(' '));
  };
  input.addEventListener('input', () => {
    if (current !== null) clear();
  });
  return {
    input,
    show(message) {
      current = message;
      error.hidden = false;
      render();
      input.setAttribute('aria-invalid', 'true');
      // The error first: it is what the person needs to hear when the field gets focus.
      input.setAttribute('aria-describedby', [error.id, ...otherDescriptions()].join(' '));
    },
    clear,
    invalid: () => current !== null,
  };
}

/** Moves focus to the first field showing an error (see `focusField`); true when there was one. */
export function focusFirstInvalid(...fields: Field[]): boolean {
  const first = fields.find((candidate) => candidate.invalid());
  if (first === undefined) return false;
  focusField(first);
  return true;
}

/**
 * Moves focus to a field showing an error, which a screen reader then reads as its description.
 * A field that has the focus already (Enter pressed in it) is not read again, so its error is
 * said in the page's polite announcer instead.
 */
export function focusField(target: Field): void {
  const doc = target.input.ownerDocument;
  if (doc.activeElement === target.input) {
    const region = announcer(doc);
    const text = doc.getElementById(`${target.input.id}Error`)?.textContent ?? '';
    // The same words again are not a change a screen reader announces; a trailing space is.
    region.textContent = region.textContent === text ? `${text}\u00a0` : text;
  }
  target.input.focus();
}

// One polite live region for the page's field errors; see `focusField`.
function announcer(doc: Document): HTMLElement {
  const existing = doc.getElementById('fieldAnnouncer');
  if (existing !== null) return existing;
  const region = doc.createElement('p');
  region.id = 'fieldAnnouncer';
  region.className = 'visually-hidden';
  region.setAttribute('aria-live', 'polite');
  (doc.querySelector('main') ?? doc.body).append(region);
  return region;
}

/** The address in the email field, trimmed, when it looks like one; otherwise null, with the problem shown at the field. */
export function checkedEmail(email: Field): string | null {
  const address = email.input.value.trim();
  const problem = emailProblem(address);
  if (problem === null) return address;
  email.show(problem);
  return null;
}

/** Whether `address` looks like an email address, as the form checks it before sending. */
export function looksLikeEmail(address: string): boolean {
  return emailProblem(address) === null;
}

/** Checks an email address the way a person would expect before asking Cognito. */
function emailProblem(email: string): Message | null {
  if (email === '') return { key: 'form.emailRequired' };
  // Deliberately loose: Cognito decides; this only catches the obvious slip before a round trip.
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { key: 'form.emailInvalid' };
  return null;
}

/**
 * The new password in `password`, when it can be sent: every rule met and, with `confirm`, typed
 * the same twice; otherwise null, with each problem shown at its field.
 */
export function checkedNewPassword(password: Field, confirm: Field): string | null {
  const value = password.input.value;
  const problem = newPasswordProblem(value);
  if (problem !== null) password.show(problem);
  if (confirm.input.value === '') confirm.show({ key: 'form.confirmRequired' });
  else if (confirm.input.value !== value) confirm.show({ key: 'register.mismatch' });
  return password.invalid() || confirm.invalid() ? null : value;
}

function newPasswordProblem(password: string): Message | null {
  if (password === '') return { key: 'form.passwordRequired' };
  const shape = passwordShapeProblem(password);
  if (shape !== null) return { key: `password.${shape}` };
  const met = checkPassword(password);
  const unmet = PASSWORD_RULES.filter((rule) => !met[rule]);
  const [only] = unmet;
  if (only === undefined) return null;
  // One rule missing is named; several are marked in the checklist beside the field.
  return { key: unmet.length === 1 ? RULE_ERRORS[only] : 'form.passwordUnmet' };
}

const RULE_ERRORS = {
  length: 'error.passwordLength',
  upper: 'error.passwordUpper',
  lower: 'error.passwordLower',
  digit: 'error.passwordDigit',
  symbol: 'error.passwordSymbol',
} as const satisfies Record<PasswordRule, MessageKey>;

/** The fields a service failure can be about. */
export type FieldName = 'email' | 'password' | 'code';

// Which field a failure's message is about; messages not listed belong to the whole form.
const FIELD_OF_MESSAGE: Partial<Record<MessageKey, FieldName>> = {
  'error.UsernameExistsException': 'email',
  'error.UserNotFoundException': 'email',
  'error.invalidEmail': 'email',
  'error.InvalidPasswordException': 'password',
  'error.passwordLength': 'password',
  'error.passwordUpper': 'password',
  'error.passwordLower': 'password',
  'error.passwordDigit': 'password',
  'error.passwordSymbol': 'password',
  // "Incorrect email or password": the password is what to try again.
  'error.NotAuthorizedException': 'password',
  'error.CodeMismatchException': 'code',
  'error.ExpiredCodeException': 'code',
};

/**
 * Shows a failure at the field it is about, with focus there; a failure about no field of the
 * form (the network, a lockout) goes to the form's message area.
 */
export function showFailure(
  failure: unknown,
  fields: Partial<Record<FieldName, Field>>,
  area: MessageArea,
): void {
  const message = errorMessage(failure);
  const name = 'key' in message ? FIELD_OF_MESSAGE[message.key] : undefined;
  const target = name === undefined ? undefined : fields[name];
  if (target === undefined) {
    area.show(message);
    return;
  }
  target.show(message);
  focusField(target);
  target.input.select();
}

/** Shows live which rules the password meets: each `[data-rule]` item under `list` gets a ✓ and the words "met". */
export function setupPasswordRules(password: HTMLInputElement, list: ParentNode, i18n: I18n): void {
  const show = (): void => {
    const met = checkPassword(password.value);
    for (const rule of PASSWORD_RULES) {
      const item = find(list, `[data-rule="${rule}"]`, HTMLElement);
      item.dataset.met = String(met[rule]);
      find(item, '[data-rule-mark]', HTMLElement).textContent = met[rule] ? '✓' : '';
      swapLabel(
        find(item, '[data-rule-state]', HTMLElement),
        i18n,
        met[rule] ? 'rules.met' : 'rules.unmet',
      );
    }
  };
  password.addEventListener('input', show);
  show();
}

/**
 * Says in `status` (a polite live region) "Passwords match" once the confirmation is the password.
 * A mismatch is not announced while typing, when it is only unfinished; submitting names it.
 */
export function setupPasswordMatch(
  password: HTMLInputElement,
  confirm: HTMLInputElement,
  status: HTMLElement,
  i18n: I18n,
): void {
  const area = messageArea(status, i18n);
  const show = (): void => {
    if (confirm.value !== '' && confirm.value === password.value) {
      area.show({ key: 'form.passwordsMatch' }, 'success');
    } else area.clear();
  };
  password.addEventListener('input', show);
  confirm.addEventListener('input', show);
}

/** The code Cognito mails has this many digits. */
const CODE_LENGTH = 6;

/**
 * Keeps a code field to digits: pasted or filled-in text loses its spaces and anything else
 * around the digits ("123 456"); a typed non-digit is refused with an error at the field.
 */
export function setupCodeField(code: Field): void {
  code.input.addEventListener('input', (event) => {
    const typed = code.input.value;
    const digits = typed.replace(/\D/g, '');
    if (digits === typed) return;
    code.input.value = digits;
    if (
      event instanceof InputEvent &&
      event.inputType === 'insertText' &&
      /\S/.test(event.data ?? '')
    ) {
      code.show({ key: 'form.codeDigitsOnly' });
    }
  });
}

/**
 * The code in the field when it is six digits; otherwise null, with the problem shown at the
 * field (`requiredKey` says where an empty field's code comes from: the email by default).
 */
export function checkedCode(
  code: Field,
  requiredKey: MessageKey = 'form.codeRequired',
): string | null {
  // People paste codes as "123 456"; Cognito wants the digits only.
  const digits = code.input.value.replace(/\s+/g, '');
  if (digits === '') code.show({ key: requiredKey });
  else if (!new RegExp(`^\\d{${CODE_LENGTH}}$`).test(digits)) code.show({ key: 'form.codeLength' });
  return code.invalid() ? null : digits;
}

/** The time and timers, passed in so tests can freeze and advance them. */
export interface Clock {
  now(): Date;
  /** Runs `run` once, `ms` milliseconds from now. */
  after(ms: number, run: () => void): void;
}

/** The browser's clock and timers. */
export const systemClock: Clock = {
  now: () => new Date(),
  after: (ms, run) => {
    setTimeout(run, ms);
  },
};

/** How long a resend button waits after a code was sent, so a second press does not race the mail. */
const RESEND_COOLDOWN_MS = 30_000;

/**
 * Holds a resend button back for 30 s after a code was sent, its label counting down the
 * seconds; returns the function that starts the wait.
 */
export function resendCooldown(button: HTMLButtonElement, i18n: I18n, clock: Clock): () => void {
  const label = find(button, '[data-i18n]', HTMLElement);
  const idleKey = label.dataset.i18n ?? '';
  let until = 0;
  let seconds = 0;
  const render = (): void => {
    if (seconds > 0) label.textContent = i18n.t('code.resendIn', { seconds: String(seconds) });
  };
  i18n.subscribe(render);
  const tick = (): void => {
    const left = until - clock.now().getTime();
    seconds = Math.ceil(left / 1000);
    if (seconds <= 0) {
      button.disabled = false;
      if (i18n.has(idleKey)) swapLabel(label, i18n, idleKey);
      return;
    }
    render();
    clock.after(left - (seconds - 1) * 1000, tick);
  };
  return () => {
    until = clock.now().getTime() + RESEND_COOLDOWN_MS;
    // Focus has moved on to the code field by now, so disabling cannot drop it to the page.
    button.disabled = true;
    // The countdown renders itself; the page's translation must not put the idle label back.
    delete label.dataset.i18n;
    tick();
  };
}

/** Says where a code went and, after a resend, when: "New code sent to … at 7:15 PM". */
export interface CodeSentStatus {
  sent(address: string): void;
  resent(address: string): void;
  clear(): void;
}

/** Wraps the status element that says where the code went; the time follows the language. */
export function codeSentStatus(element: HTMLElement, i18n: I18n, clock: Clock): CodeSentStatus {
  let state: { address: string; at: Date | null } | null = null;
  const render = (): void => {
    element.hidden = state === null;
    if (state === null) element.textContent = '';
    else if (state.at === null) {
      element.textContent = i18n.t('verify.sentTo', { destination: state.address });
    } else {
      const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });
      element.textContent = i18n.t('code.resentAt', {
        destination: state.address,
        time: time.format(state.at),
      });
    }
  };
  i18n.subscribe(render);
  render();
  return {
    sent(address) {
      state = { address, at: null };
      element.dataset.tone = 'info';
      render();
    },
    resent(address) {
      state = { address, at: clock.now() };
      element.dataset.tone = 'success';
      render();
    },
    clear() {
      state = null;
      render();
    },
  };
}
