/** Web Crypto primitives the emulator needs, async because Web Crypto is. */

import { concat, utf8 } from './bytes.ts';

const subtle = globalThis.crypto.subtle;

/** SHA-256 of bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', data as BufferSource));
}

/** HMAC-SHA256 of data under key. */
export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

/** HKDF-SHA256 reduced to the one-block case Cognito's SRP uses (output ≤ 32 bytes). */
export async function hkdfSha256(
  salt: Uint8Array,
  ikm: Uint8Array,
  info: string,
  length: number,
): Promise<Uint8Array> {
  const prk = await hmacSha256(salt, ikm);
  const okm = await hmacSha256(prk, concat(utf8(info), Uint8Array.of(1)));
  return okm.slice(0, length);
}

/** Source of cryptographically strong random bytes; injectable so tests can pin it. */
export type RandomBytes = (length: number) => Uint8Array;

/** Random bytes from Web Crypto. */
export const webRandomBytes: RandomBytes = (length) => {
  const out = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call.
  for (let offset = 0; offset < length; offset += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65536)));
  }
  return out;
};
