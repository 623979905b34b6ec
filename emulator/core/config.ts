/** User pools and app clients the emulator serves: defaults, and the small config file's schema. */

import { isJsonObject } from './input.ts';
import {
  defaultAttributeMapping,
  GOOGLE,
  type IdentityProviderConfig,
  localGoogleProvider,
  providerProblem,
} from './oauth/providers.ts';
import {
  COGNITO_PROVIDER,
  noOAuth,
  type OAuthFlow,
  type OAuthSettings,
  oauthSettingsProblem,
} from './oauth/settings.ts';

export type AuthFlow =
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_AUTH';

const AUTH_FLOWS: readonly AuthFlow[] = [
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_USER_AUTH',
];

/**
 * The app client's RefreshTokenRotation: with `ENABLED`, GetTokensFromRefreshToken hands out a new
 * refresh token each time and the one it replaces keeps working for `retryGracePeriodSeconds`
 * (0 to 60) so a client can retry
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html).
 */
export interface RefreshTokenRotation {
  feature: 'ENABLED' | 'DISABLED';
  retryGracePeriodSeconds: number;
}

/**
 * First factors of choice-based sign-in (USER_AUTH). Cognito also knows SMS_OTP, which the
 * emulator does not offer: it sends no SMS.
 */
export type FirstAuthFactor = 'PASSWORD' | 'EMAIL_OTP' | 'WEB_AUTHN';

const FIRST_AUTH_FACTORS: readonly FirstAuthFactor[] = ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'];

export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface ClientConfig extends OAuthSettings {
  id: string;
  name: string;
  /** A client with a secret demands SECRET_HASH, as Cognito does (browsers cannot keep one). */
  secret?: string;
  explicitAuthFlows: AuthFlow[];
  /** ENABLED in Cognito's console since 2020: unknown users look like wrong passwords. */
  preventUserExistenceErrors: boolean;
  /** Lifetimes in seconds. */
  idTokenValidity: number;
  accessTokenValidity: number;
  refreshTokenValidity: number;
  refreshTokenRotation: RefreshTokenRotation;
  /** When CreateUserPoolClient or UpdateUserPoolClient last made it (ms); absent for config files. */
  createdAt?: number;
  updatedAt?: number;
}

/**
 * The pool's MfaConfiguration: OFF, OPTIONAL (users who set up an authenticator app are asked for
 * a code) or ON (every sign-in needs one; users without one set it up first, MFA_SETUP).
 */
export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';

const MFA_CONFIGURATIONS: readonly MfaConfiguration[] = ['OFF', 'OPTIONAL', 'ON'];

export interface PoolConfig {
  id: string;
  name: string;
  /** `['email']`: people sign up and in with their email; `[]`: with a chosen username. */
  usernameAttributes: 'email'[];
  passwordPolicy: PasswordPolicy;
  /** Lifetimes of codes, in seconds. */
  signUpCodeValidity: number;
  forgotPasswordCodeValidity: number;
  /** How long an SRP handshake (InitiateAuth → RespondToAuthChallenge) may take, in seconds. */
  srpHandshakeValidity: number;
  /** Failed sign-ins allowed before the temporary lockout starts. */
  lockoutAfterFailures: number;
  /** Longest lockout in seconds (Cognito doubles from 1 s to about 15 min). */
  maxLockoutSeconds: number;
  /** Codes that may be requested, or entered wrongly, per user within `codeRequestWindow` seconds. */
  codeRequestLimit: number;
  codeRequestWindow: number;
  /** Second factors: TOTP only (the emulator sends no SMS). */
  mfaConfiguration: MfaConfiguration;
  /** The pool's SignInPolicy: which first factors USER_AUTH may offer. */
  signInPolicy: { allowedFirstAuthFactors: FirstAuthFactor[] };
  webAuthn: WebAuthnConfig;
  /** External identity providers (Google), which clients may list in SupportedIdentityProviders. */
  identityProviders: IdentityProviderConfig[];
  clients: ClientConfig[];
}

/**
 * The pool's passkey settings (Cognito's WebAuthnRelyingPartyID and WebAuthnUserVerification),
 * plus the page origins accepted, which Cognito derives from its domains.
 */
export interface WebAuthnConfig {
  /** `localhost` by default (SPEC §8): browsers refuse an IP address as a relying party. */
  relyingPartyId: string;
  userVerification: 'preferred' | 'required';
  /**
   * Exact origins allowed to register and sign in with passkeys. Absent: for `localhost`, any
   * `http://localhost:<port>` (dev server, preview and standalone emulator all pick ports);
   * for another id, `https://<id>`.
   */
  allowedOrigins?: string[];
}

const USER_VERIFICATIONS: readonly WebAuthnConfig['userVerification'][] = ['preferred', 'required'];

/** A relying party id is a host name: letters, digits, hyphens and dots, no IP address. */
const RELYING_PARTY_ID = /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The local ride API's authorizer, read here with the rest of the config file and served by
 * `emulator/ride-api` beside the core. Like an API Gateway Cognito authorizer, it names one user
 * pool and accepts live ID tokens issued to any app client of that pool; optionally the rider
 * must also be in a group (the `cognito:groups` claim), as a Lambda authorizer could demand.
 */
export interface RideApiConfig {
  userPoolId: string;
  requiredGroup?: string;
}

export interface EmulatorConfig {
  pools: PoolConfig[];
  /** Absent: the local pool (`local_WildRydes`) when it is served, else the first pool. */
  rideApi?: RideApiConfig;
}

export const DEFAULT_POOL_ID = 'local_WildRydes';
export const DEFAULT_CLIENT_ID = 'wildrydeslocalclient';

/** Cognito's defaults for an app client, as the console creates one. */
export function defaultClient(overrides: Partial<ClientConfig> = {}): ClientConfig {
  return {
    id: DEFAULT_CLIENT_ID,
    name: 'WildRydesWebApp',
    explicitAuthFlows: [
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
      // SPEC §8: the site's email-code and passkey sign-in use choice-based sign-in.
      'ALLOW_USER_AUTH',
    ],
    preventUserExistenceErrors: true,
    idTokenValidity: 3600,
    accessTokenValidity: 3600,
    refreshTokenValidity: 30 * 24 * 3600,
    refreshTokenRotation: { feature: 'DISABLED', retryGracePeriodSeconds: 0 },
    ...noOAuth(),
    ...overrides,
  };
}

/** Where the dev server (`npm run dev`) serves the site, by both loopback names. */
const DEV_SITES = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/**
 * The local web client's hosted sign-in: the code grant, back to the site's callback page, and
 * its landing page after sign-out, on the dev server (SPEC §8, last bullet).
 */
export function localClientOAuth(): OAuthSettings {
  return {
    callbackUrls: DEV_SITES.map((site) => `${site}/callback.html`),
    logoutUrls: DEV_SITES.map((site) => `${site}/`),
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    supportedIdentityProviders: [COGNITO_PROVIDER, GOOGLE],
    allowedOAuthFlowsUserPoolClient: true,
  };
}

/** Cognito's defaults for a user pool, as the console creates one. */
export function defaultPool(overrides: Partial<PoolConfig> = {}): PoolConfig {
  return {
    id: DEFAULT_POOL_ID,
    name: 'WildRydes',
    usernameAttributes: ['email'],
    passwordPolicy: {
      minimumLength: 8,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
    },
    signUpCodeValidity: 24 * 3600,
    forgotPasswordCodeValidity: 3600,
    srpHandshakeValidity: 180,
    lockoutAfterFailures: 5,
    maxLockoutSeconds: 15 * 60,
    codeRequestLimit: 5,
    codeRequestWindow: 3600,
    // SPEC §8: locally, people can try two-step sign-in without configuring anything.
    mfaConfiguration: 'OPTIONAL',
    // SPEC §8; WEB_AUTHN is offered only to users who have a passkey.
    signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
    webAuthn: { relyingPartyId: 'localhost', userVerification: 'preferred' },
    // SPEC §8's spirit: "Continue with Google" works locally with nothing configured.
    identityProviders: [localGoogleProvider()],
    clients: [defaultClient(localClientOAuth())],
    ...overrides,
  };
}

/** The configuration with nothing configured: the Wild Rydes pool and its web client. */
export function defaultConfig(): EmulatorConfig {
  return { pools: [defaultPool()] };
}

/** A config file that cannot be used, with the path of the offending value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]+$/;

type Reader = (path: string, value: unknown) => unknown;

function pick<T>(
  source: Record<string, unknown>,
  key: string,
  path: string,
  check: (value: unknown) => value is T,
  expected: string,
): T | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (!check(value)) throw new ConfigError(`${path}.${key} must be ${expected}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isSeconds = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

const readClient: Reader = (path, value) => {
  if (!isJsonObject(value)) throw new ConfigError(`${path} must be an object`);
  const id = pick(value, 'id', path, isString, 'a non-empty string');
  if (id === undefined || !CLIENT_ID.test(id)) {
    throw new ConfigError(`${path}.id must be letters, digits, _ or + (got ${JSON.stringify(id)})`);
  }
  const flows = value.explicitAuthFlows;
  if (flows !== undefined) {
    if (!Array.isArray(flows) || !flows.every((f) => AUTH_FLOWS.includes(f as AuthFlow))) {
      throw new ConfigError(`${path}.explicitAuthFlows must list some of ${AUTH_FLOWS.join(', ')}`);
    }
  }
  const client: Partial<ClientConfig> = { id };
  const name = pick(value, 'name', path, isString, 'a non-empty string');
  if (name !== undefined) client.name = name;
  const secret = pick(value, 'secret', path, isString, 'a non-empty string');
  if (secret !== undefined) client.secret = secret;
  if (flows !== undefined) client.explicitAuthFlows = flows as AuthFlow[];
  const prevent = pick(value, 'preventUserExistenceErrors', path, isBoolean, 'true or false');
  if (prevent !== undefined) client.preventUserExistenceErrors = prevent;
  for (const key of ['idTokenValidity', 'accessTokenValidity', 'refreshTokenValidity'] as const) {
    const seconds = pick(value, key, path, isSeconds, 'a whole number of seconds above 0');
    if (seconds !== undefined) client[key] = seconds;
  }
  for (const key of [
    'callbackUrls',
    'logoutUrls',
    'allowedOAuthScopes',
    'supportedIdentityProviders',
  ] as const) {
    const list = pick(value, key, path, isStringList, 'a list of strings');
    if (list !== undefined) client[key] = list;
  }
  const grants = pick(value, 'allowedOAuthFlows', path, isStringList, 'a list of strings');
  if (grants !== undefined) client.allowedOAuthFlows = grants as OAuthFlow[];
  const oauth = pick(value, 'allowedOAuthFlowsUserPoolClient', path, isBoolean, 'true or false');
  if (oauth !== undefined) client.allowedOAuthFlowsUserPoolClient = oauth;
  const rotation = value.refreshTokenRotation;
  if (rotation !== undefined) client.refreshTokenRotation = readRotation(path, rotation);
  return defaultClient(client);
};
/** Checks a pool's clients' OAuth settings as CreateUserPoolClient would. */
function checkOAuth(path: string, pool: PoolConfig): void {
  pool.clients.forEach((client, index) => {
    const providers = pool.identityProviders.map((provider) => provider.name);
    const problem = oauthSettingsProblem(client, client.secret !== undefined, pool.id, providers);
    if (problem)
      throw new ConfigError(`${path}.clients[${index}].${problem.setting}: ${problem.message}`);
  });
}

function readRotation(path: string, value: unknown): RefreshTokenRotation {
  const where = `${path}.refreshTokenRotation`;
  if (!isJsonObject(value)) throw new ConfigError(`${where} must be an object`);
  const feature = value.feature;
  if (feature !== 'ENABLED' && feature !== 'DISABLED') {
    throw new ConfigError(`${where}.feature must be ENABLED or DISABLED`);
  }
  const grace = value.retryGracePeriodSeconds ?? 0;
  if (!isCount(grace) || grace > 60) {
    throw new ConfigError(`${where}.retryGracePeriodSeconds must be a whole number from 0 to 60`);
  }
  return { feature, retryGracePeriodSeconds: grace };
}

/** Cognito's rules for AllowedFirstAuthFactors: known factors, each once, PASSWORD among them. */
function readSignInPolicy(path: string, value: unknown): PoolConfig['signInPolicy'] {
  const where = `${path}.signInPolicy.allowedFirstAuthFactors`;
  const factors = isJsonObject(value) ? value.allowedFirstAuthFactors : undefined;
  if (
    !Array.isArray(factors) ||
    !factors.every((f) => FIRST_AUTH_FACTORS.includes(f as FirstAuthFactor)) ||
    new Set(factors).size !== factors.length
  ) {
    throw new ConfigError(`${where} must list some of ${FIRST_AUTH_FACTORS.join(', ')}, each once`);
  }
  // "Whether the password authentication is allowed. This must be true."
  // (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cognito.AllowedFirstAuthFactors.html)
  if (!factors.includes('PASSWORD')) throw new ConfigError(`${where} must include PASSWORD`);
  return { allowedFirstAuthFactors: factors as FirstAuthFactor[] };
}

/** The pool's `webAuthn`: a host name (not an IP address), a UV setting, exact origins. */
function readWebAuthn(path: string, value: unknown): WebAuthnConfig {
  const where = `${path}.webAuthn`;
  if (!isJsonObject(value)) throw new ConfigError(`${where} must be an object`);
  const config: WebAuthnConfig = { ...defaultPool().webAuthn };
  const rpId = value.relyingPartyId;
  if (rpId !== undefined) {
    if (typeof rpId !== 'string' || !RELYING_PARTY_ID.test(rpId)) {
      throw new ConfigError(
        `${where}.relyingPartyId must be a lower-case host name such as localhost, not an IP address (got ${JSON.stringify(rpId)})`,
      );
    }
    config.relyingPartyId = rpId;
  }
  const uv = value.userVerification;
  if (uv !== undefined) {
    if (!USER_VERIFICATIONS.includes(uv as WebAuthnConfig['userVerification'])) {
      throw new ConfigError(
        `${where}.userVerification must be ${USER_VERIFICATIONS.join(' or ')} (got ${JSON.stringify(uv)})`,
      );
    }
    config.userVerification = uv as WebAuthnConfig['userVerification'];
  }
  const origins = value.allowedOrigins;
  if (origins !== undefined) {
    if (
      !Array.isArray(origins) ||
      origins.length === 0 ||
      !origins.every((o) => typeof o === 'string' && isOrigin(o))
    ) {
      throw new ConfigError(
        `${where}.allowedOrigins must be a non-empty list of origins such as http://localhost:5173`,
      );
    }
    config.allowedOrigins = origins as string[];
  }
  return config;
}

/**
 * The pool's `identityProviders`: `{ "Google": { "clientId", "clientSecret", "authorizeScopes",
 * "attributeMapping" } }`, the last two optional (`openid email profile`, and email,
 * email_verified, name, picture and username from Google's claims of those names and `sub`).
 */
function readIdentityProviders(path: string, value: unknown): IdentityProviderConfig[] {
  const where = `${path}.identityProviders`;
  if (!isJsonObject(value)) throw new ConfigError(`${where} must be an object`);
  return Object.entries(value).map(([name, details]) => {
    const at = `${where}.${name}`;
    if (name !== GOOGLE) {
      throw new ConfigError(`${at}: the emulator serves Google only (its local stand-in)`);
    }
    if (!isJsonObject(details)) throw new ConfigError(`${at} must be an object`);
    const clientId = pick(details, 'clientId', at, isString, 'a non-empty string');
    const clientSecret = pick(details, 'clientSecret', at, isString, 'a non-empty string');
    if (clientId === undefined || clientSecret === undefined) {
      throw new ConfigError(`${at} needs clientId and clientSecret`);
    }
    const scopes = pick(details, 'authorizeScopes', at, isString, 'a non-empty string');
    const mapping = details.attributeMapping;
    if (
      mapping !== undefined &&
      (!isJsonObject(mapping) || !Object.values(mapping).every(isString))
    ) {
      throw new ConfigError(`${at}.attributeMapping must map attribute names to claim names`);
    }
    const provider: IdentityProviderConfig = {
      ...localGoogleProvider(),
      clientId,
      clientSecret,
      ...(scopes === undefined ? {} : { authorizeScopes: scopes }),
      attributeMapping:
        mapping === undefined
          ? defaultAttributeMapping()
          : { username: 'sub', ...(mapping as Record<string, string>) },
    };
    const problem = providerProblem(provider);
    if (problem) throw new ConfigError(`${at}: ${problem}`);
    return provider;
  });
}

/** Whether the text is an origin exactly as a browser writes one (scheme, host, port if any). */
function isOrigin(text: string): boolean {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

const readPool: Reader = (path, value) => {
  if (!isJsonObject(value)) throw new ConfigError(`${path} must be an object`);
  const id = pick(value, 'id', path, isString, 'a non-empty string');
  if (id === undefined || !POOL_ID.test(id)) {
    throw new ConfigError(
      `${path}.id must look like <region>_<letters and digits>, e.g. us-east-1_Abc123 (got ${JSON.stringify(id)})`,
    );
  }
  const pool: Partial<PoolConfig> = { id, name: id.split('_')[1] ?? id };
  const name = pick(value, 'name', path, isString, 'a non-empty string');
  if (name !== undefined) pool.name = name;
  const attrs = value.usernameAttributes;
  if (attrs !== undefined) {
    if (!Array.isArray(attrs) || !attrs.every((a) => a === 'email')) {
      throw new ConfigError(`${path}.usernameAttributes must be ["email"] or []`);
    }
    pool.usernameAttributes = attrs as 'email'[];
  }
  const policy = value.passwordPolicy;
  if (policy !== undefined) {
    if (!isJsonObject(policy)) throw new ConfigError(`${path}.passwordPolicy must be an object`);
    const base = defaultPool().passwordPolicy;
    const minimumLength = pick(
      policy,
      'minimumLength',
      `${path}.passwordPolicy`,
      isSeconds,
      'a whole number from 6 to 99',
    );
    if (minimumLength !== undefined && (minimumLength < 6 || minimumLength > 99)) {
      throw new ConfigError(
        `${path}.passwordPolicy.minimumLength must be a whole number from 6 to 99`,
      );
    }
    const flag = (key: keyof Omit<PasswordPolicy, 'minimumLength'>) =>
      pick(policy, key, `${path}.passwordPolicy`, isBoolean, 'true or false') ?? base[key];
    pool.passwordPolicy = {
      minimumLength: minimumLength ?? base.minimumLength,
      requireUppercase: flag('requireUppercase'),
      requireLowercase: flag('requireLowercase'),
      requireNumbers: flag('requireNumbers'),
      requireSymbols: flag('requireSymbols'),
    };
  }
  for (const key of [
    'signUpCodeValidity',
    'forgotPasswordCodeValidity',
    'srpHandshakeValidity',
    'maxLockoutSeconds',
    'codeRequestWindow',
  ] as const) {
    const seconds = pick(value, key, path, isSeconds, 'a whole number of seconds above 0');
    if (seconds !== undefined) pool[key] = seconds;
  }
  for (const key of ['lockoutAfterFailures', 'codeRequestLimit'] as const) {
    const count = pick(value, key, path, isCount, 'a whole number');
    if (count !== undefined) pool[key] = count;
  }
  const mfa = value.mfaConfiguration;
  if (mfa !== undefined) {
    if (!MFA_CONFIGURATIONS.includes(mfa as MfaConfiguration)) {
      throw new ConfigError(
        `${path}.mfaConfiguration must be ${MFA_CONFIGURATIONS.join(', ')} (got ${JSON.stringify(mfa)})`,
      );
    }
    pool.mfaConfiguration = mfa as MfaConfiguration;
  }
  if (value.signInPolicy !== undefined) {
    pool.signInPolicy = readSignInPolicy(path, value.signInPolicy);
  }
  if (value.webAuthn !== undefined) pool.webAuthn = readWebAuthn(path, value.webAuthn);
  // Unnamed: the local Google stand-in, as the default pool has it, so default clients stay valid.
  if (value.identityProviders !== undefined) {
    pool.identityProviders = readIdentityProviders(path, value.identityProviders);
  }
  const clients = value.clients;
  if (clients !== undefined) {
    if (!Array.isArray(clients) || clients.length === 0) {
      throw new ConfigError(`${path}.clients must be a non-empty list`);
    }
    pool.clients = clients.map((c, i) => readClient(`${path}.clients[${i}]`, c) as ClientConfig);
  }
  const read = defaultPool(pool);
  checkOAuth(path, read);
  return read;
};

const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

function readRideApi(value: unknown, poolIds: Set<string>): RideApiConfig {
  const path = 'config.rideApi';
  if (!isJsonObject(value)) throw new ConfigError(`${path} must be an object`);
  const userPoolId = pick(value, 'userPoolId', path, isString, 'a non-empty string');
  if (userPoolId === undefined || !poolIds.has(userPoolId)) {
    throw new ConfigError(
      `${path}.userPoolId must be one of the pools served: ${[...poolIds].join(', ')} (got ${JSON.stringify(userPoolId)})`,
    );
  }
  const requiredGroup = pick(value, 'requiredGroup', path, isString, 'a non-empty string');
  if (requiredGroup !== undefined && !GROUP_NAME.test(requiredGroup)) {
    throw new ConfigError(`${path}.requiredGroup must be a group name (1 to 128 characters)`);
  }
  return requiredGroup === undefined ? { userPoolId } : { userPoolId, requiredGroup };
}

/**
 * Reads a config file's parsed JSON: `{ "pools": [{ "id", "clients": [{ "id", … }], … }],
 * "rideApi": { "userPoolId", "requiredGroup" } }`. The default pool and client are always served;
 * a pool with the default id replaces it. Without `rideApi`, the ride API takes ID tokens of the
 * default pool.
 */
export function readEmulatorConfig(value: unknown): EmulatorConfig {
  if (!isJsonObject(value)) throw new ConfigError('config must be a JSON object');
  const pools = value.pools;
  if (pools !== undefined && !Array.isArray(pools))
    throw new ConfigError('config.pools must be a list');
  const read = (pools ?? []).map((p, i) => readPool(`config.pools[${i}]`, p) as PoolConfig);
  const all = read.some((p) => p.id === DEFAULT_POOL_ID) ? read : [defaultPool(), ...read];
  const poolIds = new Set<string>();
  const clientIds = new Set<string>();
  for (const pool of all) {
    if (poolIds.has(pool.id)) throw new ConfigError(`pool id ${pool.id} is used twice`);
    poolIds.add(pool.id);
    for (const client of pool.clients) {
      if (clientIds.has(client.id)) throw new ConfigError(`client id ${client.id} is used twice`);
      clientIds.add(client.id);
    }
  }
  if (value.rideApi === undefined) return { pools: all };
  return { pools: all, rideApi: readRideApi(value.rideApi, poolIds) };
}
