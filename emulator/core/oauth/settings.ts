/**
 * An app client's OAuth settings as Cognito keeps them (CallbackURLs, LogoutURLs,
 * AllowedOAuthFlows, AllowedOAuthScopes, SupportedIdentityProviders,
 * AllowedOAuthFlowsUserPoolClient) and the rules CreateUserPoolClient applies to them. The config
 * file and the client operations both check them here, each wording the refusal its own way.
 */

/** The grants a client may use at the pool domain's endpoints. */
export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';

export const OAUTH_FLOWS: readonly OAuthFlow[] = ['code', 'implicit', 'client_credentials'];

/** Scopes every pool has; any other scope is a resource server's, written `<identifier>/<name>`. */
export const STANDARD_SCOPES: readonly string[] = [
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
];

/** The scope that lets an access token call the user's own API operations (GetUser, …). */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** The identity provider of the pool's own users; external ones (Google) are the pool's by name. */
export const COGNITO_PROVIDER = 'COGNITO';

export interface OAuthSettings {
  callbackUrls: string[];
  logoutUrls: string[];
  allowedOAuthFlows: OAuthFlow[];
  allowedOAuthScopes: string[];
  supportedIdentityProviders: string[];
  /** Off: the client may not use the OAuth endpoints at all, whatever else is set. */
  allowedOAuthFlowsUserPoolClient: boolean;
}

/** No OAuth: what CreateUserPoolClient gives a client when none of these is named. */
export function noOAuth(): OAuthSettings {
  return {
    callbackUrls: [],
    logoutUrls: [],
    allowedOAuthFlows: [],
    allowedOAuthScopes: [],
    supportedIdentityProviders: [],
    allowedOAuthFlowsUserPoolClient: false,
  };
}

/** What is wrong with a set of settings: which setting, Cognito's error type, and why. */
export interface OAuthSettingsProblem {
  setting: keyof OAuthSettings;
  type: 'InvalidParameterException' | 'InvalidOAuthFlowException' | 'ScopeDoesNotExistException';
  message: string;
}

const CUSTOM_SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+\/[\x21\x23-\x5b\x5d-\x7e]+$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a callback or sign-out URL is refused, if it is: Cognito wants an absolute URL without a
 * fragment, HTTPS except on this machine (http://localhost is allowed "for testing purposes
 * only": https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html).
 */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not an absolute URL`;
  }
  if (parsed.hash !== '' || url.includes('#')) return `${url} has a fragment (#…)`;
  if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) {
    return `${url} must use HTTPS (plain http is allowed for localhost only)`;
  }
  return undefined;
}

/**
 * The first problem with these settings, in the order Cognito checks them, or undefined;
 * `providers` names the pool's external identity providers, which clients may then support.
 */
export function oauthSettingsProblem(
  settings: OAuthSettings,
  hasSecret: boolean,
  poolId: string,
  providers: readonly string[],
): OAuthSettingsProblem | undefined {
  for (const key of ['callbackUrls', 'logoutUrls'] as const) {
    for (const url of settings[key]) {
      const problem = urlProblem(url);
      if (problem) return { setting: key, type: 'InvalidParameterException', message: problem };
    }
  }
  const flows = settings.allowedOAuthFlows;
  const unknownFlow = flows.find((flow) => !OAUTH_FLOWS.includes(flow));
  if (unknownFlow !== undefined) {
    return {
      setting: 'allowedOAuthFlows',
      type: 'InvalidParameterException',
      message: `${unknownFlow} is not an OAuth flow (code, implicit, client_credentials)`,
    };
  }
  if (flows.includes('client_credentials') && flows.length > 1) {
    return {
      setting: 'allowedOAuthFlows',
      type: 'InvalidOAuthFlowException',
      message:
        'client_credentials flow can not be selected if authorization code or implicit flow is selected.',
    };
  }
  if (flows.includes('client_credentials') && !hasSecret) {
    return {
      setting: 'allowedOAuthFlows',
      type: 'InvalidOAuthFlowException',
      message:
        'client_credentials flow can not be selected if client does not have a client secret.',
    };
  }
  const badScope = settings.allowedOAuthScopes.find(
    (scope) => !STANDARD_SCOPES.includes(scope) && !CUSTOM_SCOPE.test(scope),
  );
  if (badScope !== undefined) {
    return {
      setting: 'allowedOAuthScopes',
      type: 'ScopeDoesNotExistException',
      message: `Invalid scope requested: ${badScope}`,
    };
  }
  if (
    flows.includes('client_credentials') &&
    settings.allowedOAuthScopes.some((scope) => STANDARD_SCOPES.includes(scope))
  ) {
    return {
      setting: 'allowedOAuthScopes',
      type: 'InvalidOAuthFlowException',
      message: 'client_credentials flow can only be used with custom scopes.',
    };
  }
  const provider = settings.supportedIdentityProviders.find(
    (name) => name !== COGNITO_PROVIDER && !providers.includes(name),
  );
  if (provider !== undefined) {
    return {
      setting: 'supportedIdentityProviders',
      type: 'InvalidParameterException',
      message: `The provider ${provider} does not exist for User Pool ${poolId}`,
    };
  }
  if (!settings.allowedOAuthFlowsUserPoolClient) return undefined;
  if (flows.length === 0) {
    return {
      setting: 'allowedOAuthFlows',
      type: 'InvalidOAuthFlowException',
      message: 'AllowedOAuthFlows are required when AllowedOAuthFlowsUserPoolClient is true.',
    };
  }
  if (settings.allowedOAuthScopes.length === 0) {
    return {
      setting: 'allowedOAuthScopes',
      type: 'InvalidOAuthFlowException',
      message: 'AllowedOAuthScopes are required when AllowedOAuthFlowsUserPoolClient is true.',
    };
  }
  if (!flows.includes('client_credentials') && settings.callbackUrls.length === 0) {
    return {
      setting: 'callbackUrls',
      type: 'InvalidParameterException',
      message: 'CallbackURLs are required for the code and implicit flows.',
    };
  }
  return undefined;
}
