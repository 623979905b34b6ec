/**
 * The sign-in page: SRP sign-in and the authenticator code after it here, the forgot-password
 * flow in password-reset.ts, wired together.
 */
import { type Auth, AuthError, type SignInStep } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import { setupPasswordReset } from './password-reset.ts';
import { type KeyView, keyView, type LoadQr, loadUqr, showCodeFailure } from './two-step.ts';
import {
  armSubmitButtons,
  browserNavigate,
  busyButton,
  type Clock,
  checkedCode,
  checkedEmail,
  emailFromSearch,
  field,
  find,
  focusFirstInvalid,
  isBusy,
  looksLikeEmail,
  messageArea,
  type Navigate,
  pageUrl,
  type ShellDeps,
  setupCodeField,
  setupPasswordToggle,
  setupShell,
  showFailure,
  systemClock,
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
  /** Where "Copy key" writes, when the pool requires an authenticator; the browser's by default. */
  readonly clipboard?: Pick<Clipboard, 'writeText'>;
  /** Loads the QR encoder for a first authenticator key; `uqr`, fetched then, by default. */
  readonly loadQr?: LoadQr;
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
    loadQr = loadUqr,
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
      codeStep: {
        panel: find(root, '#codeStepPanel', HTMLElement),
        lead: find(root, '#codeStepLead', HTMLElement),
        setup: find(root, '#codeStepSetup', HTMLElement),
        qr: find(root, '#codeStepQr', HTMLElement),
        secret: find(root, '#codeStepSecret', HTMLElement),
        copy: find(root, '#codeStepCopy', HTMLButtonElement),
        form: find(root, '#codeStepForm', HTMLFormElement),
        code: find(root, '#codeInputTwoStep', HTMLInputElement),
        message: find(root, '#codeStepMessage', HTMLElement),
        back: find(root, '#codeStepBack', HTMLButtonElement),
      },
    },
    { auth, i18n, navigate, search, clipboard, loadQr },
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
      back: [...root.querySelectorAll<HTMLButtonElement>('[data-back-to-signin]')],
    },
    {
      auth,
      i18n,
      clock,
      replaceUrl,
      onBack: () => signIn.show(),
      onPasswordChanged: (email) => signIn.passwordChanged(email),
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
  /** The step after the password, for an account with two-step sign-in. */
  readonly codeStep: CodeStepElements;
}

/** The code step's elements: the key to add (when the pool requires MFA) and the code form. */
export interface CodeStepElements {
  readonly panel: HTMLElement;
  readonly lead: HTMLElement;
  readonly setup: HTMLElement;
  readonly qr: HTMLElement;
  readonly secret: HTMLElement;
  readonly copy: HTMLButtonElement;
  readonly form: HTMLFormElement;
  readonly code: HTMLInputElement;
  readonly message: HTMLElement;
  readonly back: HTMLButtonElement;
}

/** What signing in needs. */
export interface SignInDeps {
  readonly auth: Pick<Auth, 'signIn'>;
  readonly i18n: I18n;
  readonly navigate: Navigate;
  /** `?email=` prefills; `?verified=1` says the email was just confirmed. */
  readonly search: string;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr: LoadQr;
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
  const codeStep = setupCodeStep(elements.codeStep, deps, {
    signedIn: () => navigate('ride.html'),
    expired: () => {
      elements.codeStep.panel.hidden = true;
      panel.hidden = false;
      password.input.value = '';
      message.show({ key: 'twoStep.sessionExpired' });
      password.input.focus();
    },
    back: () => {
      elements.codeStep.panel.hidden = true;
      panel.hidden = false;
      password.input.focus();
    },
  });

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
        const step = await auth.signIn(address, password.input.value);
        if (step.kind === 'signed-in') {
          navigate('ride.html');
          return;
        }
        panel.hidden = true;
        await codeStep.open(address, step);
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

/** Where the code step hands back to the sign-in panel. */
interface CodeStepExits {
  signedIn(): void;
  /** The challenge's session ran out: the password has to be entered again. */
  expired(): void;
  back(): void;
}

/**
 * The step after the password: the authenticator app's code, and before it the key to add to the
 * app when the pool requires MFA and the account has none yet.
 */
function setupCodeStep(
  elements: CodeStepElements,
  deps: SignInDeps,
  exits: CodeStepExits,
): { open(email: string, step: Exclude<SignInStep, { kind: 'signed-in' }>): Promise<void> } {
  const { panel, form } = elements;
  const { i18n } = deps;
  const code = field(elements.code, i18n);
  setupCodeField(code);
  const message = messageArea(elements.message, i18n);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const checking = busyButton(submit, i18n, 'twoStep.verifying');
  const key: KeyView = keyView(
    { qr: elements.qr, secret: elements.secret, copy: elements.copy, message },
    deps,
  );
  let current: Exclude<SignInStep, { kind: 'signed-in' }> | null = null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(submit) || current === null) return;
    message.clear();
    const typed = checkedCode(code, 'twoStep.codeRequired');
    if (focusFirstInvalid(code) || typed === null) return;
    const step = current;
    void checking(async () => {
      try {
        await step.submit(typed);
        exits.signedIn();
      } catch (failure) {
        // The challenge's session is single-use and short-lived: once Cognito refuses it, only
        // the password starts a new one.
        if (failure instanceof AuthError && failure.code === 'NotAuthorizedException') {
          current = null;
          exits.expired();
          return;
        }
        showCodeFailure(failure, code, message);
      }
    });
  });
  elements.back.addEventListener('click', () => {
    current = null;
    exits.back();
  });
  armSubmitButtons(submit);

  return {
    async open(email, step) {
      current = step;
      code.input.value = '';
      code.clear();
      message.clear();
      const setup = step.kind === 'setup-required';
      elements.setup.hidden = !setup;
      elements.lead.hidden = setup;
      panel.hidden = false;
      code.input.focus();
      if (step.kind === 'setup-required') await key.show(email, step.secret);
    },
  };
}
