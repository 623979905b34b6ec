/**
 * The browser build swaps @aws-crypto/sha256-js for src/shims/sha256.ts inside
 * amazon-cognito-identity-js; SRP's hashes and HMACs must come out exactly as Node's crypto has them.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../src/shims/sha256.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const data = fc.uint8Array({ maxLength: 300 });

function fed(hash: Sha256, pieces: readonly (Uint8Array | string)[]): string {
  for (const piece of pieces) hash.update(piece);
  return hex(hash.digestSync());
}

describe('the SHA-256 the browser build gives the Cognito library', () => {
  it('hashes the FIPS 180-4 examples', () => {
    expect(fed(new Sha256(), ['abc'])).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(fed(new Sha256(), [''])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes any bytes, fed in any pieces, as Node does', () => {
    fc.assert(
      fc.property(fc.array(data, { maxLength: 6 }), (pieces) => {
        const node = createHash('sha256');
        for (const piece of pieces) node.update(piece);
        expect(fed(new Sha256(), pieces)).toBe(node.digest('hex'));
      }),
    );
  });

  it('hashes strings as their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (text) => {
        expect(fed(new Sha256(), [text])).toBe(
          createHash('sha256').update(text, 'utf8').digest('hex'),
        );
      }),
    );
  });

  it('computes HMAC-SHA256 for keys shorter and longer than a block, as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), data, (key, message) => {
        expect(fed(new Sha256(key), [message])).toBe(
          createHmac('sha256', key).update(message).digest('hex'),
        );
      }),
    );
  });

  it('reads a view into a larger buffer only where it points', () => {
    const backing = Uint8Array.from({ length: 100 }, (_, i) => i);
    const view = backing.subarray(10, 50);
    expect(fed(new Sha256(), [view])).toBe(createHash('sha256').update(view).digest('hex'));
  });
});
