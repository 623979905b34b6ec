/**
 * The ride page, signed-in only: greets the rider and offers the account menu. The map and the
 * unicorn request come in the next issue; until then the page is honest about what it can do.
 */
import { type Auth, idTokenEmail } from '../cognito-auth.ts';
import {
  browserNavigate,
  find,
  type MessageArea,
  messageArea,
  type Navigate,
  type ShellDeps,
  setupShell,
  whileBusy,
} from './ui.ts';

/** What the ride page needs. */
export interface RidePageDeps extends ShellDeps {
  readonly auth: Pick<Auth, 'getIdToken' | 'signOut' | 'signOutEverywhere'>;
  readonly navigate?: Navigate;
  /** The ride API base URL; null when it is not configured yet. */
  readonly invokeUrl: string | null;
  /** Where "Copy ID token" writes; defaults to the browser's clipboard. */
  readonly clipboard?: Pick<Clipboard, 'writeText'>;
}

/**
 * Sets up the ride page inside `root`. Resolves once the sign-in check is done (signed out means
 * navigating to the sign-in page).
 */
export async function setupRidePage(root: ParentNode, deps: RidePageDeps): Promise<void> {
  const { auth, i18n, navigate = browserNavigate, invokeUrl } = deps;
  setupShell(root, deps);

  const greeting = find(root, '#greeting', HTMLElement);
  const account = find(root, '#account', HTMLElement);
  const accountLink = find(root, '#accountLink', HTMLButtonElement);
  const menu = find(root, '#accountMenu', HTMLElement);
  const signOut = find(root, '#signOut', HTMLButtonElement);
  const signOutEverywhere = find(root, '#signOutEverywhere', HTMLButtonElement);
  const message = messageArea(find(root, '#rideMessage', HTMLElement), i18n);

  const setMenu = (open: boolean): void => {
    menu.hidden = !open;
    accountLink.setAttribute('aria-expanded', String(open));
  };
  accountLink.addEventListener('click', () => setMenu(menu.hidden));
  account.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !menu.hidden) {
      setMenu(false);
      accountLink.focus();
    }
  });
  account.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && account.contains(event.relatedTarget)))
      setMenu(false);
  });

  signOut.addEventListener('click', () => {
    void whileBusy(signOut, i18n, async () => {
      await auth.signOut();
      navigate('signin.html');
    });
  });
  signOutEverywhere.addEventListener('click', () => {
    void whileBusy(signOutEverywhere, i18n, async () => {
      try {
        await auth.signOutEverywhere();
        navigate('signin.html');
      } catch (failure) {
        message.fail(failure);
      }
    });
  });

  let idToken: string | null;
  try {
    idToken = await auth.getIdToken();
  } catch (failure) {
    message.fail(failure);
    return;
  }
  if (idToken === null) {
    navigate('signin.html');
    return;
  }

  const email = idTokenEmail(idToken) ?? '';
  const greet = (): void => {
    greeting.textContent = i18n.t('ride.greeting', { email });
  };
  greeting.removeAttribute('data-i18n');
  i18n.subscribe(greet);
  greet();
  account.hidden = false;

  if (invokeUrl === null) setupTokenCopy(root, deps, navigate, message);
}

function setupTokenCopy(
  root: ParentNode,
  { auth, i18n, clipboard = navigator.clipboard }: RidePageDeps,
  navigate: Navigate,
  message: MessageArea,
): void {
  const notice = find(root, '#apiNotice', HTMLElement);
  const copy = find(root, '#copyToken', HTMLButtonElement);
  notice.hidden = false;
  copy.addEventListener('click', () => {
    void whileBusy(copy, i18n, async () => {
      // Fetched on demand, so the copy is fresh and the token never sits in the page.
      let token: string | null;
      try {
        token = await auth.getIdToken();
      } catch (failure) {
        message.fail(failure);
        return;
      }
      if (token === null) {
        navigate('signin.html');
        return;
      }
      try {
        await clipboard.writeText(token);
        message.show({ key: 'ride.tokenCopied' }, 'success');
      } catch {
        message.show({ key: 'ride.copyFailed' });
      }
    });
  });
}
