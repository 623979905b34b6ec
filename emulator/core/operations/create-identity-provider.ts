import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { poolOf } from '../flows/request.ts';
import { requiredString } from '../input.ts';
import {
  attributeMappingOf,
  checkProvider,
  googleDetails,
  idpIdentifiersOf,
  providerNameOf,
  putProvider,
} from '../oauth/provider-requests.ts';
import {
  GOOGLE,
  type IdentityProviderConfig,
  localGoogleProvider,
  PROVIDER_TYPES,
  providerView,
} from '../oauth/providers.ts';

/**
 * CreateIdentityProvider: an external provider for the pool's hosted sign-in. Locally Google only,
 * served by the emulator's stand-in; Cognito names a social provider after its type.
 */
export const createIdentityProvider: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const name = providerNameOf(input);
  const type = requiredString(input, 'ProviderType', { max: 32 });
  if (!(PROVIDER_TYPES as readonly string[]).includes(type)) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value '${type}' at 'providerType' failed to satisfy constraint: Member must satisfy enum value set: [${PROVIDER_TYPES.join(', ')}]`,
    );
  }
  if (type !== GOOGLE) {
    throw new CognitoError(
      'InvalidParameterException',
      `The local emulator serves Google providers only, through its Google stand-in; ${type} is not served.`,
    );
  }
  if (name !== GOOGLE) {
    throw new CognitoError(
      'InvalidParameterException',
      `A provider of type Google must be named Google (got ${name}).`,
    );
  }
  const details = googleDetails(input, true);
  const mapping = attributeMappingOf(input);
  const identifiers = idpIdentifiersOf(input);
  if (pool.config.identityProviders.some((provider) => provider.name === name)) {
    throw new CognitoError(
      'DuplicateProviderException',
      `A provider with the name ${name} already exists in this user pool.`,
    );
  }
  const now = ctx.now();
  const provider: IdentityProviderConfig = checkProvider({
    ...localGoogleProvider(),
    ...details,
    // Cognito always maps `username` from the provider's `sub`, even with no mapping given.
    attributeMapping: mapping ?? { username: 'sub' },
    idpIdentifiers: identifiers ?? [],
    createdAt: now,
    updatedAt: now,
  });
  putProvider(pool, provider);
  return { IdentityProvider: providerView(pool.id, provider, now) };
};
