/**
 * A pool's external identity providers as Cognito keeps them (ProviderName, ProviderType,
 * ProviderDetails, AttributeMapping, IdpIdentifiers), the rules both the config file and
 * CreateIdentityProvider apply to them, and their wire form. Google is the only type the
 * emulator serves: its stand-in (`emulator/hosted/google`) plays Google's part.
 */

import type { Json } from '../input.ts';

/** The one provider type, and name, the emulator serves. */
export const GOOGLE = 'Google';

/** Cognito's provider types; all but Google are refused locally with a clear message. */
export const PROVIDER_TYPES = [
  'SAML',
  'Facebook',
  'Google',
  'LoginWithAmazon',
  'SignInWithApple',
  'OIDC',
] as const;

export interface IdentityProviderConfig {
  name: string;
  type: typeof GOOGLE;
  clientId: string;
  clientSecret: string;
  /** Space-separated, as Cognito's `authorize_scopes` detail. */
  authorizeScopes: string;
  /** User pool attribute → the provider's claim (`username` → `sub` names the user). */
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  /** When the API created or last changed it (ms); absent for the config file's. */
  createdAt?: number;
  updatedAt?: number;
}

/**
 * Google's client id and secret at the local stand-in: any values work there, since the stand-in
 * registers whatever pools name, but these say what they are.
 */
export const LOCAL_GOOGLE_CLIENT_ID = 'local-google-client.apps.localhost';
export const LOCAL_GOOGLE_CLIENT_SECRET = 'local-google-secret';

/** The mapping of the attributes; `username: sub` is the one Cognito adds itself. */
export function defaultAttributeMapping(): Record<string, string> {
  return {
    email: 'email',
    email_verified: 'email_verified',
    name: 'name',
    picture: 'picture',
    username: 'sub',
  };
}

/** The local pool's Google provider, pointed at the stand-in. */
export function localGoogleProvider(): IdentityProviderConfig {
  return {
    name: GOOGLE,
    type: GOOGLE,
    clientId: LOCAL_GOOGLE_CLIENT_ID,
    clientSecret: LOCAL_GOOGLE_CLIENT_SECRET,
    authorizeScopes: 'openid email profile',
    attributeMapping: defaultAttributeMapping(),
    idpIdentifiers: [],
  };
}

/** User pool attributes a mapping may fill: the standard ones, `username`, and `custom:…`. */
const MAPPABLE = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
  'username',
]);

/** Why a provider's settings are refused, if they are; the caller words where. */
export function providerProblem(provider: IdentityProviderConfig): string | undefined {
  if (!provider.authorizeScopes.split(' ').includes('openid')) {
    // The federation reads Google's ID token, which only an `openid` request gets.
    return `authorize_scopes must include openid (got "${provider.authorizeScopes}")`;
  }
  for (const [attribute, claim] of Object.entries(provider.attributeMapping)) {
    if (!MAPPABLE.has(attribute) && !/^custom:[\w.-]{1,20}$/.test(attribute)) {
      return `attribute mapping names ${attribute}, which is not a user pool attribute`;
    }
    if (claim.length === 0 || claim.length > 131072) {
      return `attribute mapping of ${attribute} must name a claim of the provider`;
    }
  }
  return undefined;
}

/** Cognito's IdentityProviderType. */
export function providerView(poolId: string, provider: IdentityProviderConfig, now: number): Json {
  return {
    UserPoolId: poolId,
    ProviderName: provider.name,
    ProviderType: provider.type,
    ProviderDetails: {
      client_id: provider.clientId,
      client_secret: provider.clientSecret,
      authorize_scopes: provider.authorizeScopes,
    },
    AttributeMapping: provider.attributeMapping,
    IdpIdentifiers: provider.idpIdentifiers,
    LastModifiedDate: (provider.updatedAt ?? now) / 1000,
    CreationDate: (provider.createdAt ?? now) / 1000,
  };
}

/** The group Cognito puts every user of a provider in: `<poolId>_<ProviderName>`. */
export function providerGroupName(poolId: string, providerName: string): string {
  return `${poolId}_${providerName}`;
}
