/** Web Crypto primitives the emulator needs, async because Web Crypto is. */

const subtle = globalThis.crypto.subtle;

/** SHA-256 of bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', data as BufferSource));
}

/** HMAC-SHA256 of data under key. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return hmac('SHA-256', key, data);
}

/** HMAC-SHA1 of data under key (RFC 6238's TOTP, as authenticator apps compute it). */
export function hmacSha1(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return hmac('SHA-1', key, data);
}

async function hmac(
  hash: 'SHA-256' | 'SHA-1',
  key: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const cryptoKey = await subtle.importKey(
    'raw',
    key as BufferSource,
    { name: 'HMAC', hash },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as BufferSource));
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
