import type { Operation } from '../context.ts';
import { clientView, poolClient } from '../flows/app-clients.ts';
import { poolOf } from '../flows/request.ts';
import { patterns, requiredString } from '../input.ts';

/** DescribeUserPoolClient: one app client's settings, its secret included. */
export const describeUserPoolClient: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const client = poolClient(
    pool,
    requiredString(input, 'ClientId', { max: 128, pattern: patterns.clientId }),
  );
  return { UserPoolClient: clientView(pool, client, ctx.now()) };
};
