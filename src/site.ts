/**
 * The real dependencies of the pages in a browser: this build's configuration, an auth client
 * for it (or one that reports the configuration problem), and the browser's language.
 */
import { type Auth, createAuth, unconfiguredAuth } from './cognito-auth.ts';
import {
  type ConfigError,
  type ConfigResult,
  type MapConfig,
  OPENSTREETMAP_TILES,
} from './config.ts';
import { type I18n, loadI18n, type Part } from './i18n/index.ts';
import { siteConfig } from './site-config.ts';

/** The dependencies shared by the pages that talk to Cognito. */
export interface SiteDeps {
  readonly i18n: I18n;
  readonly auth: Auth;
  readonly configError: ConfigError | null;
  readonly invokeUrl: string | null;
  readonly mailboxUrl: string | null;
  readonly tiles: MapConfig;
}

/**
 * Builds the pages' dependencies from this build's configuration and the visitor's language,
 * loading the parts of the message table the page shows (and the configuration notice's, when
 * it shows that).
 */
export async function siteDeps(
  parts: readonly Part[],
  config: ConfigResult = siteConfig,
): Promise<SiteDeps> {
  // Only a build with a configuration problem shows the notice, so only it loads those texts.
  const i18n = await loadI18n({ parts: config.ok ? parts : [...parts, 'config'] });
  if (!config.ok) {
    return {
      i18n,
      auth: unconfiguredAuth(config.error),
      configError: config.error,
      invokeUrl: null,
      mailboxUrl: null,
      tiles: OPENSTREETMAP_TILES,
    };
  }
  return {
    i18n,
    auth: createAuth({ cognito: config.config.cognito }),
    configError: null,
    invokeUrl: config.config.api.invokeUrl,
    mailboxUrl: config.mailboxUrl,
    tiles: config.config.map,
  };
}
