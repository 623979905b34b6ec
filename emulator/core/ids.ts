/** Identifiers and codes from an injected random source. */

import { toBase64Url, toHex } from './bytes.ts';
import type { RandomBytes } from './crypto.ts';

/** A version-4 UUID, the form Cognito uses for `sub`, `jti` and `event_id`. */
export function uuid(random: RandomBytes): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A uniformly drawn n-digit code (rejection sampling, so no digit is favoured). */
export function numericCode(random: RandomBytes, digits = 6): string {
  const range = 10 ** digits;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  for (;;) {
    const [a = 0, b = 0, c = 0, d = 0] = random(4);
    const value = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
    if (value < limit) return String(value % range).padStart(digits, '0');
  }
}

/** An opaque token of `bytes` random bytes, base64url. */
export function opaqueToken(random: RandomBytes, bytes: number): string {
  return toBase64Url(random(bytes));
}

/** A random non-negative integer of `bytes` bytes. */
export function randomInteger(random: RandomBytes, bytes: number): bigint {
  return BigInt(`0x${toHex(random(bytes))}`);
}
