import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';

/** GlobalSignOut: every refresh token of the user stops working, and their access tokens too. */
export const globalSignOut: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await pool.authenticate(token);
  pool.revokeAllSessions(user.sub);
  return {};
};
