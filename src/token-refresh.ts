/**
 * Refreshes the stored session through `GetTokensFromRefreshToken` rather than the library's
 * `REFRESH_TOKEN_AUTH`: it works on every app client, including those that rotate refresh tokens,
 * which refuse `REFRESH_TOKEN_AUTH` ("Refresh token rotation must be completed with
 * GetTokensFromRefreshToken", https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html);
 * and a refused refresh token fails at once, where the library retries for about six seconds.
 * The new tokens (and the new refresh token, when one comes) go back where the library reads them.
 */
import { AuthError } from './auth-errors.ts';
import {
  type AuthenticationResult,
  type CognitoCall,
  createCognitoClient,
} from './cognito-client.ts';
import type { CognitoConfig } from './config.ts';
import {
  forgetSession,
  sessionExpired,
  storedSession,
  storeSession,
  type TokenStoreDeps,
} from './token-store.ts';

/** What a refresh needs: the app client, the library's storage, and how to call Cognito. */
export interface RefreshDeps extends TokenStoreDeps {
  readonly cognito: CognitoConfig;
  readonly call?: CognitoCall;
}

/**
 * When the stored tokens have expired, exchanges the stored refresh token for new ones and
 * stores them, so the library finds a fresh session and never sends its own refresh. A refresh
 * token Cognito refuses (revoked, expired, past its rotation grace period) is forgotten, and the
 * refusal rejects as an `AuthError`.
 */
export async function refreshStoredSession(deps: RefreshDeps): Promise<void> {
  const session = storedSession(deps);
  if (session === null || !sessionExpired(deps, session)) return;
  const call = deps.call ?? createCognitoClient({ cognito: deps.cognito }).call;
  let result: AuthenticationResult;
  try {
    ({ AuthenticationResult: result } = await call('GetTokensFromRefreshToken', {
      RefreshToken: session.refreshToken,
    }));
  } catch (failure) {
    if (failure instanceof AuthError && failure.code === 'NotAuthorizedException') {
      forgetSession(deps, session.username);
    }
    throw failure;
  }
  storeSession(deps, {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    // Without rotation Cognito sends no refresh token: the old one stays valid.
    refreshToken: result.RefreshToken ?? session.refreshToken,
  });
}
