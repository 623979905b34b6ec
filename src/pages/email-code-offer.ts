/**
 * "Email me a code" under the sign-in form, offered where the pool allows EMAIL_OTP. It is all
 * the sign-in page carries for email codes on a first visit: the step itself (email-code.ts) and
 * the client behind it are fetched on the first press.
 */
import type { EmailCodeDeps } from '../email-code.ts';
import type { I18n } from '../i18n/index.ts';
import type { EmailCodeStep } from './email-code.ts';
import { type Clock, checkedEmail, type Field, focusField, showFailure } from './form-ui.ts';
import { isBusy, type MessageArea, whileBusy } from './ui.ts';

/** The offer's elements: its block in the sign-in panel, its button, and the step's panel. */
export interface EmailCodeOfferElements {
  readonly offer: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly step: HTMLElement;
}

/** What the offer needs from the sign-in panel and the site. */
export interface EmailCodeOfferDeps {
  readonly i18n: I18n;
  readonly emailCode: EmailCodeDeps;
  readonly clock: Clock;
  readonly mailboxUrl: string | null;
  /** The sign-in panel, hidden while the step shows. */
  readonly signinPanel: HTMLElement;
  /** The sign-in form's email field, whose address the code goes to. */
  readonly email: Field;
  /** The sign-in form's message area. */
  readonly message: MessageArea;
  readonly signedIn: () => void;
}

/** Shows the offer and wires it: the address checked, a code asked for, then the step. */
export function setupEmailCodeOffer(
  elements: EmailCodeOfferElements,
  deps: EmailCodeOfferDeps,
): void {
  const { button, step: panel } = elements;
  const { i18n, email, message, signinPanel } = deps;
  const backToSignIn = (): void => {
    signinPanel.hidden = false;
  };
  let step: Promise<EmailCodeStep> | null = null;
  const loadStep = (): Promise<EmailCodeStep> => {
    step ??= import('./email-code.ts').then(({ setupEmailCodeStep }) =>
      setupEmailCodeStep(panel, deps, {
        signedIn: deps.signedIn,
        ended() {
          backToSignIn();
          message.show({ key: 'emailCode.ended' });
          button.focus();
        },
        back() {
          backToSignIn();
          button.focus();
        },
      }),
    );
    // A failed load (offline) is tried again on the next press.
    step.catch(() => {
      step = null;
    });
    return step;
  };

  button.addEventListener('click', () => {
    if (isBusy(button)) return;
    message.clear();
    const address = checkedEmail(email);
    if (address === null) {
      focusField(email);
      return;
    }
    void whileBusy(
      button,
      i18n,
      async () => {
        try {
          await (await loadStep()).open(address);
          signinPanel.hidden = true;
        } catch (failure) {
          showFailure(failure, { email }, message);
        }
      },
      'emailCode.sending',
    );
  });
  elements.offer.hidden = false;
}
