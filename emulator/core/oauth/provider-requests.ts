/**
 * The identity-provider operations' shared reading: ProviderName, ProviderDetails, AttributeMapping
 * and IdpIdentifiers with the API reference's constraints
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateIdentityProvider.html),
 * and the provider a request names.
 */

import { CognitoError } from '../cognito-error.ts';
import type { Json } from '../input.ts';
import { optionalStringList, requiredString, stringMap } from '../input.ts';
import type { Pool } from '../pool/pool.ts';
import { type IdentityProviderConfig, providerProblem } from './providers.ts';

/** The API reference's ProviderNameType pattern. */
const PROVIDER_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u;
/** Google's ProviderDetails keys. */
const GOOGLE_DETAILS = ['client_id', 'client_secret', 'authorize_scopes'];
const IDP_IDENTIFIER = /^[\w\s+=.@-]+$/;

function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message);
}

/** Reads `ProviderName`. */
export function providerNameOf(input: Json): string {
  return requiredString(input, 'ProviderName', { max: 32, pattern: PROVIDER_NAME });
}

/** The pool's provider of this name, or Cognito's ResourceNotFoundException. */
export function poolProvider(pool: Pool, name: string): IdentityProviderConfig {
  const found = pool.config.identityProviders.find((provider) => provider.name === name);
  if (!found) {
    throw new CognitoError(
      'ResourceNotFoundException',
      `Identity provider ${name} does not exist in user pool ${pool.id}.`,
    );
  }
  return found;
}

/**
 * `ProviderDetails` of a Google provider on top of `base`: the three keys Google has, each a
 * non-empty string; an unknown key is refused rather than kept, so a typo shows at once.
 */
export function googleDetails(
  input: Json,
  required: boolean,
): Partial<Pick<IdentityProviderConfig, 'clientId' | 'clientSecret' | 'authorizeScopes'>> {
  const details = stringMap(input, 'ProviderDetails', required);
  const unknown = Object.keys(details).find((key) => !GOOGLE_DETAILS.includes(key));
  if (unknown !== undefined) {
    throw invalidParameter(
      `ProviderDetails of a Google provider take ${GOOGLE_DETAILS.join(', ')}; ${unknown} is not one of them.`,
    );
  }
  const empty = Object.entries(details).find(([, value]) => value.trim() === '');
  if (empty) throw invalidParameter(`ProviderDetails.${empty[0]} must not be empty.`);
  const { client_id, client_secret, authorize_scopes } = details;
  if (required && (client_id === undefined || client_secret === undefined)) {
    throw invalidParameter(
      'ProviderDetails of a Google provider need client_id and client_secret.',
    );
  }
  return {
    ...(client_id === undefined ? {} : { clientId: client_id }),
    ...(client_secret === undefined ? {} : { clientSecret: client_secret }),
    ...(authorize_scopes === undefined ? {} : { authorizeScopes: authorize_scopes }),
  };
}

/** `AttributeMapping`, or undefined when the request leaves it out. */
export function attributeMappingOf(input: Json): Record<string, string> | undefined {
  if (input.AttributeMapping === undefined || input.AttributeMapping === null) return undefined;
  const mapping = stringMap(input, 'AttributeMapping', true);
  // Cognito keeps `username` mapped to the provider's user id whatever the request says.
  return { ...mapping, username: mapping.username ?? 'sub' };
}

/** `IdpIdentifiers`: up to 50 identifiers of 1 to 40 characters, each used once. */
export function idpIdentifiersOf(input: Json): string[] | undefined {
  const list = optionalStringList(input, 'IdpIdentifiers');
  if (list === undefined) return undefined;
  if (list.length > 50) throw invalidParameter('IdpIdentifiers takes at most 50 identifiers.');
  const bad = list.find((id) => id.length < 1 || id.length > 40 || !IDP_IDENTIFIER.test(id));
  if (bad !== undefined) throw invalidParameter(`${bad} is not a valid IdP identifier.`);
  if (new Set(list).size !== list.length) {
    throw invalidParameter('Each IdP identifier may be listed once.');
  }
  return list;
}

/** Refuses settings the federation could not use, in Cognito's error type. */
export function checkProvider(provider: IdentityProviderConfig): IdentityProviderConfig {
  const problem = providerProblem(provider);
  if (problem) throw invalidParameter(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
  return provider;
}

/**
 * Adds the provider to its pool, or replaces the one of its name. Providers live in memory like
 * app clients: a restart serves the config file's again.
 */
export function putProvider(pool: Pool, provider: IdentityProviderConfig): void {
  const list = pool.config.identityProviders;
  const index = list.findIndex((p) => p.name === provider.name);
  if (index === -1) list.push(provider);
  else list[index] = provider;
}
