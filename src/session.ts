/**
 * Whether someone is signed in, read cheaply from where amazon-cognito-identity-js keeps its
 * session (localStorage), so pages that do not load the library can still offer the ride page.
 * Only the ID token's expiry and email are read; the token itself never leaves this module.
 */
import type { ConfigResult } from './config.ts';
import { siteConfig } from './site-config.ts';

/** Where the session is read; localStorage by default. */
export type SessionStorage = Pick<Storage, 'getItem'>;

/** A signed-in session as far as the stored ID token tells. */
export interface StoredSession {
  /** The token's `email` claim; '' when it has none. */
  readonly email: string;
}

/** What `storedSession` needs. */
export interface StoredSessionDeps {
  /** The user pool app client the library keyed its storage by. */
  readonly clientId: string;
  readonly storage?: SessionStorage | null;
  /** The clock, in milliseconds since the epoch. */
  readonly now?: () => number;
}

/**
 * The signed-in session the library left in storage, or null when there is none or its ID token
 * has expired (the ride page would then refresh it, but an offer must not promise what may fail).
 */
export function storedSession({
  clientId,
  storage = browserStorage(),
  now = Date.now,
}: StoredSessionDeps): StoredSession | null {
  // The library's own keys: CognitoIdentityServiceProvider.<client>.LastAuthUser names the user,
  // and CognitoIdentityServiceProvider.<client>.<user>.idToken holds that user's ID token.
  const prefix = `CognitoIdentityServiceProvider.${clientId}`;
  const user = read(storage, `${prefix}.LastAuthUser`);
  if (user === null || user === '') return null;
  const claims = payloadOf(read(storage, `${prefix}.${user}.idToken`));
  if (claims === null || typeof claims.exp !== 'number') return null;
  if (claims.exp * 1000 <= now()) return null;
  return { email: typeof claims.email === 'string' ? claims.email : '' };
}

function read(storage: SessionStorage | null, key: string): string | null {
  // Reading storage throws where it is blocked (privacy settings, sandboxed frames).
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function payloadOf(token: string | null): Readonly<Record<string, unknown>> | null {
  const payload = token?.split('.')[1];
  if (payload === undefined) return null;
  try {
    const json: unknown = JSON.parse(decodeBase64Url(payload));
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Readonly<Record<string, unknown>>)
      : null;
  } catch {
    return null;
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

function browserStorage(): SessionStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The session stored for this build's app client; null when the site has no valid configuration. */
export function siteSession(config: ConfigResult = siteConfig): StoredSession | null {
  return config.ok ? storedSession({ clientId: config.config.cognito.userPoolClientId }) : null;
}
