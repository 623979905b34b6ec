import type { Operation } from '../context.ts';
import { adminUser, existingGroup, groupNameOf, poolOf, usernameOf } from '../flows/request.ts';
import { groupKey } from '../store.ts';

/** AdminRemoveUserFromGroup: ends a membership; removing a non-member changes nothing. */
export const adminRemoveUserFromGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const group = existingGroup(pool, groupNameOf(input));
  const user = adminUser(pool, usernameOf(input));
  pool.store.deleteMembership(groupKey(group.name), user.sub);
  return {};
};
