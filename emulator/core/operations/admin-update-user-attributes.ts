import { attributeList } from '../input.ts';
import { changeAttributes, checkAttributes } from './attributes.ts';
import { adminUser, type Operation, poolOf, usernameOf } from './shared.ts';

/**
 * AdminUpdateUserAttributes: an administrator changes a user's attributes, verification flags
 * included; a new email still waits for its code unless email_verified is set to true with it.
 */
export const adminUpdateUserAttributes: Operation = async (emulator, input) => {
  const pool = poolOf(emulator, input);
  const username = usernameOf(input);
  const changes = checkAttributes(attributeList(input, 'UserAttributes', true), 'admin');
  changeAttributes(pool, adminUser(pool, username), changes);
  return {};
};
