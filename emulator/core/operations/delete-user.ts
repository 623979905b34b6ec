import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';

/** DeleteUser: the signed-in user deletes their own account. */
export const deleteUser: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await pool.authenticate(token);
  pool.store.deleteUser(user.sub);
  return {};
};
