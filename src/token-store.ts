/**
 * Keeps tokens from a sign-in the library did not make (the hosted sign-in's code grant, the
 * typed client's passwordless sign-in) where `amazon-cognito-identity-js` keeps a session it made
 * itself (SPEC §7's keys), so its `getSession()`, refresh and sign-out work on them unchanged.
 * Written without the library, so the pages that only store tokens do not load it.
 */
import { AuthError } from './auth-errors.ts';
import type { CognitoConfig } from './config.ts';

/** The tokens of a finished sign-in. */
export interface SessionTokens {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** Where the tokens go, and for which app client. */
export interface TokenStoreDeps {
  readonly cognito: Pick<CognitoConfig, 'userPoolClientId'>;
  /** The library's storage; localStorage by default, as the library chooses. */
  readonly storage?: Pick<Storage, 'setItem' | 'getItem' | 'removeItem'>;
  /** Milliseconds since the epoch, for the clock drift the library keeps beside the tokens. */
  readonly now?: () => number;
}

/** The claims of a JWT, not verified: Cognito signed it, and the server checks it on every use. */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof claims === 'object' && claims !== null) return claims as Record<string, unknown>;
  } catch {
    // A token that is not a JWT: reported below like one without the claim.
  }
  return {};
}

function issuedAt(token: string): number {
  const iat = claimsOf(token).iat;
  return typeof iat === 'number' ? iat : 0;
}

/** Stores the tokens under the library's keys and returns the username they belong to. */
export function storeSession(deps: TokenStoreDeps, tokens: SessionTokens): string {
  // The library keys the session by the username the access token names (for a pool that signs
  // in by email, the user's generated username, as after SRP).
  const username = claimsOf(tokens.accessToken).username;
  if (typeof username !== 'string' || username === '') {
    throw new AuthError('UnknownError', 'The access token names no username.');
  }
  const storage = deps.storage ?? localStorage;
  const now = Math.floor((deps.now ?? Date.now)() / 1000);
  // As CognitoUserSession computes it: now minus the older of the two tokens' issue times.
  const clockDrift = now - Math.min(issuedAt(tokens.accessToken), issuedAt(tokens.idToken));
  const prefix = prefixOf(deps);
  storage.setItem(`${prefix}.${username}.idToken`, tokens.idToken);
  storage.setItem(`${prefix}.${username}.accessToken`, tokens.accessToken);
  storage.setItem(`${prefix}.${username}.refreshToken`, tokens.refreshToken);
  storage.setItem(`${prefix}.${username}.clockDrift`, String(clockDrift));
  storage.setItem(`${prefix}.LastAuthUser`, username);
  return username;
}

/** The tokens of an `AuthenticationResult` from Cognito's JSON API (InitiateAuth and the like). */
export interface AuthenticationTokens {
  readonly IdToken: string;
  readonly AccessToken: string;
  readonly RefreshToken?: string;
}

/**
 * Stores the tokens a sign-in through the typed client ended with; returns the username. A
 * first sign-in always carries a refresh token; one without it is refused rather than kept as a
 * session that cannot be renewed.
 */
export function storeAuthenticationResult(
  deps: TokenStoreDeps,
  result: AuthenticationTokens,
): string {
  if (result.RefreshToken === undefined || result.RefreshToken === '') {
    throw new AuthError('UnknownError', 'The sign-in ended without a refresh token.');
  }
  return storeSession(deps, {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
  });
}

const TOKEN_KEYS = ['idToken', 'accessToken', 'refreshToken', 'clockDrift'] as const;

function prefixOf(deps: TokenStoreDeps): string {
  return `CognitoIdentityServiceProvider.${deps.cognito.userPoolClientId}`;
}

/** The session the library would read: the last user's tokens, or null when none is stored. */
export function storedSession(deps: TokenStoreDeps): (SessionTokens & { username: string }) | null {
  const storage = deps.storage ?? localStorage;
  const prefix = prefixOf(deps);
  const username = storage.getItem(`${prefix}.LastAuthUser`);
  if (username === null || username === '') return null;
  const [idToken, accessToken, refreshToken] = TOKEN_KEYS.map((key) =>
    storage.getItem(`${prefix}.${username}.${key}`),
  );
  if (!idToken || !accessToken || !refreshToken) return null;
  return { username, idToken, accessToken, refreshToken };
}

/**
 * Whether the stored ID and access tokens have expired, judged as the library judges them: by the
 * device's clock corrected by the drift it measured at sign-in.
 */
export function sessionExpired(deps: TokenStoreDeps, session: SessionTokens): boolean {
  const storage = deps.storage ?? localStorage;
  const username = claimsOf(session.accessToken).username;
  const drift = Number(storage.getItem(`${prefixOf(deps)}.${String(username)}.clockDrift`)) || 0;
  const now = Math.floor((deps.now ?? Date.now)() / 1000) - drift;
  const expiry = (token: string): number => {
    const exp = claimsOf(token).exp;
    return typeof exp === 'number' ? exp : 0;
  };
  return now >= expiry(session.accessToken) || now >= expiry(session.idToken);
}

/** Forgets the stored session (a refresh token Cognito refused), as the library's sign-out does. */
export function forgetSession(deps: TokenStoreDeps, username: string): void {
  const storage = deps.storage ?? localStorage;
  const prefix = prefixOf(deps);
  for (const key of TOKEN_KEYS) storage.removeItem(`${prefix}.${username}.${key}`);
  storage.removeItem(`${prefix}.LastAuthUser`);
}
