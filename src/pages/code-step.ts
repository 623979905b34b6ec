/**
 * The sign-in page's step after the password: the authenticator app's code, and before it the
 * key to add to the app when the pool requires MFA. The sign-in page loads this module while the
 * password is being checked, so a visit without two-step sign-in never waits for it.
 */
import { AuthError } from '../auth-errors.ts';
import type { SignInStep } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import {
  armSubmitButtons,
  busyButton,
  checkedCode,
  field,
  focusFirstInvalid,
  setupCodeField,
} from './form-ui.ts';
import { type KeyView, keyView, type LoadQr, showCodeFailure } from './totp.ts';
import { find, isBusy, messageArea } from './ui.ts';

/** What the code step needs. */
export interface CodeStepDeps {
  readonly i18n: I18n;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr?: LoadQr | undefined;
}

/** A sign-in that is waiting for an authenticator code. */
export type PendingStep = Exclude<SignInStep, { kind: 'signed-in' }>;

/** Where the code step, once it has hidden itself, hands back to the sign-in panel. */
export interface CodeStepExits {
  signedIn(): void;
  /** The challenge's session ran out: the password has to be entered again. */
  expired(): void;
  back(): void;
}

/** The code step, ready to show for a sign-in that needs it. */
export interface CodeStep {
  /** Shows the step for `email`: the code field, and the key first when it is a setup. */
  open(email: string, step: PendingStep): Promise<void>;
}

/**
 * Sets up the step after the password inside `panel` (signin.html's #codeStepPanel): the
 * authenticator app's code, and before it the key to add to the app when the pool requires MFA
 * and the account has none yet.
 */
export function setupCodeStep(
  panel: HTMLElement,
  deps: CodeStepDeps,
  exits: CodeStepExits,
): CodeStep {
  const elements = {
    lead: find(panel, '#codeStepLead', HTMLElement),
    setup: find(panel, '#codeStepSetup', HTMLElement),
    qr: find(panel, '#codeStepQr', HTMLElement),
    secret: find(panel, '#codeStepSecret', HTMLElement),
    copy: find(panel, '#codeStepCopy', HTMLButtonElement),
    code: find(panel, '#codeInputTwoStep', HTMLInputElement),
    message: find(panel, '#codeStepMessage', HTMLElement),
    back: find(panel, '#codeStepBack', HTMLButtonElement),
  };
  const form = find(panel, '#codeStepForm', HTMLFormElement);
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
  let current: PendingStep | null = null;

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
          panel.hidden = true;
          exits.expired();
          return;
        }
        showCodeFailure(failure, code, message);
      }
    });
  });
  elements.back.addEventListener('click', () => {
    current = null;
    panel.hidden = true;
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
