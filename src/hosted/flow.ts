/**
 * Hosted sign-in through the user pool domain: the OAuth2 authorization code grant with PKCE
 * (S256), `state` and an OpenID Connect `nonce`, done by oauth4webapi rather than by hand. The
 * sign-in and register pages import this module only when a person clicks, so the library is not
 * part of their first load; the callback page finishes the flow.
 */
import * as oauth from 'oauth4webapi';
import type { CognitoConfig, HostedConfig } from '../config.ts';

/**
 * Scopes asked for. `aws.cognito.signin.user.admin` lets the access token call the user's own
 * operations (GlobalSignOut for "sign out everywhere"), as an SRP sign-in's token can.
 */
export const HOSTED_SCOPES = 'openid email profile aws.cognito.signin.user.admin';

/** Identity providers the site offers a button for; absent means Cognito's own managed login. */
export type HostedProvider = 'Google';

/** Why hosted sign-in did not finish. */
export type HostedErrorCode =
  /** `error=access_denied`: the person cancelled, or the pool refused them. */
  | 'AccessDenied'
  /** No sign-in of this tab is waiting for an answer, or the answer's `state` is another one's. */
  | 'StaleState'
  /** The code was used already, expired, or does not match the verifier or callback URL. */
  | 'InvalidGrant'
  /** The app client refused: most often one with a client secret, which a browser cannot hold. */
  | 'InvalidClient'
  /** The app client may not use the code grant, or the scopes asked for. */
  | 'UnauthorizedClient'
  /** The ID token does not belong to this sign-in (nonce, issuer or audience differ). */
  | 'TokenMismatch'
  /** Any other error the domain answered with; `error` holds its OAuth code. */
  | 'Refused'
  /** The domain could not be reached. */
  | 'Network';

/** A hosted sign-in that did not finish, with the OAuth error code the domain sent, if any. */
export class HostedSignInError extends Error {
  override readonly name = 'HostedSignInError';

  constructor(
    readonly code: HostedErrorCode,
    /** The OAuth `error` value from the domain; '' when the failure is the site's own check. */
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** The tokens of a finished hosted sign-in. */
export interface HostedTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Where a sign-in in progress keeps its secrets between leaving for the domain and coming back. */
export type PendingStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What the hosted flow needs; the defaults are the browser's. */
export interface HostedFlowDeps {
  readonly hosted: HostedConfig;
  readonly cognito: Pick<CognitoConfig, 'userPoolId' | 'userPoolClientId' | 'region' | 'endpoint'>;
  /** sessionStorage by default: the secrets belong to this tab only. */
  readonly storage?: PendingStorage;
  readonly fetch?: typeof fetch;
}

/** What a hosted sign-in is started with. */
export interface HostedStart {
  /** Straight to this identity provider (`identity_provider=`), skipping the managed login. */
  readonly provider?: HostedProvider;
  /** The managed login's language (`lang=`). */
  readonly language?: string;
}

const PENDING_KEY = 'wildrydes.hosted.pending';

interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly nonce: string;
}

/**
 * The authorize URL for a new sign-in, after keeping its state, PKCE verifier and nonce in
 * `storage` for the callback page.
 */
export async function startHostedSignIn(
  deps: HostedFlowDeps,
  start: HostedStart = {},
): Promise<string> {
  const { hosted, cognito, storage = sessionStorage } = deps;
  const pending: Pending = {
    state: oauth.generateRandomState(),
    verifier: oauth.generateRandomCodeVerifier(),
    nonce: oauth.generateRandomNonce(),
  };
  const url = new URL(`${hosted.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.userPoolClientId,
    redirect_uri: hosted.redirectUri,
    scope: HOSTED_SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    ...(start.provider === undefined ? {} : { identity_provider: start.provider }),
    ...(start.language === undefined ? {} : { lang: start.language }),
  }).toString();
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url.href;
}

/**
 * Finishes the sign-in the domain sent back to `callbackUrl`: checks `state`, exchanges the code
 * with the verifier, checks the ID token's nonce, issuer and audience, and returns the tokens.
 * The pending secrets are forgotten whatever happens, so an answer cannot be replayed.
 */
export async function completeHostedSignIn(
  deps: HostedFlowDeps,
  callbackUrl: URL,
): Promise<HostedTokens> {
  const { hosted, cognito, storage = sessionStorage, fetch: fetchImpl = fetch } = deps;
  const pending = readPending(storage);
  storage.removeItem(PENDING_KEY);
  if (pending === null) {
    throw new HostedSignInError(
      'StaleState',
      '',
      'No hosted sign-in of this tab is waiting for an answer.',
    );
  }
  const as: oauth.AuthorizationServer = {
    issuer: issuerOf(cognito),
    authorization_endpoint: `${hosted.domain}/oauth2/authorize`,
    token_endpoint: `${hosted.domain}/oauth2/token`,
  };
  const client: oauth.Client = { client_id: cognito.userPoolClientId };
  const options = {
    [oauth.customFetch]: fetchImpl,
    // http only reaches a local emulator: config.ts accepts it for localhost and 127.0.0.1 only.
    [oauth.allowInsecureRequests]: new URL(hosted.domain).protocol === 'http:',
  };
  try {
    const parameters = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      parameters,
      hosted.redirectUri,
      pending.verifier,
      options,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    if (result.id_token === undefined || result.refresh_token === undefined) {
      throw new HostedSignInError(
        'Refused',
        '',
        'The token endpoint answered without an ID token or a refresh token.',
      );
    }
    return {
      idToken: result.id_token,
      accessToken: result.access_token,
      refreshToken: result.refresh_token,
    };
  } catch (failure) {
    throw hostedFailure(failure);
  }
}

/** Cognito's ID tokens name the pool's IdP endpoint as issuer, not the domain. */
function issuerOf(cognito: HostedFlowDeps['cognito']): string {
  const endpoint = cognito.endpoint ?? `https://cognito-idp.${cognito.region}.amazonaws.com/`;
  return `${endpoint}${cognito.userPoolId}`;
}

function readPending(storage: PendingStorage): Pending | null {
  const text = storage.getItem(PENDING_KEY);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { state, verifier, nonce } = value as Record<string, unknown>;
    return typeof state === 'string' && typeof verifier === 'string' && typeof nonce === 'string'
      ? { state, verifier, nonce }
      : null;
  } catch {
    return null;
  }
}

const ERROR_CODES: Readonly<Record<string, HostedErrorCode>> = {
  access_denied: 'AccessDenied',
  invalid_grant: 'InvalidGrant',
  invalid_client: 'InvalidClient',
  unauthorized_client: 'UnauthorizedClient',
  invalid_scope: 'UnauthorizedClient',
};

function hostedFailure(failure: unknown): HostedSignInError {
  if (failure instanceof HostedSignInError) return failure;
  if (
    failure instanceof oauth.AuthorizationResponseError ||
    failure instanceof oauth.ResponseBodyError
  ) {
    const description = failure.error_description ?? failure.error;
    return new HostedSignInError(
      ERROR_CODES[failure.error] ?? 'Refused',
      failure.error,
      description,
    );
  }
  if (failure instanceof oauth.OperationProcessingError) {
    // validateAuthResponse reports a missing or foreign `state` as an invalid response.
    const code = /"state"/.test(failure.message)
      ? 'StaleState'
      : failure.code === oauth.JWT_CLAIM_COMPARISON
        ? 'TokenMismatch'
        : 'Refused';
    return new HostedSignInError(code, '', failure.message);
  }
  if (failure instanceof TypeError) {
    return new HostedSignInError('Network', '', failure.message);
  }
  return new HostedSignInError('Refused', '', String(failure));
}
