/**
 * Tokens the emulator issued, read and tampered with from the outside, as an attacker (or an
 * unwary API) would: every copy keeps enough of the original to look real.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The claims of a JWT, unverified (tests read what the emulator has signed). */
export function claimsOf(token: string): Record<string, unknown> {
  return decodePart(token.split('.')[1]);
}

/** The same token with some claims changed, keeping the original header and signature. */
export function withClaims(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  return [header, encodePart({ ...decodePart(payload), ...changes }), signature].join('.');
}

/** The same claims under `alg: none` and no signature. */
export function unsignedCopy(token: string): string {
  return `${encodePart({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`;
}

/**
 * The same claims and `kid`, signed with a stranger's RSA key; with `keyInHeader`, the
 * stranger's public key rides along in the header (`jwk`), for verifiers that trust it.
 */
export async function forgedCopy(token: string, { keyInHeader = false } = {}): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = String(decodePart(token.split('.')[0]).kid);
  return new SignJWT(claimsOf(token))
    .setProtectedHeader({
      alg: 'RS256',
      kid,
      ...(keyInHeader ? { jwk: await exportJWK(publicKey) } : {}),
    })
    .sign(privateKey);
}
