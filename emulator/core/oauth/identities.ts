/** The `identities` claim of a federated user's ID token. */

import type { Json } from '../input.ts';

/**
 * The `identities` attribute (a JSON string) as the ID token carries it: a list of objects whose
 * values are strings (`"primary": "true"`, `dateCreated` in ms as a string) and `issuer` null, as
 * Cognito writes them; anything unreadable stays the string it was.
 */
export function identitiesClaim(attribute: string): Json[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(attribute);
  } catch {
    return attribute;
  }
  if (!Array.isArray(parsed)) return attribute;
  return parsed.map((identity: unknown) => {
    const out: Json = {};
    if (typeof identity !== 'object' || identity === null) return out;
    for (const [key, value] of Object.entries(identity)) {
      out[key] = value === null || typeof value === 'string' ? value : String(value);
    }
    return out;
  });
}
