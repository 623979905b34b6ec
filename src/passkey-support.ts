/**
 * What the pages need to know about passkeys before loading any passkey code: whether this
 * browser and this pool can use them, the failures a passkey ceremony ends with, and the message a
 * person sees for each. Kept small and apart from `passkeys.ts`, which the pages load on use.
 */
import { AuthError } from './auth-errors.ts';
import { type CognitoConfig, type ConfigResult, siteConfig } from './config.ts';
import { errorMessage } from './i18n/error-messages.ts';
import type { Message } from './i18n/index.ts';

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

/**
 * How a passkey ceremony failed, as far as a person needs to know. `Cancelled`: the browser's
 * dialog was closed or timed out (WebAuthn's NotAllowedError). `AlreadyRegistered`: this
 * authenticator already holds a passkey for the account (InvalidStateError on create).
 * `NoPasskey`: the account has no passkey to sign in with. `Refused`: the browser refused the
 * ceremony for another reason (such as a page on an IP address, which WebAuthn does not allow).
 */
export type PasskeyErrorCode = 'Cancelled' | 'AlreadyRegistered' | 'NoPasskey' | 'Refused';

/** A passkey ceremony that ended without a passkey (see `PasskeyErrorCode`). */
export class PasskeyError extends Error {
  override readonly name = 'PasskeyError';

  constructor(
    readonly code: PasskeyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Cognito's passkey refusals, which the site's error codes carry as `UnknownError`. */
const SERVER_MESSAGES: Readonly<Record<string, Message>> = {
  WebAuthnNotEnabledException: { key: 'passkeys.notEnabled' },
  WebAuthnConfigurationMissingException: { key: 'passkeys.notEnabled' },
  WebAuthnOriginNotAllowedException: { key: 'passkeys.wrongSite' },
  WebAuthnRelyingPartyMismatchException: { key: 'passkeys.wrongSite' },
  WebAuthnChallengeNotFoundException: { key: 'passkeys.expired' },
  WebAuthnCredentialNotSupportedException: { key: 'passkeys.alreadyRegistered' },
};

/** The message for a failed passkey action: its own words, else the site's usual message. */
export function passkeyMessage(failure: unknown): Message {
  if (failure instanceof PasskeyError) {
    const keys = {
      Cancelled: 'passkeys.cancelled',
      AlreadyRegistered: 'passkeys.alreadyRegistered',
      NoPasskey: 'passkeys.noPasskey',
      Refused: 'passkeys.refused',
    } as const;
    return { key: keys[failure.code] };
  }
  if (failure instanceof AuthError) {
    const known = SERVER_MESSAGES[failure.serverCode];
    if (known !== undefined) return known;
  }
  const message = errorMessage(failure);
  // Cognito answers a passkey it does not accept (another account's, or an answer used once
  // already) as it answers a wrong password; there was no password here.
  if ('key' in message && message.key === 'error.NotAuthorizedException') {
    return { key: 'passkeys.notAccepted' };
  }
  return message;
}

/** Signs in with a passkey of the account `email` names, and keeps the session it ends with. */
export type PasskeySignIn = (email: string) => Promise<void>;

/** Where a passkey sign-in keeps its session: the library's storage (localStorage by default). */
export interface PasskeySignInDeps {
  readonly config: PasskeyConfig | null;
  readonly browser: PasskeyBrowser | null;
  readonly storage?: Pick<Storage, 'setItem'>;
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
    const [{ createPasskeys }, { storeAuthenticationResult }] = await Promise.all([
      import('./passkeys.ts'),
      import('./token-store.ts'),
    ]);
    const result = await createPasskeys({ ...config, browser }).signInWithPasskey(email);
    storeAuthenticationResult(
      { cognito: config.cognito, ...(storage === undefined ? {} : { storage }) },
      result,
    );
  };
}
