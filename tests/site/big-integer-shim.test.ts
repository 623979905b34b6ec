/**
 * The site swaps amazon-cognito-identity-js's jsbn BigInteger for src/shims/big-integer.ts (native
 * BigInt). SRP only works if every method the library calls answers exactly as jsbn does, so each
 * is held to the library's own module on random operands and on the edges SRP meets: zero,
 * negative values (B − k·g^x is negative about half the time), values at and above N, and
 * hex whose top bit is set (padHex's "00" byte).
 */
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import Jsbn from 'amazon-cognito-identity-js/es/BigInteger.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import BigInteger from '../../src/shims/big-integer.ts';

/** RFC 5054's 3072-bit group, as the library and Cognito use it. */
const N_HEX = new AuthenticationHelper('us-east-1_Shim').padHex(
  new AuthenticationHelper('us-east-1_Shim').N,
);
const N = BigInt(`0x${N_HEX}`);

const hex = (value: bigint) => (value < 0n ? `-${(-value).toString(16)}` : value.toString(16));
const both = (value: bigint) => ({
  ours: new BigInteger(hex(value), 16),
  jsbn: new Jsbn(hex(value), 16),
});

/** Signed integers up to 3200 bits, with zero, ±1, N and its neighbours over-represented. */
const integer = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: -(1n << 3200n), max: 1n << 3200n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: -(1n << 64n), max: 1n << 64n }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0n, 1n, -1n, N, N - 1n, N + 1n, -N, 2n * N, 0x80n, -0x80n),
  },
);

/** Odd moduli, as jsbn's Montgomery reduction needs and SRP's N is. */
const oddModulus = fc.oneof(
  fc.constant(N),
  fc.bigInt({ min: 3n, max: 1n << 512n }).map((m) => m | 1n),
);

const sign = (value: number) => Math.sign(value);

describe('the BigInteger the site gives the Cognito library', () => {
  it('is the one the library actually uses in this test run (and in the browser build)', () => {
    expect(new AuthenticationHelper('us-east-1_Shim').N).toBeInstanceOf(BigInteger);
  });

  it('reads and writes hex as jsbn does: case, leading zeros, a minus sign, separators', () => {
    const text = fc.stringMatching(/^[-\s]{0,2}[0-9a-fA-F :-]{0,120}$/);
    fc.assert(
      fc.property(text, (value) => {
        expect(new BigInteger(value, 16).toString(16)).toBe(new Jsbn(value, 16).toString(16));
      }),
      { numRuns: 500 },
    );
    for (const edge of ['', '-', '0', '-0', '000', 'ff', '-00ff', 'f-f', '--1', ' 1 ']) {
      expect(new BigInteger(edge, 16).toString(16), edge).toBe(new Jsbn(edge, 16).toString(16));
    }
  });

  it('refuses letters past f and radixes other than 16, which the library never sends', () => {
    expect(() => new BigInteger('12g4', 16)).toThrow(/"g" is not a hexadecimal digit/);
    expect(() => new BigInteger('10', 10)).toThrow(/only radix 16/);
    expect(() => BigInteger.ONE.toString(10)).toThrow(/only radix 16/);
  });

  it('adds, subtracts, multiplies, compares and takes absolute values as jsbn does', () => {
    fc.assert(
      fc.property(integer, integer, (x, y) => {
        const a = both(x);
        const b = both(y);
        expect(a.ours.add(b.ours).toString(16)).toBe(a.jsbn.add(b.jsbn).toString(16));
        expect(a.ours.subtract(b.ours).toString(16)).toBe(a.jsbn.subtract(b.jsbn).toString(16));
        expect(a.ours.multiply(b.ours).toString(16)).toBe(a.jsbn.multiply(b.jsbn).toString(16));
        expect(a.ours.abs().toString(16)).toBe(a.jsbn.abs().toString(16));
        expect(sign(a.ours.compareTo(b.ours))).toBe(sign(a.jsbn.compareTo(b.jsbn)));
        expect(a.ours.equals(b.ours)).toBe(a.jsbn.equals(b.jsbn));
        expect(a.ours.equals(both(x).ours)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('takes remainders as jsbn does, negative numbers included, for any modulus', () => {
    const modulus = fc.oneof(
      oddModulus,
      integer.filter((m) => m !== 0n),
    );
    fc.assert(
      fc.property(integer, modulus, (x, m) => {
        expect(both(x).ours.mod(both(m).ours).toString(16)).toBe(
          both(x).jsbn.mod(both(m).jsbn).toString(16),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('raises to powers modulo odd numbers as jsbn does, calling back once with the result', () => {
    const exponent = fc.bigInt({ min: 1n, max: 1n << 1100n });
    fc.assert(
      fc.property(integer, exponent, oddModulus, (x, e, m) => {
        const calls: string[] = [];
        const ours = both(x).ours.modPow(both(e).ours, both(m).ours, (error, result) => {
          expect(error).toBeNull();
          calls.push(result.toString(16));
        });
        const theirs = both(x).jsbn.modPow(both(e).jsbn, both(m).jsbn, () => {});
        expect(ours.toString(16)).toBe(theirs.toString(16));
        expect(calls).toEqual([theirs.toString(16)]);
      }),
      { numRuns: 40 },
    );
  });

  it('raises 3072-bit bases to SRP-sized exponents modulo N as jsbn does', () => {
    const base = fc.bigInt({ min: -(N * 2n), max: N * 2n });
    const exponent = fc.bigInt({ min: 1n, max: 1n << 1024n });
    fc.assert(
      fc.property(base, exponent, (x, e) => {
        const nOurs = new BigInteger(N_HEX, 16);
        const nJsbn = new Jsbn(N_HEX, 16);
        expect(
          both(x)
            .ours.modPow(both(e).ours, nOurs, () => {})
            .toString(16),
        ).toBe(
          both(x)
            .jsbn.modPow(both(e).jsbn, nJsbn, () => {})
            .toString(16),
        );
      }),
      { numRuns: 12 },
    );
  });

  it('calls back for a zero exponent too, where jsbn returns 1 and never calls back', () => {
    const calls: string[] = [];
    const result = both(12345n).ours.modPow(BigInteger.ZERO, both(N).ours, (_, value) =>
      calls.push(value.toString(16)),
    );
    expect(result.toString(16)).toBe(
      new Jsbn('3039', 16).modPow(Jsbn.ZERO, new Jsbn(N_HEX, 16), () => {}).toString(16),
    );
    expect(calls).toEqual(['1']);
  });

  it('refuses a negative exponent or a modulus below 1 instead of computing nonsense', () => {
    expect(() => BigInteger.ONE.modPow(both(-3n).ours, both(N).ours, () => {})).toThrow(
      /exponent ≥ 0/,
    );
    expect(() => BigInteger.ONE.modPow(BigInteger.ONE, BigInteger.ZERO, () => {})).toThrow(
      /modulus ≥ 1/,
    );
  });

  it("gives the library's padHex Java's two's-complement bytes for every value", () => {
    const helper = new AuthenticationHelper('us-east-1_Shim');
    // Java's BigInteger.toByteArray(): the fewest bytes that hold the value and a sign bit.
    const javaBytes = (value: bigint): string => {
      let bytes = 1;
      while (value < -(1n << BigInt(8 * bytes - 1)) || value >= 1n << BigInt(8 * bytes - 1)) {
        bytes += 1;
      }
      const twos = value < 0n ? (1n << BigInt(8 * bytes)) + value : value;
      return twos.toString(16).padStart(2 * bytes, '0');
    };
    fc.assert(
      fc.property(integer, (x) => {
        expect(helper.padHex(both(x).ours).toLowerCase()).toBe(javaBytes(x));
      }),
      { numRuns: 300 },
    );
  });
});
