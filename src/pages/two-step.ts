/**
 * The ride page's "Two-step sign-in" panel: the state it finds, the key and the app's first code
 * to turn it on, and turning it off. The ride page loads this module when the panel first opens.
 */
import { AuthError } from '../auth-errors.ts';
import type { Auth } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import {
  armSubmitButtons,
  busyButton,
  checkedCode,
  field,
  focusField,
  setupCodeField,
} from './form-ui.ts';
import { keyView, type LoadQr, showCodeFailure } from './totp.ts';
import { find, messageArea, whileBusy } from './ui.ts';

/** What the panel needs. */
export interface TwoStepDeps {
  readonly auth: Pick<
    Auth,
    'twoStepEnabled' | 'startTwoStep' | 'confirmTwoStep' | 'turnOffTwoStep'
  >;
  readonly i18n: I18n;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr?: LoadQr | undefined;
  /** The signed-in address, which the app lists the key under. */
  readonly email: string;
  /** Called after the panel closes, so focus can go back where it came from. */
  readonly onClose: () => void;
}

/** Opens the panel; it closes itself. */
export interface TwoStepPanel {
  open(): Promise<void>;
}

type State = 'checking' | 'off' | 'on';

/**
 * Sets up the panel inside `panel` (ride.html's #twoStepPanel): the state it finds, the key and
 * first code to turn it on, turning it off.
 */
export function setupTwoStep(panel: HTMLElement, deps: TwoStepDeps): TwoStepPanel {
  const elements = {
    status: find(panel, '#twoStepStatus', HTMLElement),
    qr: find(panel, '#twoStepQr', HTMLElement),
    secret: find(panel, '#twoStepSecret', HTMLElement),
    copy: find(panel, '#twoStepCopy', HTMLButtonElement),
    code: find(panel, '#codeInputTwoStep', HTMLInputElement),
    message: find(panel, '#twoStepMessage', HTMLElement),
  };
  const heading = find(panel, '#twoStepHeading', HTMLElement);
  const setup = find(panel, '#twoStepSetup', HTMLElement);
  const form = find(panel, '#twoStepForm', HTMLFormElement);
  const on = find(panel, '#twoStepOn', HTMLElement);
  const turnOff = find(panel, '#twoStepOff', HTMLButtonElement);
  const close = find(panel, '#twoStepClose', HTMLButtonElement);
  const { auth, i18n, email } = deps;
  const message = messageArea(elements.message, i18n);
  const status = messageArea(elements.status, i18n);
  const code = field(elements.code, i18n);
  setupCodeField(code);
  const submit = find(form, 'button[type="submit"]', HTMLButtonElement);
  const turningOn = busyButton(submit, i18n, 'twoStep.turningOn');
  const key = keyView(
    { qr: elements.qr, secret: elements.secret, copy: elements.copy, message },
    deps,
  );

  const show = (state: State): void => {
    setup.hidden = state !== 'off';
    on.hidden = state !== 'on';
    const text = {
      checking: 'twoStep.checking',
      off: 'twoStep.isOff',
      on: 'twoStep.isOn',
    } as const;
    status.show({ key: text[state] }, state === 'on' ? 'success' : 'info');
  };

  /** Off: a new key to scan, and the field for the app's first code. */
  const offerSetup = async (): Promise<void> => {
    code.input.value = '';
    code.clear();
    show('off');
    await key.show(email, await auth.startTwoStep());
  };

  /** A refused token means the session ended elsewhere (signed out everywhere, revoked). */
  const fail = (failure: unknown): void => {
    if (failure instanceof AuthError && failure.code === 'NotAuthorizedException') {
      message.show({ key: 'twoStep.signInAgain' });
    } else message.fail(failure);
  };

  const load = async (): Promise<void> => {
    show('checking');
    try {
      if (await auth.twoStepEnabled()) show('on');
      else await offerSetup();
    } catch (failure) {
      setup.hidden = true;
      status.clear();
      fail(failure);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    const typed = checkedCode(code, 'twoStep.codeRequired');
    if (typed === null) {
      focusField(code);
      return;
    }
    void turningOn(async () => {
      try {
        await auth.confirmTwoStep(typed);
        show('on');
        message.show({ key: 'twoStep.turnedOn' }, 'success');
        heading.focus();
      } catch (failure) {
        if (failure instanceof AuthError && failure.code === 'CodeMismatchException') {
          showCodeFailure(failure, code, message);
        } else fail(failure);
      }
    });
  });

  armSubmitButtons(submit);

  turnOff.addEventListener('click', () => {
    message.clear();
    void whileBusy(
      turnOff,
      i18n,
      async () => {
        try {
          await auth.turnOffTwoStep();
          message.show({ key: 'twoStep.turnedOff' }, 'success');
          heading.focus();
          await offerSetup();
        } catch (failure) {
          fail(failure);
        }
      },
      'twoStep.turningOff',
    );
  });

  close.addEventListener('click', () => {
    panel.hidden = true;
    deps.onClose();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      deps.onClose();
    }
  });

  return {
    async open() {
      message.clear();
      panel.hidden = false;
      heading.focus();
      await load();
    },
  };
}
