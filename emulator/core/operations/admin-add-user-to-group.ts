import { groupKey } from '../store.ts';
import { existingGroup, groupNameOf } from './group-shared.ts';
import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminAddUserToGroup: makes the user a member; adding a member again changes nothing. */
export const adminAddUserToGroup: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const group = existingGroup(pool, groupNameOf(input));
  const user = adminUser(pool, usernameOf(input));
  if (!pool.store.isMember(group.name, user.sub)) {
    pool.store.putMembership({ group: groupKey(group.name), sub: user.sub, addedAt: pool.time() });
  }
  return {};
};
