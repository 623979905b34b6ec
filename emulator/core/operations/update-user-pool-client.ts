import type { Operation } from '../context.ts';
import { clientFromRequest, clientView, poolClient, updateBase } from '../flows/app-clients.ts';
import { poolOf } from '../flows/request.ts';
import { patterns, requiredString } from '../input.ts';

/**
 * UpdateUserPoolClient: the client's settings replaced by the request's, and every setting the
 * request leaves out back to its default, as Cognito does.
 */
export const updateUserPoolClient: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const current = poolClient(
    pool,
    requiredString(input, 'ClientId', { max: 128, pattern: patterns.clientId }),
  );
  const client = clientFromRequest(pool, input, updateBase(current));
  const now = ctx.now();
  const updated = { ...client, createdAt: current.createdAt ?? now, updatedAt: now };
  ctx.putClient(pool, updated);
  return { UserPoolClient: clientView(pool, updated, now) };
};
