/**
 * What the pages need to know about passkeys before loading any passkey code: whether this
 * browser and this pool can use them, and the way into passkey sign-in. Kept small: the passkey
 * code (`passkeys.ts`, `passkey-errors.ts`) loads when a person uses a passkey.
 */
import type { CognitoConfig, ConfigResult } from './config.ts';
import type { Message } from './i18n/index.ts';
import { siteConfig } from './site-config.ts';

/**
 * The browser's WebAuthn, as the passkey code uses it: the ceremonies, and the browser's own
 * JSON bridge for their options (the answers' `toJSON()` is the way back), so no base64url
 * conversion is written here. Tests hand in a software authenticator.
 */
export interface PasskeyBrowser {
  readonly credentials: Pick<CredentialsContainer, 'create' | 'get'>;
  readonly parseCreationOptionsFromJSON: (
    options: PublicKeyCredentialCreationOptionsJSON,
  ) => PublicKeyCredentialCreationOptions;
  readonly parseRequestOptionsFromJSON: (
    options: PublicKeyCredentialRequestOptionsJSON,
  ) => PublicKeyCredentialRequestOptions;
}

/**
 * This browser's WebAuthn when it can do passkeys with the JSON bridge (Chromium 129+, Firefox
 * 119+, Safari 18.4+); null otherwise. A platform authenticator is not required: security keys
 * and phones hold passkeys too.
 */
export function browserPasskeys(
  scope: { PublicKeyCredential?: unknown; navigator?: { credentials?: unknown } } = globalThis,
): PasskeyBrowser | null {
  const api = scope.PublicKeyCredential as Partial<typeof PublicKeyCredential> | undefined;
  const parseCreation = api?.parseCreationOptionsFromJSON;
  const parseRequest = api?.parseRequestOptionsFromJSON;
  const credentials = scope.navigator?.credentials as CredentialsContainer | undefined;
  if (
    typeof parseCreation !== 'function' ||
    typeof parseRequest !== 'function' ||
    typeof credentials?.create !== 'function' ||
    typeof credentials.get !== 'function'
  ) {
    return null;
  }
  return {
    credentials,
    parseCreationOptionsFromJSON: (options) => parseCreation.call(api, options),
    parseRequestOptionsFromJSON: (options) => parseRequest.call(api, options),
  };
}

/** How passkeys reach Cognito: the pool's app client, and the fetch to send with. */
export interface PasskeyConfig {
  readonly cognito: CognitoConfig;
  readonly fetch?: typeof fetch;
}

/** The pool this build talks to, when it allows passkey sign-in (`VITE_COGNITO_PASSWORDLESS`). */
export function passkeyConfig(config: ConfigResult = siteConfig): PasskeyConfig | null {
  if (!config.ok || !config.config.passwordless.includes('WEB_AUTHN')) return null;
  return { cognito: config.config.cognito };
}

/** Why a passkey sign-in did not end signed in, in the words a person sees. */
export interface PasskeyFailure {
  readonly message: Message;
  /** True when the person closed the browser's dialog: said calmly, not as an error. */
  readonly calm: boolean;
}

/** Signs in with a passkey of the account `email` names and keeps the session; null once done. */
export type PasskeySignIn = (email: string) => Promise<PasskeyFailure | null>;

/** Where a passkey sign-in keeps its session: the library's storage (localStorage by default). */
export interface PasskeySignInDeps {
  readonly config: PasskeyConfig | null;
  readonly browser: PasskeyBrowser | null;
  readonly storage?: Pick<Storage, 'setItem' | 'getItem' | 'removeItem'>;
}

/**
 * Passkey sign-in for this pool and browser, or null where either cannot do it (the sign-in page
 * then shows no passkey button). The passkey code loads when a person presses the button.
 */
export function passkeySignIn({
  config,
  browser,
  storage,
}: PasskeySignInDeps): PasskeySignIn | null {
  if (config === null || browser === null) return null;
  return async (email) => {
    let module: typeof import('./passkey-sign-in.ts');
    try {
      module = await import('./passkey-sign-in.ts');
    } catch {
      // The passkey code comes over the network on this press.
      return { message: { key: 'error.network' }, calm: false };
    }
    return module.signInAndKeep(
      { ...config, browser, ...(storage === undefined ? {} : { storage }) },
      email,
    );
  };
}
