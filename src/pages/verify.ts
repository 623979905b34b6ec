/**
 * The verify page: confirm the sign-up code, or ask for a new one; then straight to the ride page
 * when this tab registered the address a moment ago, else on to sign in.
 */
import { AuthError } from '../auth-errors.ts';
import {
  forgetSignUpSession,
  type PendingSignUpDeps,
  type SignUp,
  signUpSessionFor,
} from '../sign-up.ts';
import {
  armSubmitButtons,
  busyButton,
  type Clock,
  checkedCode,
  checkedEmail,
  codeSentStatus,
  emailFromSearch,
  field,
  focusFirstInvalid,
  looksLikeEmail,
  mailboxFor,
  resendCooldown,
  setupCodeField,
  showFailure,
  systemClock,
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
  whileBusy,
} from './ui.ts';

/** What the verify page needs. */
export interface VerifyPageDeps extends ShellDeps {
  readonly signUp: Pick<SignUp, 'verify' | 'resendCode' | 'signInAfterSignUp'>;
  readonly navigate?: Navigate;
  /**
   * `?email=` prefills; `?sent=1` says sign-up has just mailed a code to that address;
   * `?reason=unconfirmed` explains why the person is here.
   */
  readonly search?: string;
  /** The local emulator's mailbox, shown as a hint in development; null for a real pool. */
  readonly mailboxUrl?: string | null;
  /** The time a new code was sent, and the resend button's wait. */
  readonly clock?: Clock;
  /** Where the register page left SignUp's Session (this tab's sessionStorage by default). */
  readonly pending?: PendingSignUpDeps;
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
    signUp,
    i18n,
    navigate = browserNavigate,
    search = location.search,
    mailboxUrl = null,
    clock = systemClock,
    pending = {},
  } = deps;
  setupShell(root, deps);

  const form = find(root, '#verifyForm', HTMLFormElement);
  const email = field(find(root, '#emailInputVerify', HTMLInputElement), i18n);
  const code = field(find(root, '#codeInputVerify', HTMLInputElement), i18n);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const confirming = busyButton(submit, i18n, 'verify.confirming');
  const resend = find(root, '#resendCode', HTMLButtonElement);
  const message = messageArea(find(root, '#verifyMessage', HTMLElement), i18n);
  const status = codeSentStatus(find(root, '#codeSentVerify', HTMLElement), i18n, clock);
  const coolDown = resendCooldown(resend, i18n, clock);
  setupCodeField(code);

  const params = new URLSearchParams(search);
  email.input.value ||= emailFromSearch(search);
  // Only an address the page has checked is named: the query string is anyone's to write.
  const known = looksLikeEmail(email.input.value) ? email.input.value : null;
  if (params.get('reason') === 'unconfirmed') message.show({ key: 'verify.unconfirmed' }, 'info');
  else if (known !== null && params.get('sent') === '1') status.sent(known);

  const hint = root.querySelector<HTMLElement>('#devHint');
  if (hint !== null && mailboxUrl !== null) {
    const link = find(hint, 'a', HTMLAnchorElement);
    const point = () => {
      link.href = mailboxFor(mailboxUrl, email.input.value);
    };
    point();
    email.input.addEventListener('input', point);
    hint.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(submit)) return;
    message.clear();
    resend.classList.remove('is-suggested');
    const address = checkedEmail(email);
    const digits = checkedCode(code);
    if (focusFirstInvalid(email, code)) return;
    if (address === null || digits === null) return;
    void confirming(async () => {
      let next: string | null;
      try {
        next = await signUp.verify(address, digits, signUpSessionFor(pending, address));
      } catch (failure) {
        showFailure(failure, { email, code }, message);
        if (failure instanceof AuthError && RESEND_HELPS.has(failure.code)) {
          resend.classList.add('is-suggested');
        }
        return;
      }
      forgetSignUpSession(pending, address);
      navigate(
        next !== null && (await signedIn(address, next))
          ? 'ride.html'
          : pageUrl('signin.html', { email: address, verified: '1' }),
      );
    });
  });

  resend.addEventListener('click', () => {
    if (isBusy(resend)) return;
    message.clear();
    code.clear();
    const address = checkedEmail(email);
    if (address === null) {
      email.input.focus();
      return;
    }
    void (async () => {
      const sent = await whileBusy(
        resend,
        i18n,
        async () => {
          try {
            await signUp.resendCode(address);
            resend.classList.remove('is-suggested');
            status.resent(address);
            code.input.focus();
            return true;
          } catch (failure) {
            showFailure(failure, { email }, message);
            return false;
          }
        },
        'code.sending',
      );
      if (sent === true) coolDown();
    })();
  });
  armSubmitButtons(submit);

  /**
   * Signs the confirmed rider in with ConfirmSignUp's Session. Whatever goes wrong (Cognito
   * refuses the Session, the network drops), the account is confirmed: signing in by password
   * is the way on, so the failure itself is not shown.
   */
  async function signedIn(address: string, session: string): Promise<boolean> {
    try {
      await signUp.signInAfterSignUp(address, session);
      return true;
    } catch {
      return false;
    }
  }

  (email.input.value === '' ? email.input : code.input).focus();
}
