import type { Operation } from '../context.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';

/** AdminDeleteUser: removes the user and ends their sessions. */
export const adminDeleteUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  pool.store.deleteUser(adminUser(pool, usernameOf(input)).sub);
  return {};
};
