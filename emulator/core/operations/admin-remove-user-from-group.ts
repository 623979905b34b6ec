import { groupKey } from '../store.ts';
import { existingGroup, groupNameOf } from './group-shared.ts';
import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminRemoveUserFromGroup: ends a membership; removing a non-member changes nothing. */
export const adminRemoveUserFromGroup: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const group = existingGroup(pool, groupNameOf(input));
  const user = adminUser(pool, usernameOf(input));
  pool.store.deleteMembership(groupKey(group.name), user.sub);
  return {};
};
