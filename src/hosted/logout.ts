/**
 * Whether the stored session came from hosted sign-in, and the user pool domain's `/logout` URL
 * that ends the domain's own session too. Apart from session.ts, which every page loads, because
 * only the callback and ride pages need it.
 */
import type { ConfigResult } from '../config.ts';
import { siteConfig } from '../site-config.ts';

/** Where the hosted-session mark is kept; localStorage by default, beside the library's session. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const hostedMarkKey = (clientId: string): string => `wildrydes.hostedSession.${clientId}`;

/**
 * Notes that the stored session came from hosted sign-in: the user pool domain then also keeps a
 * managed-login session (a cookie of its own), which only its `/logout` ends.
 */
export function markHostedSession(
  clientId: string,
  storage: MarkStorage | null = markStorage(),
): void {
  try {
    storage?.setItem(hostedMarkKey(clientId), '1');
  } catch {
    // Without storage the domain's session simply outlives this one, as it would on another tab.
  }
}

/**
 * The domain's `/logout` URL when the session being signed out came from hosted sign-in (and
 * forgets that it did); null otherwise, or when the site has no hosted sign-in.
 */
export function hostedLogoutUrl(
  config: ConfigResult = siteConfig,
  storage: MarkStorage | null = markStorage(),
): string | null {
  if (!config.ok || config.config.hosted === null) return null;
  const clientId = config.config.cognito.userPoolClientId;
  try {
    if (storage?.getItem(hostedMarkKey(clientId)) !== '1') return null;
    storage.removeItem(hostedMarkKey(clientId));
  } catch {
    return null;
  }
  const { domain, signOutUri } = config.config.hosted;
  const query = new URLSearchParams({ client_id: clientId, logout_uri: signOutUri });
  return `${domain}/logout?${query}`;
}

function markStorage(): MarkStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
