import type { Operation } from '../context.ts';
import { existingGroup, groupNameOf, poolOf } from '../flows/request.ts';

/**
 * DeleteGroup: removes the group and its memberships. Tokens already issued keep their
 * `cognito:groups` claim until they expire; the next ones (sign-in, refresh) lack it.
 */
export const deleteGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  pool.store.deleteGroup(existingGroup(pool, groupNameOf(input)).name);
  return {};
};
