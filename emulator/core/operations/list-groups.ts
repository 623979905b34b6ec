import type { Operation } from '../context.ts';
import { limitOf, nextTokenOf, pageOf } from '../flows/paging.ts';
import { poolOf } from '../flows/request.ts';
import { groupView } from '../groups.ts';

/** ListGroups: a page of the pool's groups, oldest first. */
export const listGroups: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
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
