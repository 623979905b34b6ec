import type { Operation } from '../context.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { authenticate, revokeAllSessions } from '../pool/sessions.ts';

/** GlobalSignOut: every refresh token of the user stops working, and their access tokens too. */
export const globalSignOut: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  revokeAllSessions(pool, user.sub);
  return {};
};
