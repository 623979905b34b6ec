import { accessTokenOf, type Operation } from './shared.ts';
import { tokenPool } from './token-pool.ts';

/** GetUser: the signed-in user's username and attributes. */
export const getUser: Operation = async (emulator, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(emulator, token);
  const user = await pool.authenticate(token);
  return { Username: user.username, UserAttributes: pool.wireAttributes(user) };
};
