import type { Operation } from '../context.ts';
import { existingGroup, groupNameOf, poolOf } from '../flows/request.ts';
import { groupView } from '../groups.ts';

/** GetGroup: one group's details. */
export const getGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  return { Group: groupView(pool.id, existingGroup(pool, groupNameOf(input))) };
};
