import { accessTokenOf, type Operation } from './shared.ts';
import { tokenPool } from './token-pool.ts';

/** GlobalSignOut: every refresh token of the user stops working, and their access tokens too. */
export const globalSignOut: Operation = async (emulator, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(emulator, token);
  const user = await pool.authenticate(token);
  pool.revokeAllSessions(user.sub);
  return {};
};
