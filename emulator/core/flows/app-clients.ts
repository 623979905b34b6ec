/**
 * App clients as CreateUserPoolClient, UpdateUserPoolClient and DescribeUserPoolClient see them:
 * the request's settings read with Cognito's constraints, checked with the OAuth rules, and the
 * `UserPoolClient` wire form.
 */

import { CognitoError } from '../cognito-error.ts';
import { type AuthFlow, type ClientConfig, defaultClient } from '../config.ts';
import {
  isJsonObject,
  type Json,
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalStringList,
} from '../input.ts';
import {
  OAUTH_FLOWS,
  type OAuthFlow,
  type OAuthSettings,
  oauthSettingsProblem,
} from '../oauth/settings.ts';
import type { Pool } from '../pool/pool.ts';

const AUTH_FLOWS: readonly AuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
];

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
const UNIT_SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** The lifetimes' members, their units' members and Cognito's default unit for each. */
const VALIDITIES = [
  { member: 'IdTokenValidity', unit: 'IdToken', fallback: 'hours', key: 'idTokenValidity' },
  {
    member: 'AccessTokenValidity',
    unit: 'AccessToken',
    fallback: 'hours',
    key: 'accessTokenValidity',
  },
  {
    member: 'RefreshTokenValidity',
    unit: 'RefreshToken',
    fallback: 'days',
    key: 'refreshTokenValidity',
  },
] as const;

function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message);
}

function enumList<T extends string>(
  input: Json,
  member: string,
  allowed: readonly T[],
): T[] | undefined {
  const list = optionalStringList(input, member);
  const wrong = list?.find((item) => !allowed.includes(item as T));
  if (wrong !== undefined) {
    throw invalidParameter(
      `1 validation error detected: Value '[${list?.join(', ')}]' at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return list as T[] | undefined;
}

/**
 * The client a Create or Update request describes, on top of `base` (the defaults: Cognito sets
 * every setting an UpdateUserPoolClient request leaves out back to its default —
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html).
 */
export function clientFromRequest(pool: Pool, input: Json, base: ClientConfig): ClientConfig {
  const client: ClientConfig = { ...base };
  const name = optionalString(input, 'ClientName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ });
  if (name !== undefined) client.name = name;
  const flows = enumList(input, 'ExplicitAuthFlows', AUTH_FLOWS);
  if (flows !== undefined) client.explicitAuthFlows = flows;
  const prevent = optionalString(input, 'PreventUserExistenceErrors', { max: 16 });
  if (prevent !== undefined) {
    if (prevent !== 'ENABLED' && prevent !== 'LEGACY') {
      throw invalidParameter(
        `1 validation error detected: Value '${prevent}' at 'preventUserExistenceErrors' failed to satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]`,
      );
    }
    client.preventUserExistenceErrors = prevent === 'ENABLED';
  }
  const units = input.TokenValidityUnits;
  if (units !== undefined && !isJsonObject(units)) {
    throw invalidParameter('TokenValidityUnits must be an object.');
  }
  for (const { member, unit, fallback, key } of VALIDITIES) {
    const amount = optionalInteger(input, member, 1, 315_360_000);
    if (amount === undefined) continue;
    const named = units?.[unit] ?? fallback;
    if (typeof named !== 'string' || !Object.hasOwn(UNIT_SECONDS, named)) {
      throw invalidParameter(`TokenValidityUnits.${unit} must be seconds, minutes, hours or days.`);
    }
    client[key] = amount * UNIT_SECONDS[named as Unit];
  }
  const oauth: OAuthSettings = {
    callbackUrls: optionalStringList(input, 'CallbackURLs') ?? base.callbackUrls,
    logoutUrls: optionalStringList(input, 'LogoutURLs') ?? base.logoutUrls,
    allowedOAuthFlows:
      enumList<OAuthFlow>(input, 'AllowedOAuthFlows', OAUTH_FLOWS) ?? base.allowedOAuthFlows,
    allowedOAuthScopes: optionalStringList(input, 'AllowedOAuthScopes') ?? base.allowedOAuthScopes,
    supportedIdentityProviders:
      optionalStringList(input, 'SupportedIdentityProviders') ?? base.supportedIdentityProviders,
    allowedOAuthFlowsUserPoolClient:
      optionalBoolean(input, 'AllowedOAuthFlowsUserPoolClient') ??
      base.allowedOAuthFlowsUserPoolClient,
  };
  const problem = oauthSettingsProblem(
    oauth,
    client.secret !== undefined,
    pool.id,
    pool.config.identityProviders.map((provider) => provider.name),
  );
  if (problem) throw new CognitoError(problem.type, problem.message);
  return { ...client, ...oauth };
}

/** The settings an UpdateUserPoolClient request starts from: defaults, with id, name and secret kept. */
export function updateBase(client: ClientConfig): ClientConfig {
  return defaultClient({
    id: client.id,
    name: client.name,
    ...(client.secret === undefined ? {} : { secret: client.secret }),
  });
}

/** The app client with this id in this pool, or Cognito's ResourceNotFoundException. */
export function poolClient(pool: Pool, clientId: string): ClientConfig {
  const found = pool.config.clients.find((c) => c.id === clientId);
  if (!found) {
    throw new CognitoError(
      'ResourceNotFoundException',
      `User pool client ${clientId} does not exist.`,
    );
  }
  return found;
}

/**
 * Cognito's `UserPoolClient`; lifetimes are given in seconds, a unit Cognito also accepts. A
 * config file's client has no recorded dates: it dates from `now`, the emulator's answer time.
 */
export function clientView(pool: Pool, client: ClientConfig, now: number): Json {
  return {
    UserPoolId: pool.id,
    ClientName: client.name,
    ClientId: client.id,
    ...(client.secret === undefined ? {} : { ClientSecret: client.secret }),
    CreationDate: (client.createdAt ?? now) / 1000,
    LastModifiedDate: (client.updatedAt ?? now) / 1000,
    IdTokenValidity: client.idTokenValidity,
    AccessTokenValidity: client.accessTokenValidity,
    RefreshTokenValidity: client.refreshTokenValidity,
    TokenValidityUnits: { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'seconds' },
    ExplicitAuthFlows: client.explicitAuthFlows,
    PreventUserExistenceErrors: client.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
    EnableTokenRevocation: true,
    SupportedIdentityProviders: client.supportedIdentityProviders,
    CallbackURLs: client.callbackUrls,
    LogoutURLs: client.logoutUrls,
    AllowedOAuthFlows: client.allowedOAuthFlows,
    AllowedOAuthScopes: client.allowedOAuthScopes,
    AllowedOAuthFlowsUserPoolClient: client.allowedOAuthFlowsUserPoolClient,
  };
}
