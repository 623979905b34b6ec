import type { Operation } from '../context.ts';
import { changeAttributes, checkAttributes } from '../flows/attributes.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { attributeList } from '../input.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * UpdateUserAttributes: the signed-in user changes their own attributes; a new email is mailed a
 * code and replaces the old one only once verified. Answers where codes went.
 */
export const updateUserAttributes: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const changes = checkAttributes(attributeList(input, 'UserAttributes', true), 'user');
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  const deliveries = changeAttributes(pool, user, changes);
  return deliveries.length > 0 ? { CodeDeliveryDetailsList: deliveries } : {};
};
