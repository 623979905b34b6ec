/**
 * Which message a person sees for a failure. Every `AuthError` code has a key; a few codes carry
 * several situations that Cognito tells apart only by the message text, so those are refined first.
 */
import { AuthError, type AuthErrorCode, NetworkError } from '../auth-errors.ts';
import { ConfigError } from '../config.ts';
import { RideError } from '../ride-errors.ts';

import type { Message, MessageKey } from './index.ts';

/** The message key for each `AuthError` code. */
export const AUTH_ERROR_KEYS = {
  UsernameExistsException: 'error.UsernameExistsException',
  InvalidPasswordException: 'error.InvalidPasswordException',
  InvalidParameterException: 'error.InvalidParameterException',
  CodeMismatchException: 'error.CodeMismatchException',
  ExpiredCodeException: 'error.ExpiredCodeException',
  NotAuthorizedException: 'error.NotAuthorizedException',
  UserNotConfirmedException: 'error.UserNotConfirmedException',
  UserNotFoundException: 'error.UserNotFoundException',
  LimitExceededException: 'error.LimitExceededException',
  TooManyRequestsException: 'error.TooManyRequestsException',
  TooManyFailedAttemptsException: 'error.TooManyFailedAttemptsException',
  CodeDeliveryFailureException: 'error.CodeDeliveryFailureException',
  ResourceNotFoundException: 'error.ResourceNotFoundException',
  InternalErrorException: 'error.InternalErrorException',
  PasswordResetRequiredException: 'error.PasswordResetRequiredException',
  UserLambdaValidationException: 'error.UserLambdaValidationException',
  InvalidUserPoolConfigurationException: 'error.InvalidUserPoolConfigurationException',
  ForbiddenException: 'error.ForbiddenException',
  UnsupportedChallenge: 'error.UnsupportedChallenge',
  EmailCodeUnavailable: 'error.EmailCodeUnavailable',
  UnknownError: 'error.UnknownError',
} as const satisfies Record<AuthErrorCode, MessageKey>;

/** Situations that share a code and differ in Cognito's message text. */
export const AUTH_ERROR_REFINEMENTS: readonly {
  readonly code: AuthErrorCode;
  readonly pattern: RegExp;
  readonly key: MessageKey;
}[] = [
  {
    code: 'NotAuthorizedException',
    pattern: /password attempts exceeded/i,
    key: 'error.attemptsExceeded',
  },
  {
    code: 'NotAuthorizedException',
    pattern: /cannot be confirmed/i,
    key: 'error.alreadyConfirmed',
  },
  {
    code: 'NotAuthorizedException',
    pattern: /secret hash|configured (for|with) secret|SECRET_HASH/i,
    key: 'error.clientSecret',
  },
  { code: 'NotAuthorizedException', pattern: /user is disabled/i, key: 'error.userDisabled' },
  {
    code: 'InvalidParameterException',
    pattern: /email address format/i,
    key: 'error.invalidEmail',
  },
  {
    code: 'InvalidParameterException',
    pattern: /no registered\/verified email/i,
    key: 'error.noVerifiedEmail',
  },
  {
    code: 'InvalidParameterException',
    pattern: /USER_SRP_AUTH (flow )?(is )?not enabled/i,
    key: 'error.srpNotEnabled',
  },
  {
    code: 'InvalidParameterException',
    pattern: /USER_AUTH (flow )?(is )?not enabled/i,
    key: 'error.userAuthNotEnabled',
  },
  { code: 'InvalidPasswordException', pattern: /not long enough/i, key: 'error.passwordLength' },
  { code: 'InvalidPasswordException', pattern: /uppercase/i, key: 'error.passwordUpper' },
  { code: 'InvalidPasswordException', pattern: /lowercase/i, key: 'error.passwordLower' },
  { code: 'InvalidPasswordException', pattern: /numeric/i, key: 'error.passwordDigit' },
  { code: 'InvalidPasswordException', pattern: /symbol/i, key: 'error.passwordSymbol' },
];

/** The message for a failure of any kind: auth, network, configuration, ride, or unexpected. */
export function errorMessage(failure: unknown): Message {
  if (failure instanceof NetworkError) return { key: 'error.network' };
  if (failure instanceof RideError) return rideErrorMessage(failure);
  if (failure instanceof ConfigError) {
    return { key: `config.${failure.code}`, params: { variable: failure.variable } };
  }
  if (failure instanceof AuthError) {
    const refined = AUTH_ERROR_REFINEMENTS.find(
      ({ code, pattern }) => code === failure.code && pattern.test(failure.message),
    );
    if (refined !== undefined) return { key: refined.key };
    // Codes the table does not know fall back to what the server said, which beats a vague text.
    // A failure with no code at all is not the server speaking (e.g. the library tripping over a
    // gateway's HTML page), so its text is not shown.
    if (
      failure.code === 'UnknownError' &&
      failure.serverCode !== '' &&
      failure.message.trim() !== ''
    ) {
      return { text: failure.message };
    }
    return { key: AUTH_ERROR_KEYS[failure.code] };
  }
  return { key: 'error.UnknownError' };
}

function rideErrorMessage(failure: RideError): Message {
  if (failure.code !== 'Server') return { key: `ride.error.${failure.code}` };
  // Without a status the service did answer 2xx, but with a body that is not a ride.
  if (failure.status === null) return { key: 'ride.error.unreadable' };
  return { key: 'ride.error.Server', params: { status: String(failure.status) } };
}
