/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1 over the
 * 30-second step number, six digits. The secret travels as base32 (RFC 4648), the form apps read
 * from an `otpauth://` link.
 */

import { timingSafeEqual, utf8 } from './bytes.ts';
import { hmacSha1, type RandomBytes } from './crypto.ts';

const STEP_SECONDS = 30;
const DIGITS = 6;
/** Steps either side of now still accepted, for a phone's clock that is a little off. */
const DRIFT_STEPS = 1;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A new shared secret: 160 bits (RFC 4226's recommended length), 32 base32 characters, the
 * length of the SecretCode Cognito's AssociateSoftwareToken returns.
 */
export function newTotpSecret(randomBytes: RandomBytes): string {
  return toBase32(randomBytes(20));
}

/** The step number of a time in milliseconds. */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

/**
 * The step within one step of `now` whose code `code` is, if any, and later than `lastUsedStep`:
 * each step's code is accepted once, so a code seen over someone's shoulder cannot be replayed.
 */
export async function matchingStep(
  secret: string,
  code: string,
  now: number,
  lastUsedStep: number,
): Promise<number | undefined> {
  if (!/^[0-9]{6}$/.test(code)) return undefined;
  const key = fromBase32(secret);
  const current = totpStep(now);
  let found: number | undefined;
  // Every candidate is computed, so the answer takes as long whichever step matched.
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    const expected = await totpCode(key, step);
    if (timingSafeEqual(utf8(expected), utf8(code)) && step > lastUsedStep && found === undefined) {
      found = step;
    }
  }
  return found;
}

/** The code of one step (RFC 4226's HOTP with the step as counter). */
async function totpCode(key: Uint8Array, step: number): Promise<string> {
  const counter = new Uint8Array(8);
  new DataView(counter.buffer).setBigUint64(0, BigInt(step));
  const mac = await hmacSha1(key, counter);
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = new DataView(mac.buffer, mac.byteOffset + offset, 4).getUint32(0) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(value >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) throw new Error('invalid base32');
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
