import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { limitOf, pageOf } from '../flows/paging.ts';
import { poolOf } from '../flows/request.ts';
import { optionalString, optionalStringList } from '../input.ts';
import { adminView } from '../pool/views.ts';
import type { UserRecord } from '../store.ts';

/**
 * The attributes ListUsers can filter on ("Searchable attributes" in the ListUsers reference,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html),
 * the one searched most first.
 */
export const FILTERABLE_ATTRIBUTES = [
  'email',
  'username',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;

const FILTERABLE = new Set<string>(FILTERABLE_ATTRIBUTES);

/** `name = "value"` (exact) or `name ^= "value"` (prefix), as ListUsers' Filter allows. */
function parseFilter(filter: string): (user: UserRecord) => boolean {
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  const [, name = '', op = '', raw = ''] = match ?? [];
  if (!match || !FILTERABLE.has(name)) {
    throw new CognitoError('InvalidParameterException', 'Error while parsing filter.');
  }
  const wanted = raw.replace(/\\(.)/g, '$1');
  const fieldOf = (user: UserRecord): string | undefined => {
    if (name === 'username') return user.username;
    if (name === 'sub') return user.sub;
    if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    if (name === 'cognito:user_status') return user.status;
    return user.attributes[name];
  };
  return (user) => {
    const value = fieldOf(user);
    if (value === undefined) return false;
    // Cognito matches usernames and emails case-insensitively in filters.
    const a = value.toLowerCase();
    const b = wanted.toLowerCase();
    return op === '=' ? a === b : a.startsWith(b);
  };
}

/** ListUsers: a page of users, optionally filtered, oldest first. */
export const listUsers: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const limit = limitOf(input, 60);
  const only = optionalStringList(input, 'AttributesToGet');
  const filter = optionalString(input, 'Filter', { min: 0, max: 256 });
  const token = optionalString(input, 'PaginationToken', { max: 1024 });
  const matches = filter ? parseFilter(filter) : () => true;
  const users = [...pool.store.allUsers()]
    .filter(matches)
    .sort((a, b) => a.createdAt - b.createdAt || a.sub.localeCompare(b.sub));
  const { page, next } = pageOf(users, token, limit);
  return {
    Users: page.map((user) => adminView(user, 'Attributes', only)),
    ...(next === undefined ? {} : { PaginationToken: next }),
  };
};
