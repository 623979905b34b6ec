import { accessTokenOf, type Operation } from './shared.ts';
import { tokenPool } from './token-pool.ts';

/** DeleteUser: the signed-in user deletes their own account. */
export const deleteUser: Operation = async (emulator, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(emulator, token);
  const user = await pool.authenticate(token);
  pool.store.deleteUser(user.sub);
  return {};
};
