import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { revokeAllSessions } from '../pool/sessions.ts';

/** AdminUserGlobalSignOut: every refresh token of the user stops working, and their access tokens too. */
export const adminUserGlobalSignOut: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  revokeAllSessions(pool, adminUser(pool, usernameOf(input)).sub);
  return {};
};
