/** The sign-in page's password reset: a code by email, then the code and a new password. */
import type { Auth } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import {
  armSubmitButtons,
  busyButton,
  type Clock,
  checkedCode,
  checkedEmail,
  checkedNewPassword,
  codeSentStatus,
  type Field,
  field,
  focusFirstInvalid,
  mailboxFor,
  resendCooldown,
  setupCodeField,
  setupPasswordMatch,
  setupPasswordRules,
  setupPasswordToggle,
  showFailure,
} from './form-ui.ts';
import { find, isBusy, type MessageArea, messageArea, whileBusy } from './ui.ts';

/** The password reset panel's elements: a form asking for a code, then one setting the password. */
export interface PasswordResetElements {
  readonly panel: HTMLElement;
  readonly forgotForm: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly forgotMessage: HTMLElement;
  readonly resetForm: HTMLFormElement;
  /** Says where the code went. */
  readonly sentStatus: HTMLElement;
  readonly code: HTMLInputElement;
  readonly password: HTMLInputElement;
  /** The password rules checklist, with `[data-rule]` items. */
  readonly rules: HTMLElement;
  readonly password2: HTMLInputElement;
  /** Says when the two passwords match. */
  readonly match: HTMLElement;
  readonly showPassword: HTMLInputElement;
  readonly resetMessage: HTMLElement;
  /** Asks for another code. */
  readonly resend: HTMLButtonElement;
  /** Leave the panel for sign-in. */
  readonly back: readonly HTMLButtonElement[];
  /** Where the local emulator's mailbox is pointed out (hidden unless there is one). */
  readonly devHint?: HTMLElement | null;
}

/** What the password reset needs; the two callbacks hand the page back to sign-in. */
export interface PasswordResetDeps {
  readonly auth: Pick<Auth, 'forgotPassword' | 'confirmPassword'>;
  readonly i18n: I18n;
  readonly clock: Clock;
  /**
   * Puts the step in the page's address without loading it (`?reset=<email>` while a code is
   * out), so a reload comes back to it; never the code or the password.
   */
  readonly replaceUrl: (url: string) => void;
  onBack(): void;
  onPasswordChanged(email: string): void;
  /** The local emulator's mailbox, linked from the code step; null for a real pool. */
  readonly mailboxUrl?: string | null;
}

/** What the password reset panel lets the rest of the page do. */
export interface PasswordReset {
  /** Shows the panel at its first step, with `email` filled in. */
  open(email: string): void;
  /** Shows the panel at its second step, for a code already sent to `email` (after a reload). */
  resume(email: string): void;
}

/** Sets up the password reset: a code by email, then the code and a new password. */
export function setupPasswordReset(
  elements: PasswordResetElements,
  deps: PasswordResetDeps,
): PasswordReset {
  const { panel, forgotForm, resetForm, resend } = elements;
  const { auth, i18n, clock, replaceUrl, onBack, onPasswordChanged, mailboxUrl = null } = deps;
  const hint = elements.devHint ?? null;
  const email = field(elements.email, i18n);
  const code = field(elements.code, i18n);
  const password = field(elements.password, i18n);
  const password2 = field(elements.password2, i18n);
  const forgotSubmit = find(forgotForm, 'button[type="submit"]', HTMLButtonElement);
  const resetSubmit = find(resetForm, 'button[type="submit"]', HTMLButtonElement);
  const sendingCode = busyButton(forgotSubmit, i18n, 'code.sending');
  const resendingCode = <T>(task: () => Promise<T>) =>
    whileBusy(resend, i18n, task, 'code.sending');
  const saving = busyButton(resetSubmit, i18n, 'reset.saving');
  const forgotMessage = messageArea(elements.forgotMessage, i18n);
  const resetMessage = messageArea(elements.resetMessage, i18n);
  const status = codeSentStatus(elements.sentStatus, i18n, clock);
  const coolDown = resendCooldown(resend, i18n, clock);
  setupPasswordToggle(elements.showPassword);
  setupPasswordRules(password.input, elements.rules, i18n);
  setupPasswordMatch(password.input, password2.input, elements.match, i18n);
  setupCodeField(code);
  // The address the code went to: checked when it was asked for, or restored after a reload.
  let address = '';

  const showStep = (step: 'forgot' | 'reset'): void => {
    forgotMessage.clear();
    resetMessage.clear();
    forgotForm.hidden = step !== 'forgot';
    resetForm.hidden = step !== 'reset';
    panel.hidden = false;
  };

  const enterResetStep = (to: string): void => {
    address = to;
    // A new code makes an error about the last one stale.
    code.clear();
    showStep('reset');
    replaceUrl(`signin.html?${new URLSearchParams({ reset: to })}`);
    if (hint !== null && mailboxUrl !== null) {
      find(hint, 'a', HTMLAnchorElement).href = mailboxFor(mailboxUrl, to);
      hint.hidden = false;
    }
    code.input.focus();
  };

  for (const back of elements.back) {
    back.addEventListener('click', () => {
      panel.hidden = true;
      replaceUrl('signin.html');
      onBack();
    });
  }

  const requestCode = async (
    to: string,
    busy: typeof sendingCode,
    area: MessageArea,
    emailField: Field | undefined,
  ): Promise<boolean | undefined> =>
    busy(async () => {
      try {
        await auth.forgotPassword(to);
        return true;
      } catch (failure) {
        showFailure(failure, emailField === undefined ? {} : { email: emailField }, area);
        return false;
      }
    });

  forgotForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(forgotSubmit)) return;
    forgotMessage.clear();
    const to = checkedEmail(email);
    if (to === null) {
      email.input.focus();
      return;
    }
    void requestCode(to, sendingCode, forgotMessage, email).then((sent) => {
      if (sent !== true) return;
      enterResetStep(to);
      status.sent(to);
    });
  });

  resend.addEventListener('click', () => {
    if (isBusy(resend)) return;
    resetMessage.clear();
    code.clear();
    void requestCode(address, resendingCode, resetMessage, undefined).then((sent) => {
      if (sent !== true) return;
      status.resent(address);
      code.input.focus();
      coolDown();
    });
  });

  resetForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(resetSubmit)) return;
    resetMessage.clear();
    const digits = checkedCode(code);
    const newPassword = checkedNewPassword(password, password2);
    if (focusFirstInvalid(code, password, password2)) return;
    if (digits === null || newPassword === null) return;
    void saving(async () => {
      try {
        await auth.confirmPassword(address, digits, newPassword);
        for (const each of [code, password, password2]) {
          each.input.value = '';
          // Tells the checklist and the match indicator, for a reset started again later.
          each.input.dispatchEvent(new Event('input'));
        }
        panel.hidden = true;
        status.clear();
        replaceUrl(`signin.html?${new URLSearchParams({ email: address })}`);
        onPasswordChanged(address);
      } catch (failure) {
        showFailure(failure, { code, password }, resetMessage);
      }
    });
  });
  armSubmitButtons(forgotSubmit, resetSubmit);

  return {
    open(to) {
      email.input.value = to;
      email.clear();
      showStep('forgot');
      email.input.focus();
    },
    resume(to) {
      email.input.value = to;
      enterResetStep(to);
      status.sent(to);
    },
  };
}
