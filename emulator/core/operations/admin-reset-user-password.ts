import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { sendCode } from '../pool/codes.ts';

/**
 * AdminResetUserPassword: the password stops working (sign-in answers
 * PasswordResetRequiredException) until the user sets a new one with a reset code, which is
 * mailed when the user has a verified email; ConfirmForgotPassword then confirms them again.
 */
export const adminResetUserPassword: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, usernameOf(input));
  const reset = pool.update(user, { status: 'RESET_REQUIRED' });
  if (reset.attributes.email && reset.attributes.email_verified === 'true') {
    sendCode(pool, reset, 'FORGOT_PASSWORD');
  }
  return {};
};
