import type { Operation } from '../context.ts';
import { poolOf } from '../flows/request.ts';
import {
  attributeMappingOf,
  checkProvider,
  googleDetails,
  idpIdentifiersOf,
  poolProvider,
  providerNameOf,
  putProvider,
} from '../oauth/provider-requests.ts';
import { providerView } from '../oauth/providers.ts';

/**
 * UpdateIdentityProvider: the details named change, the others stay; a mapping or identifier list
 * sent replaces the old one.
 */
export const updateIdentityProvider: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const current = poolProvider(pool, providerNameOf(input));
  const details = googleDetails(input, false);
  const mapping = attributeMappingOf(input);
  const identifiers = idpIdentifiersOf(input);
  const now = ctx.now();
  const provider = checkProvider({
    ...current,
    ...details,
    ...(mapping === undefined ? {} : { attributeMapping: mapping }),
    ...(identifiers === undefined ? {} : { idpIdentifiers: identifiers }),
    createdAt: current.createdAt ?? now,
    updatedAt: now,
  });
  putProvider(pool, provider);
  return { IdentityProvider: providerView(pool.id, provider, now) };
};
