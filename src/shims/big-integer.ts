/**
 * amazon-cognito-identity-js's `BigInteger` (a port of Tom Wu's jsbn) on the engine's native
 * `BigInt`: exactly what the library calls — `new BigInteger(hex, 16)`, `toString(16)`, `abs`,
 * `compareTo`, `equals`, `add`, `subtract`, `multiply`, `mod`, the callback-style `modPow`, and
 * `ZERO` / `ONE`. SRP's three 3072-bit modular exponentiations are most of a sign-in's wait, and
 * the engine's multiplication does them about eight times faster than jsbn's 28-bit words.
 * tests/site/big-integer-shim.test.ts holds every method to the library's own.
 */

/** What jsbn's digit table knows beyond hex: letters it would read as digits 16–35. */
const NOT_HEX_LETTER = /[g-z]/i;
const HEX_DIGIT = /[0-9a-f]/i;

/**
 * Reads hex as jsbn does: characters outside 0–9, a–z, A–Z are skipped, and a `-` anywhere before
 * the first digit makes the number negative. jsbn reads the letters g–z as digits 16–35, which
 * corrupts the number; the library never passes them, and here they are an error.
 */
function parseHex(text: string): bigint {
  let digits = '';
  let negative = false;
  for (const char of text) {
    if (HEX_DIGIT.test(char)) digits += char;
    else if (NOT_HEX_LETTER.test(char)) {
      throw new RangeError(`BigInteger: "${char}" is not a hexadecimal digit`);
    } else if (char === '-' && digits === '') negative = true;
  }
  const magnitude = digits === '' ? 0n : BigInt(`0x${digits}`);
  return negative ? -magnitude : magnitude;
}

function onlyHex(radix: number | undefined): void {
  // The library only ever speaks hex; jsbn's other radixes (2, 4, 8, 32) are not carried over.
  if (radix !== 16) throw new RangeError(`BigInteger: only radix 16 is supported, not ${radix}`);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Window width for an exponent of this many bits, as jsbn chooses it (capped at 5 here). */
function windowBits(bits: number): number {
  if (bits < 18) return 1;
  if (bits < 48) return 3;
  if (bits < 144) return 4;
  return 5;
}

/** `base ^ exponent mod modulus` for exponent ≥ 0 and modulus > 0, fixed-window, left to right. */
function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let reduced = base % modulus;
  if (reduced < 0n) reduced += modulus;
  const bits = exponent.toString(2);
  const width = windowBits(bits.length);
  const powers: bigint[] = [1n, reduced];
  for (let i = 2; i < 1 << width; i += 1) powers.push(((powers[i - 1] ?? 1n) * reduced) % modulus);
  const padded = bits.padStart(Math.ceil(bits.length / width) * width, '0');
  let result = 1n;
  for (let at = 0; at < padded.length; at += width) {
    if (at > 0) for (let i = 0; i < width; i += 1) result = (result * result) % modulus;
    const digit = Number.parseInt(padded.slice(at, at + width), 2);
    if (digit !== 0) result = (result * (powers[digit] ?? 1n)) % modulus;
  }
  return result;
}

/** An arbitrary-precision integer with the interface amazon-cognito-identity-js uses. */
export default class BigInteger {
  static readonly ZERO = new BigInteger(0n);
  static readonly ONE = new BigInteger(1n);

  private readonly value: bigint;

  /** `new BigInteger(hex, 16)`, as the library writes it, or a native bigint as it is. */
  constructor(value: string | bigint, radix = 16) {
    onlyHex(radix);
    this.value = typeof value === 'bigint' ? value : parseHex(value);
  }

  /** Lowercase hex without leading zeros, `-` before a negative number, `0` for zero. */
  toString(radix?: number): string {
    onlyHex(radix);
    return this.value.toString(16);
  }

  /** |this|. */
  abs(): BigInteger {
    return this.value < 0n ? new BigInteger(-this.value) : this;
  }

  /** Negative, zero or positive as this is below, equal to or above `other`. */
  compareTo(other: BigInteger): number {
    return this.value < other.value ? -1 : this.value > other.value ? 1 : 0;
  }

  /** Whether both are the same number. */
  equals(other: BigInteger): boolean {
    return this.value === other.value;
  }

  /** this + other. */
  add(other: BigInteger): BigInteger {
    return new BigInteger(this.value + other.value);
  }

  /** this − other. */
  subtract(other: BigInteger): BigInteger {
    return new BigInteger(this.value - other.value);
  }

  /** this × other. */
  multiply(other: BigInteger): BigInteger {
    return new BigInteger(this.value * other.value);
  }

  /**
   * jsbn's remainder: |this| mod |m|, then m minus that when this is negative and it is not zero —
   * for the library's positive moduli, the representative in [0, m).
   */
  mod(m: BigInteger): BigInteger {
    const remainder = abs(this.value) % abs(m.value);
    return new BigInteger(this.value < 0n && remainder > 0n ? m.value - remainder : remainder);
  }

  /**
   * `this ^ e mod m`, in [0, m), handed to `callback` at once and returned. jsbn returns 1 for a
   * zero exponent without calling back (a sign-in would wait forever); this calls back every time.
   * The library passes positive exponents and odd moduli (jsbn's Montgomery form needs them odd);
   * a negative exponent or a modulus below 1 is an error here.
   */
  modPow(
    e: BigInteger,
    m: BigInteger,
    callback: (error: Error | null, result: BigInteger) => void,
  ): BigInteger {
    if (e.value < 0n) throw new RangeError('BigInteger: modPow needs an exponent ≥ 0');
    if (m.value < 1n) throw new RangeError('BigInteger: modPow needs a modulus ≥ 1');
    const result = new BigInteger(modPow(this.value, e.value, m.value));
    callback(null, result);
    return result;
  }
}
