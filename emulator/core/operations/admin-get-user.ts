import { requiredString } from '../input.ts';
import { adminUser, type Operation, poolOf } from './shared.ts';

/** AdminGetUser: one user's attributes and status, as the console shows them. */
export const adminGetUser: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const user = adminUser(pool, requiredString(input, 'Username', { max: 128 }));
  return pool.adminView(user, 'UserAttributes');
};
