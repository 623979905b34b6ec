import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';

/** GetUser: the signed-in user's username and attributes. */
export const getUser: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await pool.authenticate(token);
  return { Username: user.username, UserAttributes: pool.wireAttributes(user) };
};
