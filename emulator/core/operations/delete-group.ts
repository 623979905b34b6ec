import { existingGroup, groupNameOf } from './group-shared.ts';
import { type Operation, poolOf } from './shared.ts';

/**
 * DeleteGroup: removes the group and its memberships. Tokens already issued keep their
 * `cognito:groups` claim until they expire; the next ones (sign-in, refresh) lack it.
 */
export const deleteGroup: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  pool.store.deleteGroup(existingGroup(pool, groupNameOf(input)).name);
  return {};
};
