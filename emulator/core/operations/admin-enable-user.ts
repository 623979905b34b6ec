import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { revokeAllSessions } from '../pool/sessions.ts';

/** AdminDisableUser: the user can no longer sign in; their sessions end. */
export const adminDisableUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, usernameOf(input));
  pool.update(user, { enabled: false });
  revokeAllSessions(pool, user.sub);
  return {};
};

/** AdminEnableUser: a disabled user may sign in again. */
export const adminEnableUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  pool.update(adminUser(pool, usernameOf(input)), { enabled: true });
  return {};
};
