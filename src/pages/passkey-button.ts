/** "Sign in with a passkey" on the sign-in page, for the address in the email field. */
import type { I18n } from '../i18n/index.ts';
import type { PasskeySignIn } from '../passkey-support.ts';
import { checkedEmail, type Field, focusField } from './form-ui.ts';
import { type MessageArea, whileBusy } from './ui.ts';

/** What the button needs: the sign-in form's email field and message area. */
export interface PasskeyButtonDeps {
  readonly i18n: I18n;
  readonly email: Field;
  readonly message: MessageArea;
  readonly signIn: PasskeySignIn;
  /** Called once the session is kept. */
  readonly onSignedIn: () => void;
}

/** Shows the button inside `area` and signs in with a passkey when it is pressed. */
export function setupPasskeyButton(
  area: HTMLElement,
  button: HTMLButtonElement,
  deps: PasskeyButtonDeps,
): void {
  const { i18n, email, message, signIn, onSignedIn } = deps;
  area.hidden = false;
  button.addEventListener('click', () => {
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
        const failure = await signIn(address);
        if (failure === null) onSignedIn();
        // Closing the browser's dialog is a choice, not an error: said calmly.
        else message.show(failure.message, failure.calm ? 'info' : 'error');
      },
      'passkeys.signingIn',
    );
  });
}
