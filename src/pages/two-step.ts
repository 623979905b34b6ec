/**
 * Two-step sign-in with an authenticator app (TOTP): the key shown as a QR code and as text to
 * type, used by the ride page's "Two-step sign-in" panel and by the sign-in page when the pool
 * requires MFA; and the panel itself, which turns it on and off.
 */
import { type Auth, AuthError } from '../cognito-auth.ts';
import type { I18n } from '../i18n/index.ts';
import {
  armSubmitButtons,
  busyButton,
  checkedCode,
  type Field,
  field,
  find,
  focusField,
  type MessageArea,
  messageArea,
  setupCodeField,
  whileBusy,
} from './ui.ts';

/** The name authenticator apps list the account under. */
export const TOTP_ISSUER = 'Wild Rydes';

/** The `otpauth://` URI authenticator apps read from the QR code (Google's Key Uri Format). */
export function otpauthUri(email: string, secret: string): string {
  const issuer = encodeURIComponent(TOTP_ISSUER);
  return `otpauth://totp/${issuer}:${encodeURIComponent(email)}?secret=${encodeURIComponent(secret)}&issuer=${issuer}`;
}

/** The key in groups of four, as apps ask people to type it: "JBSW Y3DP EHPK 3PXP". */
export function secretGroups(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? [];
}

/** Draws `text` as a QR code and returns the SVG markup. */
export type RenderQr = (text: string) => string;

/** Loads the QR encoder; by default `uqr`, as a chunk of its own fetched only when a key is shown. */
export type LoadQr = () => Promise<RenderQr>;

/** The real QR encoder, loaded on first use. */
export const loadUqr: LoadQr = () =>
  import('uqr').then(
    ({ renderSVG }) =>
      (text) =>
        renderSVG(text, { border: 2 }),
  );

/** The elements that show a key: the QR code's box, the key as text, and its copy button. */
export interface KeyElements {
  readonly qr: HTMLElement;
  readonly secret: HTMLElement;
  readonly copy: HTMLButtonElement;
  /** Where "Key copied" (or that copying failed) is said. */
  readonly message: MessageArea;
}

/** What showing a key needs. */
export interface KeyDeps {
  readonly i18n: I18n;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr: LoadQr;
}

/** Shows an authenticator key; `show` resolves once the QR code is drawn. */
export interface KeyView {
  show(email: string, secret: string): Promise<void>;
}

/**
 * Wires a key's elements: the QR code (with an accessible name saying what it is for), the key
 * as text in groups of four, and copying the key without the spaces.
 */
export function keyView(elements: KeyElements, { i18n, clipboard, loadQr }: KeyDeps): KeyView {
  const { qr, secret, copy, message } = elements;
  let current: { email: string; secret: string } | null = null;
  const label = (): void => {
    const svg = qr.querySelector('svg');
    if (svg !== null && current !== null) {
      svg.setAttribute('aria-label', i18n.t('twoStep.qrLabel', { email: current.email }));
    }
  };
  i18n.subscribe(label);
  copy.addEventListener('click', () => {
    const key = current?.secret;
    if (key === undefined) return;
    void whileBusy(copy, i18n, async () => {
      try {
        await clipboard.writeText(key);
        message.show({ key: 'twoStep.keyCopied' }, 'success');
      } catch {
        message.show({ key: 'twoStep.copyFailed' });
      }
    });
  });
  return {
    async show(email, key) {
      current = { email, secret: key };
      const doc = secret.ownerDocument;
      secret.replaceChildren(
        ...secretGroups(key).flatMap((group, index) => {
          const span = doc.createElement('span');
          span.textContent = group;
          // Spaces between the groups let a screen reader read the key four characters at a time.
          return index === 0 ? [span] : [' ', span];
        }),
      );
      const render = await loadQr();
      // The SVG is parsed as XML and only its element is taken in: nothing from it runs as HTML.
      const parsed = new DOMParser().parseFromString(
        render(otpauthUri(email, key)),
        'image/svg+xml',
      );
      const svg = doc.importNode(parsed.documentElement, true);
      svg.setAttribute('role', 'img');
      svg.setAttribute('focusable', 'false');
      qr.replaceChildren(svg);
      label();
    },
  };
}

/** The ride page's "Two-step sign-in" panel elements. */
export interface TwoStepElements {
  readonly panel: HTMLElement;
  readonly heading: HTMLElement;
  readonly close: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly setup: HTMLElement;
  readonly qr: HTMLElement;
  readonly secret: HTMLElement;
  readonly copy: HTMLButtonElement;
  readonly form: HTMLFormElement;
  readonly code: HTMLInputElement;
  readonly on: HTMLElement;
  readonly turnOff: HTMLButtonElement;
  readonly message: HTMLElement;
}

/** What the panel needs. */
export interface TwoStepDeps {
  readonly auth: Pick<
    Auth,
    'twoStepEnabled' | 'startTwoStep' | 'confirmTwoStep' | 'turnOffTwoStep'
  >;
  readonly i18n: I18n;
  readonly clipboard: Pick<Clipboard, 'writeText'>;
  readonly loadQr: LoadQr;
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

/** Sets up the panel: the state it finds, the key and first code to turn it on, turning it off. */
export function setupTwoStep(elements: TwoStepElements, deps: TwoStepDeps): TwoStepPanel {
  const { panel, heading, setup, form, on, turnOff } = elements;
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

  const load = async (): Promise<void> => {
    show('checking');
    setup.hidden = true;
    try {
      if (await auth.twoStepEnabled()) show('on');
      else await offerSetup();
    } catch (failure) {
      setup.hidden = true;
      status.clear();
      message.fail(failure);
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
        showCodeFailure(failure, code, message);
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
          message.fail(failure);
        }
      },
      'twoStep.turningOff',
    );
  });

  elements.close.addEventListener('click', () => {
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

/**
 * Shows a refused authenticator code at its field, what was typed kept and selected: a wrong code
 * and a code already used read differently from the email codes' messages. Anything else goes to
 * `area`.
 */
export function showCodeFailure(failure: unknown, code: Field, area: MessageArea): void {
  const problem =
    failure instanceof AuthError && failure.code === 'CodeMismatchException'
      ? 'twoStep.wrongCode'
      : failure instanceof AuthError && failure.code === 'ExpiredCodeException'
        ? 'twoStep.usedCode'
        : null;
  if (problem === null) {
    area.fail(failure);
    return;
  }
  code.show({ key: problem });
  focusField(code);
  code.input.select();
}
