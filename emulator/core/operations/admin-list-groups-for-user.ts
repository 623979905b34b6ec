import { byPrecedence, groupView } from '../groups.ts';
import { nextTokenOf } from './group-shared.ts';
import { limitOf, pageOf } from './paging.ts';
import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/** AdminListGroupsForUser: a page of the user's groups, in the order of their `cognito:groups`. */
export const adminListGroupsForUser: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const user = adminUser(pool, usernameOf(input));
  const limit = limitOf(input, 60);
  const groups = byPrecedence(pool.store.groupsOf(user.sub));
  const { page, next } = pageOf(groups, nextTokenOf(input), limit);
  return {
    Groups: page.map((group) => groupView(pool.id, group)),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
