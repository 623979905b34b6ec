import type { Operation } from '../context.ts';
import { poolOf } from '../flows/request.ts';
import { poolProvider, providerNameOf } from '../oauth/provider-requests.ts';
import { providerView } from '../oauth/providers.ts';

/** DescribeIdentityProvider: one provider's settings, its client secret included. */
export const describeIdentityProvider: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const provider = poolProvider(pool, providerNameOf(input));
  return { IdentityProvider: providerView(pool.id, provider, ctx.now()) };
};
