import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminUserGlobalSignOut: every refresh token of the user stops working, and their access tokens too. */
export const adminUserGlobalSignOut: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  pool.revokeAllSessions(adminUser(pool, usernameOf(input)).sub);
  return {};
};
