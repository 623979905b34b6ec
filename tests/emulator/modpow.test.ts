import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigintModPow, N } from '../../emulator/core/srp.ts';
import { opensslModPow } from '../../emulator/node/modpow.ts';

describe('OpenSSL modexp for SRP', () => {
  it.each([
    ['N - 2 (outside the prime-order subgroup)', N - 2n],
    ['5 (outside the prime-order subgroup)', 5n],
    ['7 (outside the prime-order subgroup)', 7n],
    ['3 (inside it)', 3n],
    ['0', 0n],
    ['1', 1n],
    ['N - 1', N - 1n],
    ['N', N],
  ])(
    'gives BigInt’s answer for the base %s, which some OpenSSL versions refuse as a key',
    (_, base) => {
      const exponent = 0x1234567890abcdef1234567890abcdefn;
      expect(opensslModPow()(base, exponent, N)).toBe(bigintModPow(base, exponent, N));
    },
  );

  it('gives BigInt’s answer for random 3072-bit bases and 256-bit exponents', () => {
    const modPow = opensslModPow();
    const bigint = (bytes: number) =>
      fc
        .uint8Array({ minLength: bytes, maxLength: bytes })
        .map((array) => BigInt(`0x${Buffer.from(array).toString('hex') || '0'}`));
    fc.assert(
      fc.property(bigint(384), bigint(32), (base, exponent) => {
        expect(modPow(base, exponent, N)).toBe(bigintModPow(base % N, exponent, N));
      }),
      { numRuns: 40 },
    );
  });
});
