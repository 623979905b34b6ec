import { attributeList } from '../input.ts';
import { changeAttributes, checkAttributes } from './attributes.ts';
import { accessTokenOf, type Operation } from './shared.ts';
import { tokenPool } from './token-pool.ts';

/**
 * UpdateUserAttributes: the signed-in user changes their own attributes; a new email is mailed a
 * code and replaces the old one only once verified. Answers where codes went.
 */
export const updateUserAttributes: Operation = async (emulator, input) => {
  const token = accessTokenOf(input);
  const changes = checkAttributes(attributeList(input, 'UserAttributes', true), 'user');
  const pool = tokenPool(emulator, token);
  const user = await pool.authenticate(token);
  const deliveries = changeAttributes(pool, user, changes);
  return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {};
};
