/**
 * What the sign-in page's code step and the ride page's "Two-step sign-in" panel share: the
 * authenticator key shown as a QR code and as text to type, and how a refused code is told.
 * Both load this module only when they need it, so neither page's first visit carries it.
 */
import { AuthError } from '../auth-errors.ts';
import type { I18n } from '../i18n/index.ts';
import { type Field, focusField } from './form-ui.ts';
import { type MessageArea, whileBusy } from './ui.ts';

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
  /** The QR encoder; `uqr`, loaded on first use, by default. */
  readonly loadQr?: LoadQr | undefined;
}

/** Shows an authenticator key; `show` resolves once the QR code is drawn. */
export interface KeyView {
  show(email: string, secret: string): Promise<void>;
}

/**
 * Wires a key's elements: the QR code (with an accessible name saying what it is for), the key
 * as text in groups of four, and copying the key without the spaces.
 */
export function keyView(
  elements: KeyElements,
  { i18n, clipboard, loadQr = loadUqr }: KeyDeps,
): KeyView {
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

/**
 * Shows a refused authenticator code at its field, what was typed kept and selected, in words
 * about the app rather than the email codes' (Cognito answers a wrong and a reused code alike,
 * CodeMismatchException). Anything else goes to `area`.
 */
export function showCodeFailure(failure: unknown, code: Field, area: MessageArea): void {
  if (!(failure instanceof AuthError && failure.code === 'CodeMismatchException')) {
    area.fail(failure);
    return;
  }
  code.show({ key: 'twoStep.wrongCode' });
  focusField(code);
  code.input.select();
}
