import type { Operation } from '../context.ts';
import { changeAttributes, checkAttributes } from '../flows/attributes.ts';
import { adminUser, poolOf, usernameOf } from '../flows/request.ts';
import { attributeList } from '../input.ts';

/**
 * AdminUpdateUserAttributes: an administrator changes a user's attributes, verification flags
 * included; a new email still waits for its code unless email_verified is set to true with it.
 */
export const adminUpdateUserAttributes: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const username = usernameOf(input);
  const changes = checkAttributes(attributeList(input, 'UserAttributes', true), 'admin');
  changeAttributes(pool, adminUser(pool, username), changes);
  return {};
};
