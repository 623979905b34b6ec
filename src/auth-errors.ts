/**
 * Failure values of the auth module. Kept apart from `cognito-auth.ts` so that code that only
 * needs to recognise errors (the message table) does not pull the Cognito library into a page.
 */

/** Cognito error codes that the site's flows can meet, plus the site's own two. */
export const AUTH_ERROR_CODES = [
  'UsernameExistsException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'NotAuthorizedException',
  'UserNotConfirmedException',
  'UserNotFoundException',
  'LimitExceededException',
  'TooManyRequestsException',
  'TooManyFailedAttemptsException',
  'CodeDeliveryFailureException',
  'ResourceNotFoundException',
  'InternalErrorException',
  'PasswordResetRequiredException',
  'UserLambdaValidationException',
  'InvalidUserPoolConfigurationException',
  'ForbiddenException',
  // The site's own: sign-in asked for a step this site does not offer (MFA, new password).
  'UnsupportedChallenge',
  // The site's own: USER_AUTH did not offer an email code to this account (see email-code.ts).
  'EmailCodeUnavailable',
  // The site's own: a code this list does not know; the server's message is shown instead.
  'UnknownError',
] as const;

/** A code that an `AuthError` can carry. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** Cognito refused a request (or the library refused it locally); `message` is the server's. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** The code exactly as the server sent it, kept for codes mapped to `UnknownError`. */
    readonly serverCode: string = code,
  ) {
    super(message);
  }
}

/** The sign-in service could not be reached (offline, DNS, CORS, connection refused). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code = 'NetworkError';

  constructor(message = 'Network error') {
    super(message);
  }
}

function isAuthErrorCode(code: string): code is AuthErrorCode {
  return (AUTH_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Turns what the library hands a callback (an `Error` with `code`, or anything else) into an
 * `AuthError` or a `NetworkError`.
 */
export function toAuthFailure(failure: unknown): AuthError | NetworkError {
  if (failure instanceof AuthError || failure instanceof NetworkError) return failure;
  const fields = typeof failure === 'object' && failure !== null ? failure : {};
  const code = 'code' in fields && typeof fields.code === 'string' ? fields.code : '';
  const message =
    'message' in fields && typeof fields.message === 'string' ? fields.message : String(failure);
  // The library turns fetch's TypeError into Error('Network error') and tags it 'NetworkError'.
  if (code === 'NetworkError' || message === 'Network error') return new NetworkError(message);
  if (isAuthErrorCode(code)) return new AuthError(code, message);
  return new AuthError('UnknownError', message, code);
}
