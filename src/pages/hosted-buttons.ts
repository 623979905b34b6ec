/** "Continue with Google" and "Use hosted sign-in" on the sign-in and register pages. */
import type { HostedProvider } from '../hosted/flow.ts';
import type { HostedStarter } from '../hosted/start.ts';
import type { I18n } from '../i18n/index.ts';
import { browserNavigate, find, messageArea, type Navigate, whileBusy } from './ui.ts';

/** What the hosted sign-in buttons need. */
export interface HostedButtonsDeps {
  readonly i18n: I18n;
  /** Null when no user pool domain is configured: the buttons stay hidden. */
  readonly start: HostedStarter | null;
  readonly navigate?: Navigate;
}

/**
 * Shows the hosted sign-in buttons inside `#hostedSignIn` when the site has a user pool domain;
 * a button with `data-hosted-provider="Google"` goes straight to that provider.
 */
export function setupHostedButtons(root: ParentNode, deps: HostedButtonsDeps): void {
  const { i18n, start, navigate = browserNavigate } = deps;
  if (start === null) return;
  const section = find(root, '#hostedSignIn', HTMLElement);
  const message = messageArea(find(section, '#hostedMessage', HTMLElement), i18n);
  for (const button of section.querySelectorAll<HTMLButtonElement>(
    'button[data-hosted-provider]',
  )) {
    const provider = providerOf(button.dataset.hostedProvider);
    button.addEventListener('click', () => {
      message.clear();
      void whileBusy(
        button,
        i18n,
        async () => {
          try {
            const url = await start({
              language: i18n.language,
              ...(provider === null ? {} : { provider }),
            });
            navigate(url);
          } catch {
            // The flow's module comes over the network on this click; storage may be blocked.
            message.show({ key: 'hosted.startFailed' });
          }
        },
        'hosted.opening',
      );
    });
  }
  section.hidden = false;
}

function providerOf(value: string | undefined): HostedProvider | null {
  return value === 'Google' ? 'Google' : null;
}
