/**
 * Codes by email: sending one for a purpose (sign-up, password reset, attribute verification),
 * checking one against the hourly attempt budget, and where a delivery went.
 */

import { timingSafeEqual, utf8 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import { numericCode } from '../ids.ts';
import type { CodePurpose, UserRecord } from '../store.ts';
import { maskEmail } from './email.ts';
import type { Mail, Pool } from './pool.ts';

/** Cognito's shape for where a code went. */
export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL';
  AttributeName: 'email';
}

const MAIL_PURPOSE: Record<CodePurpose, Mail['purpose']> = {
  SIGN_UP: 'sign-up',
  FORGOT_PASSWORD: 'forgot-password',
  VERIFY_EMAIL: 'verify-attribute',
};

/**
 * Sends a new code for the purpose to the user's email (or, for a changed email, to the new
 * address `pending`), replacing any earlier one; enforces the per-user attempt limit.
 */
export function sendCode(
  pool: Pool,
  user: UserRecord,
  purpose: CodePurpose,
  pending?: string,
): { user: UserRecord; delivery: CodeDeliveryDetails } {
  const now = pool.deps.now();
  const recent = recentAttempts(pool, user);
  const email = pending ?? user.attributes.email ?? '';
  const code = numericCode(pool.deps.randomBytes);
  // Sign-up and attribute verification codes live 24 h, reset codes 1 h (Cognito's defaults).
  const validity =
    purpose === 'FORGOT_PASSWORD'
      ? pool.config.forgotPasswordCodeValidity
      : pool.config.signUpCodeValidity;
  const sent = { code, expiresAt: now + validity * 1000 };
  const next = pool.update(user, {
    codes: {
      ...user.codes,
      [purpose]: pending === undefined ? sent : { ...sent, value: pending },
    },
    codeRequests: [...recent, now],
  });
  pool.deps.deliver({
    to: email,
    code,
    purpose: MAIL_PURPOSE[purpose],
    sentAt: new Date(now).toISOString(),
    expiresAt: new Date(sent.expiresAt).toISOString(),
    userPoolId: pool.id,
    username: user.username,
  });
  return { user: next, delivery: deliveryDetails(email) };
}

/** Where a code to this email would go. */
export function deliveryDetails(email: string): CodeDeliveryDetails {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

/** Delivers a message that is not a code (an invitation with a temporary password). */
export function deliverInvitation(pool: Pool, user: UserRecord, temporaryPassword: string): void {
  pool.deps.deliver({
    to: user.attributes.email ?? '',
    code: temporaryPassword,
    purpose: 'invitation',
    sentAt: new Date(pool.deps.now()).toISOString(),
    userPoolId: pool.id,
    username: user.username,
  });
}

/**
 * Throws unless `code` is the user's live code for the purpose. Does not consume it. A wrong
 * code counts against the same hourly budget as code requests: Cognito allows "between 5 and
 * 20 attempts for a user to request or enter a password reset code" in an hour
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html),
 * so codes cannot be guessed. The count lives on the user record, so it survives restarts.
 */
export function checkCode(pool: Pool, user: UserRecord, purpose: CodePurpose, code: string): void {
  const recent = recentAttempts(pool, user);
  const pending = user.codes[purpose];
  if (!pending || pending.expiresAt <= pool.deps.now()) {
    throw new CognitoError(
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    );
  }
  if (!timingSafeEqual(utf8(pending.code), utf8(code))) {
    pool.update(pool.store.userBySub(user.sub) ?? user, {
      codeRequests: [...recent, pool.deps.now()],
    });
    throw new CognitoError(
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
  }
}

/** Code requests and wrong codes within the window; LimitExceededException once at the limit. */
function recentAttempts(pool: Pool, user: UserRecord): number[] {
  const windowStart = pool.deps.now() - pool.config.codeRequestWindow * 1000;
  const recent = user.codeRequests.filter((t) => t > windowStart);
  if (recent.length >= pool.config.codeRequestLimit) {
    throw new CognitoError(
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    );
  }
  return recent;
}

/** Removes a used code so it cannot be used twice. */
export function withoutCode(user: UserRecord, purpose: CodePurpose): UserRecord['codes'] {
  const { [purpose]: _used, ...rest } = user.codes;
  return rest;
}
