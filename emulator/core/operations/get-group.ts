import { groupView } from '../groups.ts';
import { existingGroup, groupNameOf } from './group-shared.ts';
import { type Operation, poolOf } from './shared.ts';

/** GetGroup: one group's details. */
export const getGroup: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  return { Group: groupView(pool.id, existingGroup(pool, groupNameOf(input))) };
};
