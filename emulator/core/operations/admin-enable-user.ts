import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminDisableUser: the user can no longer sign in; their sessions end. */
export const adminDisableUser: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const user = adminUser(pool, usernameOf(input));
  pool.update(user, { enabled: false });
  pool.revokeAllSessions(user.sub);
  return {};
};

/** AdminEnableUser: a disabled user may sign in again. */
export const adminEnableUser: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  pool.update(adminUser(pool, usernameOf(input)), { enabled: true });
  return {};
};
