import type { Operation } from '../context.ts';
import { limitOf, nextTokenOf, pageOf } from '../flows/paging.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { byPrecedence, groupView } from '../groups.ts';

/** AdminListGroupsForUser: a page of the user's groups, in the order of their `cognito:groups`. */
export const adminListGroupsForUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, usernameOf(input));
  const limit = limitOf(input, 60);
  const groups = byPrecedence(pool.store.groupsOf(user.sub));
  const { page, next } = pageOf(groups, nextTokenOf(input), limit);
  return {
    Groups: page.map((group) => groupView(pool.id, group)),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
