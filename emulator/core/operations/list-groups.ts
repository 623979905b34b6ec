import { groupView } from '../groups.ts';
import { nextTokenOf } from './group-shared.ts';
import { limitOf, pageOf } from './paging.ts';
import { type Operation, poolOf } from './shared.ts';

/** ListGroups: a page of the pool's groups, oldest first. */
export const listGroups: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const limit = limitOf(input, 60);
  const groups = [...pool.store.allGroups()].sort(
    (a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name),
  );
  const { page, next } = pageOf(groups, nextTokenOf(input), limit);
  return {
    Groups: page.map((group) => groupView(pool.id, group)),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
