/**
 * SRP-6a as Cognito User Pools speak it (RFC 5054 3072-bit group, g = 2, H = SHA-256), checked
 * against amazon-cognito-identity-js. Every hash input is built from `padHex` of integers, never
 * from the strings a client sent.
 */

import { concat, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.ts';
import { hmacSha256, sha256 } from './crypto.ts';

/** Modular exponentiation; the Node adapter swaps in OpenSSL's, the default is plain BigInt. */
export type ModPow = (base: bigint, exponent: bigint, modulus: bigint) => bigint;

type Bytes = Uint8Array | Promise<Uint8Array>;

/** The primitives SRP is made of, injectable so Node can use its faster native ones. */
export interface SrpMath {
  modPow: ModPow;
  sha256(data: Uint8Array): Bytes;
  hmacSha256(key: Uint8Array, data: Uint8Array): Bytes;
}

export const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Square-and-multiply over BigInt: portable, about 7 ms for a 256-bit exponent mod N. */
export const bigintModPow: ModPow = (base, exponent, modulus) => {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
};

/** Portable SRP math: BigInt and Web Crypto. */
export const portableMath: SrpMath = { modPow: bigintModPow, sha256, hmacSha256 };

/** Hex of a non-negative integer, even length, with `00` in front when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

/** The integer of a hex string (the form clients send SRP_A and servers send SRP_B in). */
export function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

/** Integer from a SHA-256 over the bytes of padded hex strings. */
async function hashHex(math: SrpMath, ...hexParts: string[]): Promise<bigint> {
  const digest = await math.sha256(fromHex(hexParts.join('')));
  return BigInt(`0x${toHex(digest)}`);
}

let k: bigint | undefined;

/** The multiplier k = H(N ‖ g), computed once. */
export async function multiplierK(math: SrpMath): Promise<bigint> {
  k ??= await hashHex(math, padHex(N), padHex(g));
  return k;
}

/** Private key x = H(salt ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)). */
export async function privateKeyX(
  math: SrpMath,
  poolName: string,
  userIdForSrp: string,
  password: string,
  salt: bigint,
): Promise<bigint> {
  const inner = await math.sha256(utf8(`${poolName}${userIdForSrp}:${password}`));
  return hashHex(math, padHex(salt), toHex(inner));
}

/** Verifier v = g^x mod N, what the emulator stores instead of a password. */
export async function computeVerifier(
  math: SrpMath,
  poolName: string,
  userIdForSrp: string,
  password: string,
  salt: bigint,
): Promise<bigint> {
  return math.modPow(g, await privateKeyX(math, poolName, userIdForSrp, password, salt), N);
}

/** Scrambling parameter u = H(A ‖ B), from the integers. */
export function scramblingU(math: SrpMath, A: bigint, B: bigint): Promise<bigint> {
  return hashHex(math, padHex(A), padHex(B));
}

/** Server's public value B = (k·v + g^b) mod N. */
export async function serverPublicB(math: SrpMath, v: bigint, b: bigint): Promise<bigint> {
  return ((await multiplierK(math)) * v + math.modPow(g, b, N)) % N;
}

/** Server's premaster secret S = (A·v^u)^b mod N. */
export function serverSecretS(math: SrpMath, A: bigint, v: bigint, u: bigint, b: bigint): bigint {
  return math.modPow((A * math.modPow(v, u, N)) % N, b, N);
}

/** Client's premaster secret S = (B − k·g^x)^(a + u·x) mod N (the load generator's side). */
export async function clientSecretS(
  math: SrpMath,
  B: bigint,
  x: bigint,
  u: bigint,
  a: bigint,
  gx: bigint = math.modPow(g, x, N),
): Promise<bigint> {
  const k = await multiplierK(math);
  const base = (((B - k * gx) % N) + N) % N;
  return math.modPow(base, a + u * x, N);
}

/**
 * The 16-byte password-authentication key both sides derive from S and u: HKDF-SHA256 with
 * salt padHex(u), input padHex(S) and info "Caldera Derived Key" (one block is enough).
 */
export async function authenticationKey(math: SrpMath, S: bigint, u: bigint): Promise<Uint8Array> {
  const prk = await math.hmacSha256(fromHex(padHex(u)), fromHex(padHex(S)));
  const okm = await math.hmacSha256(prk, concat(utf8('Caldera Derived Key'), Uint8Array.of(1)));
  return okm.slice(0, 16);
}

/** PASSWORD_CLAIM_SIGNATURE = base64(HMAC(key, poolName ‖ userIdForSrp ‖ secretBlock ‖ timestamp)). */
export async function claimSignature(
  math: SrpMath,
  key: Uint8Array,
  poolName: string,
  userIdForSrp: string,
  secretBlockBase64: string,
  timestamp: string,
): Promise<string> {
  const message = concat(
    utf8(poolName),
    utf8(userIdForSrp),
    fromBase64(secretBlockBase64),
    utf8(timestamp),
  );
  return toBase64(await math.hmacSha256(key, message));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cognito's SRP TIMESTAMP, `ddd MMM D HH:mm:ss UTC YYYY` (day of month not zero-padded). */
export function srpTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ${two(
    date.getUTCHours(),
  )}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

const TIMESTAMP_PATTERN =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;

/** Whether a string has the shape of an SRP TIMESTAMP. */
export function isSrpTimestamp(text: string): boolean {
  return TIMESTAMP_PATTERN.test(text);
}
