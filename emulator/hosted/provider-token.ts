/**
 * Cognito's side of the code exchange with an external provider: the provider's ID token checked
 * for real with `jose` — signature against the provider's JWKS, issuer, audience (the provider's
 * client id in the pool), expiry and the nonce sent with the sign-in — before any claim is used.
 */

import { createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';

/** What the provider's ID token must show. */
export interface ExpectedIdToken {
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  nonce: string;
  /** The emulator's clock (ms), so a frozen clock judges expiry. */
  now: number;
}

/** The claims of a verified ID token; throws when any check fails. */
export async function verifyProviderIdToken(
  idToken: string,
  expected: ExpectedIdToken,
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(idToken, createLocalJWKSet(expected.jwks), {
    issuer: expected.issuer,
    audience: expected.audience,
    algorithms: ['RS256'],
    currentDate: new Date(expected.now),
    requiredClaims: ['sub', 'exp', 'iat'],
  });
  if (payload.nonce !== expected.nonce) throw new Error('the ID token carries another nonce');
  return payload;
}
