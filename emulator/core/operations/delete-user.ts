import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { authenticate } from '../pool/sessions.ts';

/** DeleteUser: the signed-in user deletes their own account. */
export const deleteUser: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  pool.store.deleteUser(user.sub);
  return {};
};
