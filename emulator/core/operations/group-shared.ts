/** What the group operations share: reading a group's name and finding the group. */

import { CognitoError } from '../cognito-error.ts';
import { type Json, optionalString, requiredString } from '../input.ts';
import type { Pool } from '../pool.ts';
import type { GroupRecord } from '../store.ts';

/** Reads `GroupName` (1–128 letters, marks, symbols, digits or punctuation: no spaces). */
export function groupNameOf(input: Json): string {
  return requiredString(input, 'GroupName', {
    max: 128,
    pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  });
}

/** The group the request names, or Cognito's ResourceNotFoundException. */
export function existingGroup(pool: Pool, name: string): GroupRecord {
  const group = pool.store.group(name);
  if (!group) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
  return group;
}

/** Reads `NextToken` (the group lists' paging token). */
export function nextTokenOf(input: Json): string | undefined {
  return optionalString(input, 'NextToken', { max: 131072, pattern: /^\S+$/ });
}
