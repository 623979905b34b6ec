/**
 * The library's SRP math with its own BigInteger (jsbn) and with the site's shim on native
 * BigInt: the three modular exponentiations of one sign-in, written as AuthenticationHelper
 * writes them (`g^a`, `g^x`, `(B − k·g^x)^(a + u·x)`, all mod the 3072-bit N).
 */

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import BigInteger from '../src/shims/big-integer.ts';

/** The methods both classes share, as the library calls them. */
interface Big {
  add(other: Big): Big;
  subtract(other: Big): Big;
  multiply(other: Big): Big;
  mod(m: Big): Big;
  modPow(e: Big, m: Big, callback: (error: Error | null, result: Big) => void): Big;
  toString(radix: number): string;
}

type BigClass = new (hex: string, radix: number) => Big;

// The library's CommonJS build holds the same jsbn code as the ES build browsers used to get.
const Jsbn = (
  createRequire(import.meta.url)('amazon-cognito-identity-js/lib/BigInteger.js') as {
    default: BigClass;
  }
).default;

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One sign-in's client math with `Big`; returns S as hex so both classes can be compared. */
function signInMath(
  Big: BigClass,
  input: { a: string; x: string; u: string; B: string; k: string },
) {
  const N = new Big(N_HEX, 16);
  const g = new Big('2', 16);
  const a = new Big(input.a, 16);
  const x = new Big(input.x, 16);
  let S = '';
  g.modPow(a, N, () => {});
  g.modPow(x, N, (_, gx) => {
    const base = new Big(input.B, 16).subtract(new Big(input.k, 16).multiply(gx));
    base.modPow(a.add(new Big(input.u, 16).multiply(x)), N, (__, result) => {
      S = result.mod(N).toString(16);
    });
  });
  return S;
}

/** Median milliseconds of one sign-in's math with each class, over `runs` random inputs. */
export function measureLibraryMath(runs: number) {
  const jsbn: number[] = [];
  const native: number[] = [];
  for (let run = 0; run < runs; run++) {
    const input = { a: hex(128), x: hex(32), u: hex(32), B: hex(384), k: hex(32) };
    let started = performance.now();
    const expected = signInMath(Jsbn, input);
    jsbn.push(performance.now() - started);
    started = performance.now();
    const actual = signInMath(BigInteger as unknown as BigClass, input);
    native.push(performance.now() - started);
    if (actual !== expected) throw new Error('the shim and jsbn disagree on S');
  }
  return { jsbnMs: median(jsbn), nativeMs: median(native), ratio: median(jsbn) / median(native) };
}
