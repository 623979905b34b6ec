/**
 * The failures a passkey ceremony ends with, and the message a person sees for each. Loaded with
 * the passkey code, not with the pages.
 */
import { AuthError } from './auth-errors.ts';
import { errorMessage } from './i18n/error-messages.ts';
import type { Message } from './i18n/index.ts';
import type { PasskeyFailure } from './passkey-support.ts';

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

/** A failed passkey action as the page shows it: the message, and whether to say it calmly. */
export function passkeyFailure(failure: unknown): PasskeyFailure {
  return {
    message: passkeyMessage(failure),
    calm: failure instanceof PasskeyError && failure.code === 'Cancelled',
  };
}
