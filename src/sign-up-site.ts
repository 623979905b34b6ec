/**
 * The real dependencies of the register and verify pages: this build's configuration and the
 * browser's language, with sign-up through the typed client. Apart from site.ts so that these
 * pages never load `amazon-cognito-identity-js`.
 */
import type { ConfigError, ConfigResult } from './config.ts';
import { type I18n, loadI18n, type Part } from './i18n/index.ts';
import { createSignUp, type SignUp, unconfiguredSignUp } from './sign-up.ts';
import { siteConfig } from './site-config.ts';

/** What the register and verify pages need from the site. */
export interface SignUpSiteDeps {
  readonly i18n: I18n;
  readonly signUp: SignUp;
  readonly configError: ConfigError | null;
  readonly mailboxUrl: string | null;
}

/**
 * Builds the sign-up pages' dependencies, loading the parts of the message table they show (and
 * the configuration notice's, when it shows that).
 */
export async function signUpSiteDeps(
  parts: readonly Part[],
  config: ConfigResult = siteConfig,
): Promise<SignUpSiteDeps> {
  // Only a build with a configuration problem shows the notice, so only it loads those texts.
  const i18n = await loadI18n({ parts: config.ok ? parts : [...parts, 'config'] });
  if (!config.ok) {
    return {
      i18n,
      signUp: unconfiguredSignUp(config.error),
      configError: config.error,
      mailboxUrl: null,
    };
  }
  return {
    i18n,
    signUp: createSignUp({ cognito: config.config.cognito }),
    configError: null,
    mailboxUrl: config.mailboxUrl,
  };
}
