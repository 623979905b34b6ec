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
function publicJwk(key: SigningKey): Json {
  return {
    alg: 'RS256',
    e: key.publicJwk.e,
    kid: key.kid,
    kty: 'RSA',
    n: key.publicJwk.n,
    use: 'sig',
  };
}

/** Which kind of token a key signs. */
export type TokenUse = 'id' | 'access';

/** A pool's two signing keys: Cognito signs ID and access tokens with different keys. */
export type PoolKeys = Record<TokenUse, SigningKey>;

/**
 * The pool's JWKS: both keys, the access-token key first, so that a verifier which takes
 * `keys[0]` instead of matching the token's `kid` fails on ID tokens here as it does against
 * Cognito, whose JWKS also lists two keys.
 */
export function publicJwks(keys: PoolKeys): Json {
  return { keys: [publicJwk(keys.access), publicJwk(keys.id)] };
}

/** Why a token was refused; callers turn each into Cognito's wording. */
export type TokenProblem = 'malformed' | 'signature' | 'expired';

/** Signs and verifies JWTs with one pool's two keys, importing each CryptoKey once. */
export class TokenSigner {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(readonly keys: PoolKeys) {}

  private cryptoKey(use: TokenUse, usage: 'sign' | 'verify'): Promise<CryptoKey> {
    const cacheKey = `${use} ${usage}`;
    let key = this.imported.get(cacheKey);
    if (!key) {
      const jwk = usage === 'sign' ? this.keys[use].privateJwk : this.keys[use].publicJwk;
      key = subtle.importKey('jwk', jwk, ALGORITHM, false, [usage]);
      this.imported.set(cacheKey, key);
    }
    return key;
  }

  /** A compact JWS of the claims, signed with the key for this kind of token. */
  async sign(claims: Json, use: TokenUse): Promise<string> {
    const key = this.keys[use];
    const header = toBase64Url(utf8(JSON.stringify({ kid: key.kid, alg: 'RS256' })));
    const payload = toBase64Url(utf8(JSON.stringify(claims)));
    const signingInput = `${header}.${payload}`;
    const signature = await subtle.sign(
      ALGORITHM,
      await this.cryptoKey(use, 'sign'),
      utf8(signingInput) as BufferSource,
    );
    return `${signingInput}.${toBase64Url(new Uint8Array(signature))}`;
  }

  /**
   * The claims of a token one of the pool's keys signed, or why not: the key is the one the
   * header's `kid` names, as a JWKS verifier picks it. Only RS256 is accepted.
   */
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
    const use = (['id', 'access'] as const).find((u) => this.keys[u].kid === header.kid);
    if (header.alg !== 'RS256' || use === undefined) return 'signature';
    const valid = await subtle.verify(
      ALGORITHM,
      await this.cryptoKey(use, 'verify'),
      signature as BufferSource,
      utf8(`${headerPart}.${payloadPart}`) as BufferSource,
    );
    if (!valid) return 'signature';
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return 'expired';
    return claims;
  }
}
