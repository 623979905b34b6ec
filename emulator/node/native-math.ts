/** SRP math on Node's native crypto: OpenSSL modexp and synchronous SHA-256 / HMAC. */

import { createHash, createHmac } from 'node:crypto';
import type { SrpMath } from '../core/srp.ts';
import { opensslModPow } from './modpow.ts';

/** Node's hashes: synchronous, with none of Web Crypto's per-call key objects and job hops. */
export const nodeHashes: Pick<SrpMath, 'sha256' | 'hmacSha256'> = {
  sha256: (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
};

/** All of SRP's math, native. */
export function nativeMath(): SrpMath {
  return { modPow: opensslModPow(), ...nodeHashes };
}
