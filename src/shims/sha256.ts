/**
 * SHA-256 and HMAC-SHA256 with the interface amazon-cognito-identity-js uses from
 * `@aws-crypto/sha256-js` (`new Sha256(secret?)`, `update`, `digestSync`). The library needs them
 * synchronously, so Web Crypto cannot stand in; this is FIPS 180-4 in a sixth of the bytes.
 * tests/site/sha256-shim.test.ts holds it to Node's crypto.
 */

type Data = string | ArrayBuffer | ArrayBufferView;

const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

function bytesOf(data: Data): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Plain SHA-256, fed in pieces. */
class Hash {
  private readonly state = Uint32Array.from(INITIAL);
  private readonly block = new Uint8Array(64);
  private readonly words = new Uint32Array(64);
  private filled = 0;
  private length = 0;

  update(bytes: Uint8Array): void {
    this.length += bytes.length;
    for (const byte of bytes) {
      this.block[this.filled++] = byte;
      if (this.filled === 64) {
        this.compress();
        this.filled = 0;
      }
    }
  }

  digest(): Uint8Array {
    const bits = this.length * 8;
    this.update(Uint8Array.of(0x80));
    while (this.filled !== 56) this.update(Uint8Array.of(0));
    const tail = new Uint8Array(8);
    new DataView(tail.buffer).setUint32(0, Math.floor(bits / 2 ** 32));
    new DataView(tail.buffer).setUint32(4, bits >>> 0);
    this.update(tail);
    const out = new Uint8Array(32);
    const view = new DataView(out.buffer);
    this.state.forEach((word, i) => {
      view.setUint32(i * 4, word);
    });
    return out;
  }

  private compress(): void {
    const w = this.words;
    const view = new DataView(this.block.buffer);
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
    }
    let [a, b, c, d, e, f, g, h] = [...this.state] as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h +
          (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
          ((e & f) ^ (~e & g)) +
          (K[i] ?? 0) +
          (w[i] ?? 0)) |
        0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    [a, b, c, d, e, f, g, h].forEach((value, i) => {
      this.state[i] = ((this.state[i] ?? 0) + value) | 0;
    });
  }
}

/** SHA-256, or HMAC-SHA256 when constructed with a secret, as `@aws-crypto/sha256-js` offers it. */
export class Sha256 {
  private readonly inner = new Hash();
  private readonly outerKey: Uint8Array | null = null;

  constructor(secret?: Data) {
    if (secret === undefined) return;
    let key = bytesOf(secret);
    if (key.length > 64) {
      const hashed = new Hash();
      hashed.update(key);
      key = hashed.digest();
    }
    const padded = new Uint8Array(64);
    padded.set(key);
    this.inner.update(padded.map((byte) => byte ^ 0x36));
    this.outerKey = padded.map((byte) => byte ^ 0x5c);
  }

  /** Feeds data (strings as UTF-8). */
  update(data: Data): void {
    this.inner.update(bytesOf(data));
  }

  /** The hash (or HMAC) of everything fed so far. */
  digestSync(): Uint8Array {
    const innerDigest = this.inner.digest();
    if (this.outerKey === null) return innerDigest;
    const outer = new Hash();
    outer.update(this.outerKey);
    outer.update(innerDigest);
    return outer.digest();
  }

  /** The same, as a promise. */
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.digestSync());
  }
}
