/** The sign-in page: SRP sign-in, and the forgot-password flow (request a code, set a new password). */
import { type Auth, AuthError } from '../cognito-auth.ts';
import { passwordShapeProblem } from '../password-rules.ts';
import {
  armSubmitButtons,
  browserNavigate,
  checkedEmail,
  clearFlags,
  emailFromSearch,
  find,
  flagField,
  type MessageArea,
  messageArea,
  type Navigate,
  pageUrl,
  type ShellDeps,
  setupPasswordToggle,
  setupShell,
  whileBusy,
} from './ui.ts';

/** What the sign-in page needs. */
export interface SigninPageDeps extends ShellDeps {
  readonly auth: Pick<Auth, 'signIn' | 'forgotPassword' | 'confirmPassword'>;
  readonly navigate?: Navigate;
  /** `?email=` prefills; `?verified=1` says the email was just confirmed. */
  readonly search?: string;
}

/** Sets up the sign-in page inside `root`. */
export function setupSigninPage(root: ParentNode, deps: SigninPageDeps): void {
  const { auth, i18n, navigate = browserNavigate, search = location.search } = deps;
  setupShell(root, deps);

  const signinPanel = find(root, '#signinPanel', HTMLElement);
  const form = find(root, '#signinForm', HTMLFormElement);
  const email = find(root, '#emailInputSignin', HTMLInputElement);
  const password = find(root, '#passwordInputSignin', HTMLInputElement);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const message = messageArea(find(root, '#signinMessage', HTMLElement), i18n);

  const forgotPanel = find(root, '#forgotPanel', HTMLElement);
  const forgotForm = find(root, '#forgotPasswordForm', HTMLFormElement);
  const forgotEmail = find(root, '#emailInputForgot', HTMLInputElement);
  const forgotSubmit = find(forgotForm, 'button[type="submit"]', HTMLButtonElement);
  const forgotMessage = messageArea(find(root, '#forgotMessage', HTMLElement), i18n);

  const resetForm = find(root, '#resetPasswordForm', HTMLFormElement);
  const resetCode = find(root, '#codeInputReset', HTMLInputElement);
  const resetPassword = find(root, '#passwordInputReset', HTMLInputElement);
  const resetSubmit = find(resetForm, 'button[type="submit"]', HTMLButtonElement);
  const resetMessage = messageArea(find(root, '#resetMessage', HTMLElement), i18n);
  setupPasswordToggle(find(root, '#showPasswordSignin', HTMLInputElement));
  setupPasswordToggle(find(root, '#showPasswordReset', HTMLInputElement));

  email.value ||= emailFromSearch(search);
  if (new URLSearchParams(search).get('verified') === '1') {
    message.show({ key: 'signin.verified' }, 'success');
  }
  (email.value === '' ? email : password).focus();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    clearFlags(email, password);
    const address = checkedEmail(email, message);
    if (address === null) return;
    if (password.value === '') {
      message.show({ key: 'form.passwordRequired' });
      flagField(password);
      return;
    }
    void whileBusy(submit, i18n, async () => {
      try {
        await auth.signIn(address, password.value);
        navigate('ride.html');
      } catch (failure) {
        if (failure instanceof AuthError && failure.code === 'UserNotConfirmedException') {
          navigate(pageUrl('verify.html', { email: address, reason: 'unconfirmed' }));
          return;
        }
        message.fail(failure);
      }
    });
  });

  const showSignin = (): void => {
    forgotPanel.hidden = true;
    signinPanel.hidden = false;
  };

  find(root, '#forgotPasswordButton', HTMLButtonElement).addEventListener('click', () => {
    forgotEmail.value = email.value.trim();
    forgotMessage.clear();
    resetMessage.clear();
    resetForm.hidden = true;
    forgotForm.hidden = false;
    signinPanel.hidden = true;
    forgotPanel.hidden = false;
    forgotEmail.focus();
  });

  for (const back of root.querySelectorAll<HTMLButtonElement>('[data-back-to-signin]')) {
    back.addEventListener('click', () => {
      showSignin();
      email.focus();
    });
  }

  const requestCode = (button: HTMLButtonElement, area: MessageArea): void => {
    area.clear();
    clearFlags(forgotEmail);
    const address = checkedEmail(forgotEmail, area);
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
        resetCode.focus();
      } catch (failure) {
        area.fail(failure);
      }
    });
  };

  forgotForm.addEventListener('submit', (event) => {
    event.preventDefault();
    requestCode(forgotSubmit, forgotMessage);
  });

  find(root, '#resendResetCode', HTMLButtonElement).addEventListener('click', (event) => {
    if (event.currentTarget instanceof HTMLButtonElement)
      requestCode(event.currentTarget, resetMessage);
  });

  resetForm.addEventListener('submit', (event) => {
    event.preventDefault();
    resetMessage.clear();
    clearFlags(resetCode, resetPassword);
    const address = forgotEmail.value.trim();
    const digits = resetCode.value.replace(/\s+/g, '');
    if (digits === '') {
      resetMessage.show({ key: 'form.codeRequired' });
      flagField(resetCode);
      return;
    }
    if (resetPassword.value === '') {
      resetMessage.show({ key: 'form.passwordRequired' });
      flagField(resetPassword);
      return;
    }
    const shape = passwordShapeProblem(resetPassword.value);
    if (shape !== null) {
      resetMessage.show({ key: `password.${shape}` });
      flagField(resetPassword);
      return;
    }
    void whileBusy(resetSubmit, i18n, async () => {
      try {
        await auth.confirmPassword(address, digits, resetPassword.value);
        email.value = address;
        password.value = '';
        resetCode.value = '';
        resetPassword.value = '';
        showSignin();
        message.show({ key: 'signin.passwordChanged' }, 'success');
        password.focus();
      } catch (failure) {
        resetMessage.fail(failure);
      }
    });
  });
  armSubmitButtons(submit, forgotSubmit, resetSubmit);
}
