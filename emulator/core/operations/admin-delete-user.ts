import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminDeleteUser: removes the user and ends their sessions. */
export const adminDeleteUser: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  pool.store.deleteUser(adminUser(pool, usernameOf(input)).sub);
  return {};
};
