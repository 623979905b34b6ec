/**
 * The sign-in page: SRP sign-in and the authenticator code after it here, the forgot-password
 * flow in password-reset.ts, wired together.
 */
import { AuthError } from '../auth-errors.ts';
import type { Auth } from '../cognito-auth.ts';
import type { EmailCodeDeps } from '../email-code.ts';
import type { I18n } from '../i18n/index.ts';
import type { PasskeySignIn } from '../passkey-support.ts';
import type { CodeStep } from './code-step.ts';
import { type EmailCodeOfferElements, setupEmailCodeOffer } from './email-code-offer.ts';
import {
  armSubmitButtons,
  busyButton,
  type Clock,
  checkedEmail,
  emailFromSearch,
  field,
  focusFirstInvalid,
  looksLikeEmail,
  setupPasswordToggle,
  showFailure,
  systemClock,
} from './form-ui.ts';
import { setupPasskeyButton } from './passkey-button.ts';
import { setupPasswordReset } from './password-reset.ts';
import type { LoadQr } from './totp.ts';
import {
  browserNavigate,
  find,
  isBusy,
  messageArea,
  type Navigate,
  pageUrl,
  type ShellDeps,
  setupShell,
} from './ui.ts';

/** What the sign-in page needs. */
export interface SigninPageDeps extends ShellDeps {
  readonly auth: Pick<Auth, 'signIn' | 'forgotPassword' | 'confirmPassword'>;
  readonly navigate?: Navigate;
  /**
   * `?email=` prefills; `?verified=1` says the email was just confirmed; `?reset=<email>` comes
   * back to a password reset whose code went to that address.
   */
  readonly search?: string;
  /** The time a new reset code was sent, and the resend button's wait. */
  readonly clock?: Clock;
  /** Changes the page's address without loading it (the password reset step lives there). */
  readonly replaceUrl?: (url: string) => void;
  /** The local emulator's mailbox, pointed out at the reset code step; null for a real pool. */
  readonly mailboxUrl?: string | null;
  /** Where "Copy key" writes, when the pool requires an authenticator; the browser's by default. */
  readonly clipboard?: Pick<Clipboard, 'writeText'>;
  /** Loads the QR encoder for a first authenticator key; `uqr`, fetched then, by default. */
  readonly loadQr?: LoadQr;
  /** Passkey sign-in; null or absent hides "Sign in with a passkey" (see passkey-support.ts). */
  readonly passkeySignIn?: PasskeySignIn | null;
  /** Sign-in by email code, where the pool allows EMAIL_OTP; null (the default) offers none. */
  readonly emailCode?: EmailCodeDeps | null;
}

/** Sets up the sign-in page inside `root`: the sign-in panel, and the password reset beside it. */
export function setupSigninPage(root: ParentNode, deps: SigninPageDeps): void {
  const {
    auth,
    i18n,
    navigate = browserNavigate,
    search = location.search,
    clock = systemClock,
    replaceUrl = (url) => history.replaceState(history.state, '', url),
    clipboard = navigator.clipboard,
    loadQr,
    passkeySignIn = null,
  } = deps;
  setupShell(root, deps);
  const signIn = setupSignIn(
    {
      panel: find(root, '#signinPanel', HTMLElement),
      form: find(root, '#signinForm', HTMLFormElement),
      email: find(root, '#emailInputSignin', HTMLInputElement),
      password: find(root, '#passwordInputSignin', HTMLInputElement),
      showPassword: find(root, '#showPasswordSignin', HTMLInputElement),
      message: find(root, '#signinMessage', HTMLElement),
      codeStep: find(root, '#codeStepPanel', HTMLElement),
      emailCode: {
        offer: find(root, '#emailCodeOffer', HTMLElement),
        button: find(root, '#emailCodeButton', HTMLButtonElement),
        step: find(root, '#emailCodePanel', HTMLElement),
      },
    },
    {
      auth,
      i18n,
      navigate,
      search,
      clipboard,
      loadQr,
      clock,
      emailCode: deps.emailCode ?? null,
      mailboxUrl: deps.mailboxUrl ?? null,
      passkeySignIn,
    },
  );
  const reset = setupPasswordReset(
    {
      panel: find(root, '#forgotPanel', HTMLElement),
      forgotForm: find(root, '#forgotPasswordForm', HTMLFormElement),
      email: find(root, '#emailInputForgot', HTMLInputElement),
      forgotMessage: find(root, '#forgotMessage', HTMLElement),
      resetForm: find(root, '#resetPasswordForm', HTMLFormElement),
      sentStatus: find(root, '#codeSentReset', HTMLElement),
      code: find(root, '#codeInputReset', HTMLInputElement),
      password: find(root, '#passwordInputReset', HTMLInputElement),
      rules: find(root, '#resetRules', HTMLElement),
      password2: find(root, '#password2InputReset', HTMLInputElement),
      match: find(root, '#passwordMatchReset', HTMLElement),
      showPassword: find(root, '#showPasswordReset', HTMLInputElement),
      resetMessage: find(root, '#resetMessage', HTMLElement),
      resend: find(root, '#resendResetCode', HTMLButtonElement),
      devHint: root.querySelector<HTMLElement>('#devHintReset'),
      back: [...root.querySelectorAll<HTMLButtonElement>('[data-back-to-signin]')],
    },
    {
      auth,
      i18n,
      clock,
      replaceUrl,
      onBack: () => signIn.show(),
      onPasswordChanged: (email) => signIn.passwordChanged(email),
      mailboxUrl: deps.mailboxUrl ?? null,
    },
  );
  find(root, '#forgotPasswordButton', HTMLButtonElement).addEventListener('click', () => {
    signIn.hide();
    reset.open(signIn.email());
  });
  // A reload during the reset comes back to the code step; only a checked address is named.
  const resetFor = (new URLSearchParams(search).get('reset') ?? '').trim();
  if (looksLikeEmail(resetFor)) {
    signIn.hide();
    reset.resume(resetFor);
  }
}

/** The sign-in panel's elements. */
export interface SignInElements {
  readonly panel: HTMLElement;
  readonly form: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly password: HTMLInputElement;
  readonly showPassword: HTMLInputElement;
  readonly message: HTMLElement;
  /** The step after the password, for an account with two-step sign-in (see code-step.ts). */
  readonly codeStep: HTMLElement;
  /** "Email me a code" and its step (see email-code-offer.ts). */
  readonly emailCode?: EmailCodeOfferElements;
}

/** What signing in needs. */
export interface SignInDeps {
  readonly auth: Pick<Auth, 'signIn'>;
  readonly i18n: I18n;
  readonly navigate: Navigate;
  /** `?email=` prefills; `?verified=1` says the email was just confirmed. */
  readonly search: string;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr?: LoadQr | undefined;
  readonly passkeySignIn?: PasskeySignIn | null;
  readonly clock?: Clock;
  /** Sign-in by email code; null offers none. */
  readonly emailCode?: EmailCodeDeps | null;
  readonly mailboxUrl?: string | null;
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
  const { panel, form } = elements;
  const { auth, i18n, navigate, search } = deps;
  const email = field(elements.email, i18n);
  const password = field(elements.password, i18n);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const signingIn = busyButton(submit, i18n, 'signin.signingIn');
  const message = messageArea(elements.message, i18n);
  setupPasswordToggle(elements.showPassword);
  const exits = {
    signedIn: () => navigate('ride.html'),
    expired: () => {
      panel.hidden = false;
      password.input.value = '';
      message.show({ key: 'twoStep.sessionExpired' });
      password.input.focus();
    },
    back: () => {
      panel.hidden = false;
      password.input.focus();
    },
  };
  let codeStep: Promise<CodeStep> | null = null;
  // Asked for as the password is sent, so the module is there by the time Cognito answers.
  const loadCodeStep = (): Promise<CodeStep> => {
    codeStep ??= import('./code-step.ts').then(({ setupCodeStep }) =>
      setupCodeStep(elements.codeStep, deps, exits),
    );
    return codeStep;
  };

  if (elements.emailCode !== undefined && deps.emailCode != null) {
    setupEmailCodeOffer(elements.emailCode, {
      i18n,
      emailCode: deps.emailCode,
      clock: deps.clock ?? systemClock,
      mailboxUrl: deps.mailboxUrl ?? null,
      signinPanel: panel,
      email,
      message,
      signedIn: exits.signedIn,
    });
  }

  email.input.value ||= emailFromSearch(search);
  if (new URLSearchParams(search).get('verified') === '1') {
    message.show({ key: 'signin.verified' }, 'success');
  }
  (email.input.value === '' ? email : password).input.focus();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    message.clear();
    const address = checkedEmail(email);
    if (password.input.value === '') password.show({ key: 'form.passwordRequired' });
    if (focusFirstInvalid(email, password)) return;
    if (address === null) return;
    void signingIn(async () => {
      try {
        const nextStep = loadCodeStep();
        // A failed load is only reported if the code step is needed.
        nextStep.catch(() => {});
        const step = await auth.signIn(address, password.input.value);
        if (step.kind === 'signed-in') {
          navigate('ride.html');
          return;
        }
        const view = await nextStep;
        panel.hidden = true;
        await view.open(address, step);
      } catch (failure) {
        if (failure instanceof AuthError && failure.code === 'UserNotConfirmedException') {
          navigate(pageUrl('verify.html', { email: address, reason: 'unconfirmed' }));
          return;
        }
        showFailure(failure, { email, password }, message);
      }
    });
  });
  armSubmitButtons(submit);
  if (deps.passkeySignIn) {
    setupPasskeyButton(
      find(panel, '#passkeySignIn', HTMLElement),
      find(panel, '#passkeySignInButton', HTMLButtonElement),
      { i18n, email, message, signIn: deps.passkeySignIn, onSignedIn: exits.signedIn },
    );
  }

  return {
    email: () => email.input.value.trim(),
    hide() {
      panel.hidden = true;
    },
    show() {
      panel.hidden = false;
      email.input.focus();
    },
    passwordChanged(address) {
      email.input.value = address;
      password.input.value = '';
      panel.hidden = false;
      message.show({ key: 'signin.passwordChanged' }, 'success');
      password.input.focus();
    },
  };
}
