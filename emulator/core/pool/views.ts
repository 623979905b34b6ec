/** Users as Cognito's API shows them. */

import type { Json } from '../input.ts';
import type { UserRecord } from '../store.ts';

/** Cognito's wire form of a user's attributes, `sub` first. */
export function wireAttributes(
  user: UserRecord,
  only?: string[],
): { Name: string; Value: string }[] {
  const all = [{ Name: 'sub', Value: user.sub }].concat(
    Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
  );
  return only ? all.filter((a) => only.includes(a.Name)) : all;
}

/** Cognito's admin view of a user (AdminGetUser, ListUsers). */
export function adminView(
  user: UserRecord,
  attributeKey: 'Attributes' | 'UserAttributes',
  only?: string[],
): Json {
  return {
    Username: user.username,
    [attributeKey]: wireAttributes(user, only),
    UserCreateDate: user.createdAt / 1000,
    UserLastModifiedDate: user.updatedAt / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
