/**
 * The sign-in page's email-code step: the code Cognito mailed, checked, and on to the ride page;
 * a new code on request. The sign-in page loads this module when the rider asks for a code.
 */
import { AuthError } from '../auth-errors.ts';
import {
  createEmailCodeSignIn,
  type EmailCodeChallenge,
  type EmailCodeDeps,
} from '../email-code.ts';
import type { I18n } from '../i18n/index.ts';
import {
  armSubmitButtons,
  busyButton,
  type Clock,
  codeSentStatus,
  field,
  focusField,
  mailboxFor,
  resendCooldown,
  setupCodeField,
  showFailure,
} from './form-ui.ts';
import { find, isBusy, messageArea, whileBusy } from './ui.ts';

/** What the email-code step needs. */
export interface EmailCodeStepDeps {
  readonly i18n: I18n;
  /** The pool and app client to ask, and where the tokens go. */
  readonly emailCode: EmailCodeDeps;
  readonly clock: Clock;
  /** The local emulator's mailbox, pointed out at the step; null for a real pool. */
  readonly mailboxUrl: string | null;
}

/** Where the step, once it has hidden itself, hands back to the sign-in panel. */
export interface EmailCodeExits {
  signedIn(): void;
  /** Cognito ended the sign-in (too many wrong codes, or too late): a new code is needed. */
  ended(): void;
  back(): void;
}

/** The step, ready to open for an address. */
export interface EmailCodeStep {
  /**
   * Asks Cognito to mail a code to `email` and shows the step; rejects with the failure (left to
   * the sign-in panel to show) when no code was sent.
   */
  open(email: string): Promise<void>;
}

/** The email code is eight digits (Cognito's EMAIL_OTP). */
const EMAIL_CODE_LENGTH = 8;

// Cognito's answers once the challenge's session is over: only a new code helps.
const SIGN_IN_ENDED = new Set(['NotAuthorizedException', 'ExpiredCodeException']);

/** Sets up the email-code step inside `panel` (signin.html's #emailCodePanel). */
export function setupEmailCodeStep(
  panel: HTMLElement,
  deps: EmailCodeStepDeps,
  exits: EmailCodeExits,
): EmailCodeStep {
  const { i18n, clock, mailboxUrl } = deps;
  const signIn = createEmailCodeSignIn(deps.emailCode);
  const form = find(panel, '#emailCodeForm', HTMLFormElement);
  const code = field(find(panel, '#codeInputEmail', HTMLInputElement), i18n);
  setupCodeField(code);
  const message = messageArea(find(panel, '#emailCodeMessage', HTMLElement), i18n);
  const status = codeSentStatus(find(panel, '#emailCodeSent', HTMLElement), i18n, clock);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const signingIn = busyButton(submit, i18n, 'emailCode.signingIn');
  const resend = find(panel, '#resendEmailCode', HTMLButtonElement);
  const coolDown = resendCooldown(resend, i18n, clock);
  const hint = panel.querySelector<HTMLElement>('#devHintEmailCode');
  let address = '';
  let current: EmailCodeChallenge | null = null;

  const close = (exit: () => void): void => {
    current = null;
    panel.hidden = true;
    exit();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isBusy(submit) || current === null) return;
    message.clear();
    const digits = code.input.value.replace(/\s+/g, '');
    if (digits === '') code.show({ key: 'form.codeRequired' });
    else if (digits.length !== EMAIL_CODE_LENGTH) code.show({ key: 'emailCode.codeLength' });
    if (code.invalid()) {
      focusField(code);
      return;
    }
    const challenge = current;
    void signingIn(async () => {
      try {
        await challenge.submit(digits);
        close(exits.signedIn);
      } catch (failure) {
        if (failure instanceof AuthError && SIGN_IN_ENDED.has(failure.code)) close(exits.ended);
        else showFailure(failure, { code }, message);
      }
    });
  });

  resend.addEventListener('click', () => {
    if (isBusy(resend)) return;
    message.clear();
    void (async () => {
      const sent = await whileBusy(
        resend,
        i18n,
        async () => {
          try {
            const challenge = await signIn.start(address);
            current = challenge;
            code.input.value = '';
            code.clear();
            status.resent(challenge.destination ?? address);
            focusField(code);
            return true;
          } catch (failure) {
            message.fail(failure);
            return false;
          }
        },
        'code.sending',
      );
      if (sent === true) coolDown();
    })();
  });

  find(panel, '#emailCodeBack', HTMLButtonElement).addEventListener('click', () => {
    close(exits.back);
  });
  armSubmitButtons(submit);

  return {
    async open(email) {
      const challenge = await signIn.start(email);
      address = email;
      current = challenge;
      code.input.value = '';
      code.clear();
      message.clear();
      status.sent(challenge.destination ?? email);
      if (hint !== null && mailboxUrl !== null) {
        find(hint, 'a', HTMLAnchorElement).href = mailboxFor(mailboxUrl, email);
        hint.hidden = false;
      }
      panel.hidden = false;
      code.input.focus();
    },
  };
}
