/** The verify page: confirm the sign-up code, or ask for a new one. */
import { type Auth, AuthError } from '../cognito-auth.ts';
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
  setupShell,
  whileBusy,
} from './ui.ts';

/** What the verify page needs. */
export interface VerifyPageDeps extends ShellDeps {
  readonly auth: Pick<Auth, 'verify' | 'resendCode'>;
  readonly navigate?: Navigate;
  /** `?email=` prefills; `?sent=` names where the code went; `?reason=unconfirmed` explains why. */
  readonly search?: string;
  /** The local emulator's mailbox, shown as a hint in development; null for a real pool. */
  readonly mailboxUrl?: string | null;
}

// Codes after which a new code is the way forward, so the resend action is pointed out.
const RESEND_HELPS = new Set([
  'CodeMismatchException',
  'ExpiredCodeException',
  'TooManyFailedAttemptsException',
]);

/** Sets up the verify page inside `root`. */
export function setupVerifyPage(root: ParentNode, deps: VerifyPageDeps): void {
  const {
    auth,
    i18n,
    navigate = browserNavigate,
    search = location.search,
    mailboxUrl = null,
  } = deps;
  setupShell(root, deps);

  const form = find(root, '#verifyForm', HTMLFormElement);
  const email = find(root, '#emailInputVerify', HTMLInputElement);
  const code = find(root, '#codeInputVerify', HTMLInputElement);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const resend = find(root, '#resendCode', HTMLButtonElement);
  const message = messageArea(find(root, '#verifyMessage', HTMLElement), i18n);

  const params = new URLSearchParams(search);
  email.value ||= emailFromSearch(search);
  const sentTo = params.get('sent');
  if (params.get('reason') === 'unconfirmed') message.show({ key: 'verify.unconfirmed' }, 'info');
  else if (sentTo) message.show({ key: 'verify.sentTo', params: { destination: sentTo } }, 'info');

  const hint = root.querySelector<HTMLElement>('#devHint');
  if (hint !== null && mailboxUrl !== null) {
    find(hint, 'a', HTMLAnchorElement).href = mailboxUrl;
    hint.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    clearFlags(email, code);
    resend.classList.remove('is-suggested');
    const address = checkedEmail(email, message);
    if (address === null) return;
    // People paste codes as "123 456"; Cognito wants the digits only.
    const digits = code.value.replace(/\s+/g, '');
    if (digits === '') {
      message.show({ key: 'form.codeRequired' });
      flagField(code);
      return;
    }
    void whileBusy(submit, i18n, async () => {
      try {
        await auth.verify(address, digits);
        navigate(pageUrl('signin.html', { email: address, verified: '1' }));
      } catch (failure) {
        message.fail(failure);
        if (failure instanceof AuthError && RESEND_HELPS.has(failure.code)) {
          resend.classList.add('is-suggested');
        }
      }
    });
  });

  resend.addEventListener('click', () => {
    message.clear();
    clearFlags(email, code);
    const address = checkedEmail(email, message);
    if (address === null) return;
    void whileBusy(resend, i18n, async () => {
      try {
        const { destination } = await auth.resendCode(address);
        resend.classList.remove('is-suggested');
        message.show(
          { key: 'verify.sentTo', params: { destination: destination ?? address } },
          'success',
        );
        code.focus();
      } catch (failure) {
        message.fail(failure);
      }
    });
  });
  armSubmitButtons(submit);

  (email.value === '' ? email : code).focus();
}
