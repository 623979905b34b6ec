import type { Operation } from '../context.ts';
import { nextTokenOf, pageOf } from '../flows/paging.ts';
import { poolOf } from '../flows/request.ts';
import { optionalInteger } from '../input.ts';

/** ListIdentityProviders: the pool's providers, names and dates only, up to MaxResults (60). */
export const listIdentityProviders: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const limit = optionalInteger(input, 'MaxResults', 1, 60) ?? 60;
  const { page, next } = pageOf(pool.config.identityProviders, nextTokenOf(input), limit);
  const now = ctx.now();
  return {
    Providers: page.map((provider) => ({
      ProviderName: provider.name,
      ProviderType: provider.type,
      LastModifiedDate: (provider.updatedAt ?? now) / 1000,
      CreationDate: (provider.createdAt ?? now) / 1000,
    })),
    ...(next === undefined ? {} : { NextToken: next }),
  };
};
