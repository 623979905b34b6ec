/** RS256 JSON Web Tokens over Web Crypto: the pool's key pair, signing, verifying and the JWKS. */

import { fromBase64, fromUtf8, toBase64Url, utf8 } from './bytes.ts';
import { sha256 } from './crypto.ts';
import { isJsonObject, type Json } from './input.ts';

const subtle = globalThis.crypto.subtle;
const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** A pool's signing key pair as JWKs, kept with the pool's data so tokens survive restarts. */
export interface SigningKey {
  kid: string;
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
}

/** Makes a new 2048-bit RSA key pair, its `kid` derived from the public modulus. */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = await subtle.generateKey(
    { ...ALGORITHM, modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) },
    true,
    ['sign', 'verify'],
  );
  const privateJwk = await subtle.exportKey('jwk', pair.privateKey);
  const publicJwk = await subtle.exportKey('jwk', pair.publicKey);
  const kid = toBase64Url(await sha256(utf8(publicJwk.n ?? ''))).slice(0, 43);
  return { kid, privateJwk, publicJwk };
}

/** The JWKS entry of a key, as Cognito publishes it. */
export function publicJwk(key: SigningKey): Json {
  return {
    alg: 'RS256',
    e: key.publicJwk.e,
    kid: key.kid,
    kty: 'RSA',
    n: key.publicJwk.n,
    use: 'sig',
  };
}

/** Why a token was refused; callers turn each into Cognito's wording. */
export type TokenProblem = 'malformed' | 'signature' | 'expired';

/** Signs and verifies JWTs with one pool's key, importing the CryptoKeys once. */
export class TokenSigner {
  private privateKey: Promise<CryptoKey> | null = null;
  private publicKey: Promise<CryptoKey> | null = null;

  constructor(readonly key: SigningKey) {}

  /** A compact JWS of the claims. */
  async sign(claims: Json): Promise<string> {
    this.privateKey ??= subtle.importKey('jwk', this.key.privateJwk, ALGORITHM, false, ['sign']);
    const header = toBase64Url(utf8(JSON.stringify({ kid: this.key.kid, alg: 'RS256' })));
    const payload = toBase64Url(utf8(JSON.stringify(claims)));
    const signingInput = `${header}.${payload}`;
    const signature = await subtle.sign(
      ALGORITHM,
      await this.privateKey,
      utf8(signingInput) as BufferSource,
    );
    return `${signingInput}.${toBase64Url(new Uint8Array(signature))}`;
  }

  /** The claims of a token this key signed, or why not. Only RS256 with our `kid` is accepted. */
  async verify(token: string, nowSeconds: number): Promise<Json | TokenProblem> {
    const parts = token.split('.');
    if (parts.length !== 3) return 'malformed';
    const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
    let header: unknown;
    let claims: unknown;
    let signature: Uint8Array;
    try {
      header = JSON.parse(fromUtf8(fromBase64(headerPart)));
      claims = JSON.parse(fromUtf8(fromBase64(payloadPart)));
      signature = fromBase64(signaturePart);
    } catch {
      return 'malformed';
    }
    if (!isJsonObject(header) || !isJsonObject(claims)) return 'malformed';
    if (header.alg !== 'RS256' || header.kid !== this.key.kid) return 'signature';
    this.publicKey ??= subtle.importKey('jwk', this.key.publicJwk, ALGORITHM, false, ['verify']);
    const valid = await subtle.verify(
      ALGORITHM,
      await this.publicKey,
      signature as BufferSource,
      utf8(`${headerPart}.${payloadPart}`) as BufferSource,
    );
    if (!valid) return 'signature';
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return 'expired';
    return claims;
  }
}
