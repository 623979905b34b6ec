import type { Operation } from '../context.ts';
import { adminUser, existingGroup, groupNameOf, poolOf, usernameOf } from '../flows/request.ts';
import { groupKey } from '../store.ts';

/** AdminAddUserToGroup: makes the user a member; adding a member again changes nothing. */
export const adminAddUserToGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const group = existingGroup(pool, groupNameOf(input));
  const user = adminUser(pool, usernameOf(input));
  if (!pool.store.isMember(group.name, user.sub)) {
    pool.store.putMembership({ group: groupKey(group.name), sub: user.sub, addedAt: ctx.now() });
  }
  return {};
};
