/** The register page: sign-up with live password rules, then on to verify. */
import type { Auth } from '../cognito-auth.ts';
import { checkPassword, PASSWORD_RULES, passwordShapeProblem } from '../password-rules.ts';
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

/** What the register page needs. */
export interface RegisterPageDeps extends ShellDeps {
  readonly auth: Pick<Auth, 'register'>;
  readonly navigate?: Navigate;
  /** The page's query string; `?email=` prefills the form. */
  readonly search?: string;
}

/** Sets up the register page inside `root`. */
export function setupRegisterPage(root: ParentNode, deps: RegisterPageDeps): void {
  const { auth, i18n, navigate = browserNavigate, search = location.search } = deps;
  setupShell(root, deps);

  const form = find(root, '#registrationForm', HTMLFormElement);
  const email = find(root, '#emailInputRegister', HTMLInputElement);
  const password = find(root, '#passwordInputRegister', HTMLInputElement);
  const password2 = find(root, '#password2InputRegister', HTMLInputElement);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const message = messageArea(find(root, '#registrationMessage', HTMLElement), i18n);
  setupPasswordToggle(find(root, '#showPasswordRegister', HTMLInputElement));

  const showRules = (): void => {
    const met = checkPassword(password.value);
    for (const rule of PASSWORD_RULES) {
      const item = find(root, `[data-rule="${rule}"]`, HTMLElement);
      item.dataset.met = String(met[rule]);
      const state = find(item, '[data-rule-state]', HTMLElement);
      state.dataset.i18n = met[rule] ? 'rules.met' : 'rules.unmet';
      state.textContent = i18n.t(met[rule] ? 'rules.met' : 'rules.unmet');
    }
  };
  password.addEventListener('input', showRules);
  showRules();

  email.value ||= emailFromSearch(search);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    clearFlags(email, password, password2);
    const address = checkedEmail(email, message);
    if (address === null) return;
    if (password.value === '') {
      message.show({ key: 'form.passwordRequired' });
      flagField(password);
      return;
    }
    const shape = passwordShapeProblem(password.value);
    if (shape !== null) {
      message.show({ key: `password.${shape}` });
      flagField(password);
      return;
    }
    if (password.value !== password2.value) {
      message.show({ key: 'register.mismatch' });
      flagField(password2);
      return;
    }
    void whileBusy(submit, i18n, async () => {
      try {
        const result = await auth.register(address, password.value);
        navigate(
          result.confirmed
            ? pageUrl('signin.html', { email: address, verified: '1' })
            : pageUrl('verify.html', { email: address, sent: result.destination ?? address }),
        );
      } catch (failure) {
        message.fail(failure);
      }
    });
  });
  armSubmitButtons(submit);
}
