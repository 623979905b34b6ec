/** User pool groups: their precedence, the claims they put in tokens, and their wire form. */

import type { Json } from './input.ts';
import type { GroupRecord } from './store.ts';

/**
 * Groups from the highest precedence to the lowest: 0 first, groups without a precedence last
 * ("Groups with lower Precedence values take precedence over groups with higher or null
 * Precedence values", CreateGroup in the API reference), ties in creation order.
 */
export function byPrecedence(groups: Iterable<GroupRecord>): GroupRecord[] {
  const rank = (group: GroupRecord) => group.precedence ?? Number.POSITIVE_INFINITY;
  return [...groups].sort(
    (a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt || a.name.localeCompare(b.name),
  );
}

/**
 * The role a member's ID token prefers: the role of the highest-precedence group that has one.
 * Two such groups with the same precedence and different roles leave it unset (CreateGroup's
 * Precedence in the API reference).
 */
function preferredRole(ordered: GroupRecord[]): string | undefined {
  const withRoles = ordered.filter((group) => group.roleArn !== undefined);
  const [first] = withRoles;
  if (!first) return undefined;
  const tied = withRoles.filter((group) => group.precedence === first.precedence);
  return tied.every((group) => group.roleArn === first.roleArn) ? first.roleArn : undefined;
}

/**
 * The group claims of a user's tokens: `cognito:groups` in both (absent when the user is in no
 * group, as Cognito leaves it out), `cognito:roles` and `cognito:preferred_role` in the ID token
 * when groups carry roles ("Understanding the identity (ID) token" in the developer guide).
 */
export function groupClaims(groups: Iterable<GroupRecord>): { id: Json; access: Json } {
  const ordered = byPrecedence(groups);
  if (ordered.length === 0) return { id: {}, access: {} };
  const names = { 'cognito:groups': ordered.map((group) => group.name) };
  const roles = [...new Set(ordered.flatMap((group) => group.roleArn ?? []))];
  const preferred = preferredRole(ordered);
  return {
    id: {
      ...names,
      ...(roles.length > 0 ? { 'cognito:roles': roles } : {}),
      ...(preferred === undefined ? {} : { 'cognito:preferred_role': preferred }),
    },
    access: names,
  };
}

/** Cognito's GroupType: what CreateGroup, GetGroup and the group lists answer. */
export function groupView(poolId: string, group: GroupRecord): Json {
  return {
    GroupName: group.name,
    UserPoolId: poolId,
    ...(group.description === undefined ? {} : { Description: group.description }),
    ...(group.roleArn === undefined ? {} : { RoleArn: group.roleArn }),
    ...(group.precedence === undefined ? {} : { Precedence: group.precedence }),
    LastModifiedDate: group.updatedAt / 1000,
    CreationDate: group.createdAt / 1000,
  };
}
