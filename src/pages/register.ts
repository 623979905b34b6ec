/** The register page: sign-up with live password rules, then on to verify. */
import { keepSignUpSession, type PendingSignUpDeps, type SignUp } from '../sign-up.ts';
import {
  armSubmitButtons,
  busyButton,
  checkedEmail,
  checkedNewPassword,
  emailFromSearch,
  field,
  focusFirstInvalid,
  setupPasswordMatch,
  setupPasswordRules,
  setupPasswordToggle,
  showFailure,
} from './form-ui.ts';
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

/** What the register page needs. */
export interface RegisterPageDeps extends ShellDeps {
  readonly signUp: Pick<SignUp, 'register'>;
  readonly navigate?: Navigate;
  /** The page's query string; `?email=` prefills the form. */
  readonly search?: string;
  /** Where SignUp's Session waits for the verify page (this tab's sessionStorage by default). */
  readonly pending?: PendingSignUpDeps;
}

/** Sets up the register page inside `root`. */
export function setupRegisterPage(root: ParentNode, deps: RegisterPageDeps): void {
  const { signUp, i18n, navigate = browserNavigate, search = location.search, pending = {} } = deps;
  setupShell(root, deps);

  const form = find(root, '#registrationForm', HTMLFormElement);
  const email = field(find(root, '#emailInputRegister', HTMLInputElement), i18n);
  const password = field(find(root, '#passwordInputRegister', HTMLInputElement), i18n);
  const password2 = field(find(root, '#password2InputRegister', HTMLInputElement), i18n);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const creatingAccount = busyButton(submit, i18n, 'register.creating');
  const message = messageArea(find(root, '#registrationMessage', HTMLElement), i18n);
  setupPasswordToggle(find(root, '#showPasswordRegister', HTMLInputElement));
  setupPasswordRules(password.input, find(root, '#passwordRules', HTMLElement), i18n);
  setupPasswordMatch(
    password.input,
    password2.input,
    find(root, '#passwordMatchRegister', HTMLElement),
    i18n,
  );

  email.input.value ||= emailFromSearch(search);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    message.clear();
    // Every field is checked, so one attempt shows everything left to fix.
    const address = checkedEmail(email);
    const newPassword = checkedNewPassword(password, password2);
    if (focusFirstInvalid(email, password, password2)) return;
    if (address === null || newPassword === null) return;
    void creatingAccount(async () => {
      try {
        const result = await signUp.register(address, newPassword);
        // The verify page in this tab confirms with it, then signs the new rider straight in.
        if (result.session !== null) keepSignUpSession(pending, address, result.session);
        navigate(
          result.confirmed
            ? pageUrl('signin.html', { email: address, verified: '1' })
            : pageUrl('verify.html', { email: address, sent: '1' }),
        );
      } catch (failure) {
        showFailure(failure, { email, password }, message);
      }
    });
  });
  armSubmitButtons(submit);
}
