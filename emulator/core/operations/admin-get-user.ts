import type { Operation } from '../context.ts';
import { adminUser, poolOf } from '../flows/request.ts';
import { requiredString } from '../input.ts';
import { adminView } from '../pool/views.ts';

/** AdminGetUser: one user's attributes and status, as the console shows them. */
export const adminGetUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, requiredString(input, 'Username', { max: 128 }));
  return adminView(user, 'UserAttributes');
};
