/** The sign-in page's password reset: a code by email, then the code and a new password. */
import type { Auth } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import { passwordShapeProblem } from '../password-rules.ts';
import {
  armSubmitButtons,
  checkedEmail,
  clearFlags,
  find,
  flagField,
  type MessageArea,
  messageArea,
  setupPasswordToggle,
  whileBusy,
} from './ui.ts';

/** The password reset panel's elements: a form asking for a code, then one setting the password. */
export interface PasswordResetElements {
  readonly panel: HTMLElement;
  readonly forgotForm: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly forgotMessage: HTMLElement;
  readonly resetForm: HTMLFormElement;
  readonly code: HTMLInputElement;
  readonly password: HTMLInputElement;
  readonly showPassword: HTMLInputElement;
  readonly resetMessage: HTMLElement;
  /** Asks for another code. */
  readonly resend: HTMLButtonElement;
  /** Leave the panel for sign-in. */
  readonly back: readonly HTMLButtonElement[];
}

/** What the password reset needs; the two callbacks hand the page back to sign-in. */
export interface PasswordResetDeps {
  readonly auth: Pick<Auth, 'forgotPassword' | 'confirmPassword'>;
  readonly i18n: I18n;
  onBack(): void;
  onPasswordChanged(email: string): void;
}

/** What the password reset panel lets the rest of the page do. */
export interface PasswordReset {
  /** Shows the panel at its first step, with `email` filled in. */
  open(email: string): void;
}

/** Sets up the password reset: a code by email, then the code and a new password. */
export function setupPasswordReset(
  elements: PasswordResetElements,
  deps: PasswordResetDeps,
): PasswordReset {
  const { panel, forgotForm, email, resetForm, code, password, resend } = elements;
  const { auth, i18n, onBack, onPasswordChanged } = deps;
  const forgotSubmit = find(forgotForm, 'button[type="submit"]', HTMLButtonElement);
  const resetSubmit = find(resetForm, 'button[type="submit"]', HTMLButtonElement);
  const forgotMessage = messageArea(elements.forgotMessage, i18n);
  const resetMessage = messageArea(elements.resetMessage, i18n);
  setupPasswordToggle(elements.showPassword);

  for (const back of elements.back) {
    back.addEventListener('click', () => {
      panel.hidden = true;
      onBack();
    });
  }

  const requestCode = (button: HTMLButtonElement, area: MessageArea): void => {
    area.clear();
    clearFlags(email);
    const address = checkedEmail(email, area);
    if (address === null) return;
    void whileBusy(button, i18n, async () => {
      try {
        const { destination } = await auth.forgotPassword(address);
        forgotMessage.clear();
        forgotForm.hidden = true;
        resetForm.hidden = false;
        resetMessage.show(
          { key: 'verify.sentTo', params: { destination: destination ?? address } },
          'success',
        );
        code.focus();
      } catch (failure) {
        area.fail(failure);
      }
    });
  };

  forgotForm.addEventListener('submit', (event) => {
    event.preventDefault();
    requestCode(forgotSubmit, forgotMessage);
  });
  resend.addEventListener('click', () => requestCode(resend, resetMessage));

  resetForm.addEventListener('submit', (event) => {
    event.preventDefault();
    resetMessage.clear();
    clearFlags(code, password);
    const address = email.value.trim();
    const digits = code.value.replace(/\s+/g, '');
    if (digits === '') {
      resetMessage.show({ key: 'form.codeRequired' });
      flagField(code);
      return;
    }
    if (password.value === '') {
      resetMessage.show({ key: 'form.passwordRequired' });
      flagField(password);
      return;
    }
    const shape = passwordShapeProblem(password.value);
    if (shape !== null) {
      resetMessage.show({ key: `password.${shape}` });
      flagField(password);
      return;
    }
    void whileBusy(resetSubmit, i18n, async () => {
      try {
        await auth.confirmPassword(address, digits, password.value);
        code.value = '';
        password.value = '';
        panel.hidden = true;
        onPasswordChanged(address);
      } catch (failure) {
        resetMessage.fail(failure);
      }
    });
  });
  armSubmitButtons(forgotSubmit, resetSubmit);

  return {
    open(address) {
      email.value = address;
      forgotMessage.clear();
      resetMessage.clear();
      resetForm.hidden = true;
      forgotForm.hidden = false;
      panel.hidden = false;
      email.focus();
    },
  };
}
