import type { Operation } from '../context.ts';
import { poolOf } from '../flows/request.ts';
import { poolProvider, providerNameOf } from '../oauth/provider-requests.ts';

/**
 * DeleteIdentityProvider: "users can no longer sign in to your user pool through that IdP". The
 * pool's clients stop listing it, so none names a provider the pool lacks; its federated users
 * stay, as Cognito keeps them.
 */
export const deleteIdentityProvider: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const provider = poolProvider(pool, providerNameOf(input));
  const list = pool.config.identityProviders;
  list.splice(list.indexOf(provider), 1);
  for (const client of [...pool.config.clients]) {
    if (!client.supportedIdentityProviders.includes(provider.name)) continue;
    ctx.putClient(pool, {
      ...client,
      supportedIdentityProviders: client.supportedIdentityProviders.filter(
        (name) => name !== provider.name,
      ),
    });
  }
  return {};
};
