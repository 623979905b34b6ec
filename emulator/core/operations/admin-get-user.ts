import type { Operation } from '../context.ts';
import { adminUser, poolOf } from '../flows/request.ts';
import { requiredString } from '../input.ts';
import { mfaView } from '../pool/mfa.ts';
import { adminView } from '../pool/views.ts';

/** AdminGetUser: one user's attributes, status and MFA settings, as the console shows them. */
export const adminGetUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const user = adminUser(pool, requiredString(input, 'Username', { max: 128 }));
  return { ...adminView(user, 'UserAttributes'), ...mfaView(user) };
};
