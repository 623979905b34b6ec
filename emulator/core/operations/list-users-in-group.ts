import type { Operation } from '../context.ts';
import { limitOf, nextTokenOf, pageOf } from '../flows/paging.ts';
import { existingGroup, groupNameOf, poolOf } from '../flows/request.ts';
import { adminView } from '../pool/views.ts';

/**
 * ListUsersInGroup: a page of the group's members, oldest user first. Without `Limit`, Cognito
 * answers 25 at a time (reported in https://github.com/aws/aws-sdk-js-v3/issues/7013).
 */
export const listUsersInGroup: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const group = existingGroup(pool, groupNameOf(input));
  const limit = limitOf(input, 25);
  const users = pool.store
    .membersOf(group.name)
    .flatMap((sub) => pool.store.userBySub(sub) ?? [])
    .sort((a, b) => a.createdAt - b.createdAt || a.sub.localeCompare(b.sub));
  const { page, next } = pageOf(users, nextTokenOf(input), limit);
  return {
    Users: page.map((user) => adminView(user, 'Attributes')),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
