/**
 * The ride page's "Passkeys" panel: the account's passkeys (name and the day each was added),
 * adding one on this device, and removing one after asking. The ride page loads this module, and
 * the passkey code with it, when the panel first opens.
 */
import { AuthError } from '../auth-errors.ts';
import type { Auth } from '../cognito-auth.ts';
import type { I18n, MessageKey } from '../i18n/index.ts';
import { passkeyFailure } from '../passkey-errors.ts';
import type { PasskeyBrowser, PasskeyConfig } from '../passkey-support.ts';
import { createPasskeys, type Passkey } from '../passkeys.ts';
import { find, type MessageArea, messageArea, whileBusy } from './ui.ts';

/** What the panel needs. */
export interface PasskeysPanelDeps {
  readonly auth: Pick<Auth, 'getAccessToken'>;
  readonly i18n: I18n;
  readonly config: PasskeyConfig;
  /** This browser's WebAuthn; null where it cannot make passkeys (listing and removing still work). */
  readonly browser: PasskeyBrowser | null;
  /** Called after the panel closes, so focus can go back where it came from. */
  readonly onClose: () => void;
}

/** Opens the panel; it closes itself. */
export interface PasskeysPanel {
  open(): Promise<void>;
}

/** Sets up the panel inside `panel` (ride.html's #passkeysPanel). */
export function setupPasskeysPanel(panel: HTMLElement, deps: PasskeysPanelDeps): PasskeysPanel {
  const { auth, i18n, browser } = deps;
  const heading = find(panel, '#passkeysHeading', HTMLElement);
  const list = find(panel, '#passkeysList', HTMLUListElement);
  const add = find(panel, '#passkeysAdd', HTMLButtonElement);
  const close = find(panel, '#passkeysClose', HTMLButtonElement);
  const status = messageArea(find(panel, '#passkeysStatus', HTMLElement), i18n);
  const message = messageArea(find(panel, '#passkeysMessage', HTMLElement), i18n);
  const passkeys = createPasskeys({ ...deps.config, browser });
  find(panel, '#passkeysUnsupported', HTMLElement).hidden = browser !== null;
  add.hidden = browser === null;

  let shown: readonly Passkey[] = [];
  const render = (): void => {
    list.replaceChildren(...shown.map((passkey) => row(passkey)));
    list.hidden = shown.length === 0;
    if (shown.length === 0) status.show({ key: 'passkeys.empty' }, 'info');
    else status.clear();
  };
  i18n.subscribe(() => {
    if (!list.hidden) render();
  });

  /** The access token, or null with "sign in again" shown. */
  const accessToken = async (): Promise<string | null> => {
    const token = await auth.getAccessToken();
    if (token === null) message.show({ key: 'passkeys.signInAgain' });
    return token;
  };

  const fail = (failure: unknown): void => showFailure(failure, message);

  const load = async (): Promise<void> => {
    list.hidden = true;
    status.show({ key: 'passkeys.loading' }, 'info');
    try {
      const token = await accessToken();
      if (token === null) {
        status.clear();
        return;
      }
      shown = await passkeys.listPasskeys(token);
      render();
    } catch (failure) {
      status.clear();
      fail(failure);
    }
  };

  /** One passkey: its name and day, and "Remove", which asks before it removes. */
  function row(passkey: Passkey): HTMLLIElement {
    const doc = panel.ownerDocument;
    const item = doc.createElement('li');
    item.className = 'passkey';
    const text = doc.createElement('div');
    text.className = 'passkey-text';
    const name = doc.createElement('span');
    name.className = 'passkey-name';
    name.textContent = passkey.name;
    text.append(name);
    if (passkey.createdAt !== null) {
      const day = doc.createElement('span');
      day.className = 'passkey-date';
      const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
        passkey.createdAt,
      );
      day.textContent = i18n.t('passkeys.addedOn', { date });
      text.append(day);
    }
    const remove = button(doc, i18n, 'ghost-button', 'passkeys.remove');
    remove.setAttribute('aria-label', i18n.t('passkeys.removeLabel', { name: passkey.name }));
    const confirm = doc.createElement('div');
    confirm.className = 'passkey-confirm';
    confirm.hidden = true;
    const question = doc.createElement('p');
    question.textContent = i18n.t('passkeys.confirmRemove', { name: passkey.name });
    const yes = button(doc, i18n, 'pill', 'passkeys.remove');
    const keep = button(doc, i18n, 'ghost-button', 'passkeys.keep');
    confirm.append(question, yes, keep);
    item.append(text, remove, confirm);

    remove.addEventListener('click', () => {
      message.clear();
      remove.hidden = true;
      confirm.hidden = false;
      yes.focus();
    });
    keep.addEventListener('click', () => {
      confirm.hidden = true;
      remove.hidden = false;
      remove.focus();
    });
    yes.addEventListener('click', () => {
      void whileBusy(
        yes,
        i18n,
        async () => {
          try {
            const token = await accessToken();
            if (token === null) return;
            await passkeys.removePasskey(token, passkey.id);
            message.show({ key: 'passkeys.removed', params: { name: passkey.name } }, 'success');
            heading.focus();
            await load();
          } catch (failure) {
            fail(failure);
          }
        },
        'passkeys.removing',
      );
    });
    return item;
  }

  add.addEventListener('click', () => {
    message.clear();
    void whileBusy(
      add,
      i18n,
      async () => {
        try {
          const token = await accessToken();
          if (token === null) return;
          await passkeys.addPasskey(token);
          message.show({ key: 'passkeys.added' }, 'success');
          await load();
        } catch (failure) {
          fail(failure);
        }
      },
      'passkeys.adding',
    );
  });

  const hide = (): void => {
    panel.hidden = true;
    deps.onClose();
  };
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
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
 * A closed dialog is the person's choice, said calmly; a refused token means the session ended
 * elsewhere (signed out everywhere, revoked); anything else in the passkey words.
 */
function showFailure(failure: unknown, message: MessageArea): void {
  if (failure instanceof AuthError && failure.code === 'NotAuthorizedException') {
    message.show({ key: 'passkeys.signInAgain' });
    return;
  }
  const { message: text, calm } = passkeyFailure(failure);
  message.show(text, calm ? 'info' : 'error');
}

/** A button whose label `whileBusy` can swap for its busy words (a `data-i18n` span). */
function button(doc: Document, i18n: I18n, className: string, key: MessageKey): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.className = className;
  const label = doc.createElement('span');
  label.dataset.i18n = key;
  label.textContent = i18n.t(key);
  element.append(label);
  return element;
}
