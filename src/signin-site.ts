/**
 * The sign-in page's dependencies: as `siteDeps` gives them, except that
 * `amazon-cognito-identity-js` (most of the page's weight) loads when the person first needs it —
 * signing in, or asking for a reset code — and starts loading as soon as they start typing
 * (`preload`), so the page itself arrives with half the JavaScript.
 */
import { NetworkError } from './auth-errors.ts';
import type { Auth } from './cognito-auth.ts';
import type { ConfigError, ConfigResult } from './config.ts';
import { type I18n, loadI18n, type Part } from './i18n/index.ts';
import { siteConfig } from './site-config.ts';

/** What the sign-in page does with Cognito through the library. */
export type SigninAuth = Pick<Auth, 'signIn' | 'forgotPassword' | 'confirmPassword'>;

/** The sign-in page's auth, and a way to start loading the library early. */
export interface DeferredAuth extends SigninAuth {
  /** Starts loading the library now; failures wait for the first real use to be reported. */
  preload(): void;
}

/**
 * An auth whose library comes from `load` on first use. A failed load (offline) rejects that use
 * with a `NetworkError`, and the next use tries again.
 */
export function deferredAuth(load: () => Promise<SigninAuth>): DeferredAuth {
  let loading: Promise<SigninAuth> | null = null;
  const loaded = (): Promise<SigninAuth> => {
    loading ??= load().catch(() => {
      loading = null;
      throw new NetworkError('The sign-in code could not be loaded.');
    });
    return loading;
  };
  return {
    signIn: async (email, password) => (await loaded()).signIn(email, password),
    forgotPassword: async (email) => (await loaded()).forgotPassword(email),
    confirmPassword: async (email, code, password) =>
      (await loaded()).confirmPassword(email, code, password),
    preload: () => {
      loaded().catch(() => undefined);
    },
  };
}

/** An auth for a build whose configuration has a problem: every use fails with it. */
function refusingAuth(reason: ConfigError): DeferredAuth {
  const fail = (): Promise<never> => Promise.reject(reason);
  return { signIn: fail, forgotPassword: fail, confirmPassword: fail, preload: () => undefined };
}

/** What the sign-in page needs from the site. */
export interface SigninSiteDeps {
  readonly i18n: I18n;
  readonly auth: DeferredAuth;
  readonly configError: ConfigError | null;
  readonly mailboxUrl: string | null;
}

/** Builds the sign-in page's dependencies, loading the parts of the message table it shows. */
export async function signinSiteDeps(
  parts: readonly Part[],
  config: ConfigResult = siteConfig,
): Promise<SigninSiteDeps> {
  // Only a build with a configuration problem shows the notice, so only it loads those texts.
  const i18n = await loadI18n({ parts: config.ok ? parts : [...parts, 'config'] });
  if (!config.ok) {
    return { i18n, auth: refusingAuth(config.error), configError: config.error, mailboxUrl: null };
  }
  const { cognito } = config.config;
  return {
    i18n,
    auth: deferredAuth(async () => (await import('./cognito-auth.ts')).createAuth({ cognito })),
    configError: null,
    mailboxUrl: config.mailboxUrl,
  };
}
