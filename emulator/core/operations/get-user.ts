import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { mfaView } from '../pool/mfa.ts';
import { authenticate } from '../pool/sessions.ts';
import { wireAttributes } from '../pool/views.ts';

/** GetUser: the signed-in user's username, attributes and MFA settings. */
export const getUser: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  return { Username: user.username, UserAttributes: wireAttributes(user), ...mfaView(user) };
};
