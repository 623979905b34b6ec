/** The sign-in page: SRP sign-in here, the forgot-password flow in password-reset.ts, wired together. */
import { type Auth, AuthError } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import { setupPasswordReset } from './password-reset.ts';
import {
  armSubmitButtons,
  browserNavigate,
  checkedEmail,
  clearFlags,
  emailFromSearch,
  find,
  flagField,
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

/** Sets up the sign-in page inside `root`: the sign-in panel, and the password reset beside it. */
export function setupSigninPage(root: ParentNode, deps: SigninPageDeps): void {
  const { auth, i18n, navigate = browserNavigate, search = location.search } = deps;
  setupShell(root, deps);
  const signIn = setupSignIn(
    {
      panel: find(root, '#signinPanel', HTMLElement),
      form: find(root, '#signinForm', HTMLFormElement),
      email: find(root, '#emailInputSignin', HTMLInputElement),
      password: find(root, '#passwordInputSignin', HTMLInputElement),
      showPassword: find(root, '#showPasswordSignin', HTMLInputElement),
      message: find(root, '#signinMessage', HTMLElement),
    },
    { auth, i18n, navigate, search },
  );
  const reset = setupPasswordReset(
    {
      panel: find(root, '#forgotPanel', HTMLElement),
      forgotForm: find(root, '#forgotPasswordForm', HTMLFormElement),
      email: find(root, '#emailInputForgot', HTMLInputElement),
      forgotMessage: find(root, '#forgotMessage', HTMLElement),
      resetForm: find(root, '#resetPasswordForm', HTMLFormElement),
      code: find(root, '#codeInputReset', HTMLInputElement),
      password: find(root, '#passwordInputReset', HTMLInputElement),
      showPassword: find(root, '#showPasswordReset', HTMLInputElement),
      resetMessage: find(root, '#resetMessage', HTMLElement),
      resend: find(root, '#resendResetCode', HTMLButtonElement),
      back: [...root.querySelectorAll<HTMLButtonElement>('[data-back-to-signin]')],
    },
    {
      auth,
      i18n,
      onBack: () => signIn.show(),
      onPasswordChanged: (email) => signIn.passwordChanged(email),
    },
  );
  find(root, '#forgotPasswordButton', HTMLButtonElement).addEventListener('click', () => {
    signIn.hide();
    reset.open(signIn.email());
  });
}

/** The sign-in panel's elements. */
export interface SignInElements {
  readonly panel: HTMLElement;
  readonly form: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly password: HTMLInputElement;
  readonly showPassword: HTMLInputElement;
  readonly message: HTMLElement;
}

/** What signing in needs. */
export interface SignInDeps {
  readonly auth: Pick<Auth, 'signIn'>;
  readonly i18n: I18n;
  readonly navigate: Navigate;
  /** `?email=` prefills; `?verified=1` says the email was just confirmed. */
  readonly search: string;
}

/** What the sign-in panel lets the rest of the page do. */
export interface SignInPanel {
  /** The address typed so far, trimmed. */
  email(): string;
  hide(): void;
  /** Shows the panel again, with the cursor in the email field. */
  show(): void;
  /** Shows the panel after a password reset: the address filled in and the change announced. */
  passwordChanged(email: string): void;
}

/** Sets up signing in with SRP: on to the ride page, or to verify an unconfirmed account. */
export function setupSignIn(elements: SignInElements, deps: SignInDeps): SignInPanel {
  const { panel, form, email, password } = elements;
  const { auth, i18n, navigate, search } = deps;
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const message = messageArea(elements.message, i18n);
  setupPasswordToggle(elements.showPassword);

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
  armSubmitButtons(submit);

  return {
    email: () => email.value.trim(),
    hide() {
      panel.hidden = true;
    },
    show() {
      panel.hidden = false;
      email.focus();
    },
    passwordChanged(address) {
      email.value = address;
      password.value = '';
      panel.hidden = false;
      message.show({ key: 'signin.passwordChanged' }, 'success');
      password.focus();
    },
  };
}
