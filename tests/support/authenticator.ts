/**
 * A software passkey authenticator, enough for the emulator's tests: one WebCrypto ECDSA P-256
 * key per credential, 'none' attestation, authenticator data with the rp id hash, flags and a
 * signature counter, and the CBOR the attestation object and COSE key are written in
 * (https://www.w3.org/TR/webauthn-3/#sctn-attestation). Its answers are the JSON browsers give
 * (RegistrationResponseJSON, AuthenticationResponseJSON), with knobs to make them wrong.
 */

import { createHash, randomBytes } from 'node:crypto';

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

/** A CBOR item (RFC 8949): unsigned and negative integers, byte and text strings, maps. */
export function cbor(value: Cbor): Uint8Array {
  if (typeof value === 'number') {
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  // ArrayBuffer.isView, not instanceof: under jsdom a Node Buffer is not the page's Uint8Array.
  if (ArrayBuffer.isView(value)) return Buffer.concat([head(2, value.length), value]);
  const parts = [head(5, value.size)];
  for (const [key, item] of value) parts.push(cbor(key), cbor(item));
  return Buffer.concat(parts);
}

/** A CBOR item's first bytes: major type and length (up to 32 bits, all this needs). */
function head(major: number, length: number): Uint8Array {
  const type = major << 5;
  if (length < 24) return Uint8Array.of(type | length);
  if (length < 0x100) return Uint8Array.of(type | 24, length);
  if (length < 0x10000) return Uint8Array.of(type | 25, length >> 8, length & 0xff);
  const bytes = Buffer.alloc(5);
  bytes[0] = type | 26;
  bytes.writeUInt32BE(length, 1);
  return bytes;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** An ECDSA signature as WebAuthn carries it (ASN.1 DER), from WebCrypto's raw r‖s. */
function der(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array) => {
    let bytes = Buffer.from(half);
    while (bytes.length > 1 && bytes[0] === 0 && (bytes[1] ?? 0) < 0x80) bytes = bytes.subarray(1);
    if ((bytes[0] ?? 0) >= 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
    return Buffer.concat([Buffer.of(0x02, bytes.length), bytes]);
  };
  const body = Buffer.concat([integer(raw.subarray(0, 32)), integer(raw.subarray(32))]);
  return Buffer.concat([Buffer.of(0x30, body.length), body]);
}

/** What a test may change about one answer, to make it wrong in one way. */
export interface Ceremony {
  /** The page's origin; `http://localhost:5173` unless said. */
  origin?: string;
  /** The relying party the authenticator hashes; the options' unless said. */
  rpId?: string;
  /** The challenge signed; the options' unless said. */
  challenge?: string;
  /** Whether the user was verified (biometrics, PIN); true unless said. */
  userVerified?: boolean;
  /** The signature counter sent, as a cloned authenticator would; the next count unless said. */
  counter?: number;
}

interface Credential {
  id: Uint8Array;
  keys: CryptoKeyPair;
  rpId: string;
  userHandle: string;
  counter: number;
}

/** A software authenticator holding the passkeys it made. */
export class SoftwareAuthenticator {
  private readonly credentials: Credential[] = [];

  /** @param counts whether it counts signatures (security keys do; synced passkeys send 0). */
  constructor(private readonly counts = true) {}

  /** `navigator.credentials.create` for StartWebAuthnRegistration's options. */
  async create(options: Record<string, unknown>, ceremony: Ceremony = {}) {
    const rp = options.rp as { id: string };
    const user = options.user as { id: string };
    const rpId = ceremony.rpId ?? rp.id;
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const id = randomBytes(16);
    const credential: Credential = { id, keys, rpId, userHandle: user.id, counter: 0 };
    const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey);
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
    const attested = Buffer.concat([Buffer.alloc(16), Buffer.of(0, id.length), id, coseKey]);
    const authData = this.authenticatorData(credential, ceremony, 0x40, attested);
    const clientData = this.clientData('webauthn.create', options, ceremony);
    this.credentials.push(credential);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(attestationObject),
        transports: ['internal', 'hybrid'],
      },
    };
  }

  /**
   * `navigator.credentials.get` for CREDENTIAL_REQUEST_OPTIONS: signs with its first passkey the
   * options allow, or with `use` (the id of one of its own, even one not allowed).
   */
  async get(options: Record<string, unknown>, ceremony: Ceremony = {}, use?: string) {
    const allowed = (options.allowCredentials as { id: string }[]).map((c) => c.id);
    const credential = this.credentials.find((c) =>
      use === undefined ? allowed.includes(b64url(c.id)) : b64url(c.id) === use,
    );
    if (!credential) throw new Error('the authenticator holds none of the allowed passkeys');
    if (this.counts) credential.counter = ceremony.counter ?? credential.counter + 1;
    const authData = this.authenticatorData(credential, ceremony, 0);
    const clientData = this.clientData('webauthn.get', options, ceremony);
    const signed = Buffer.concat([authData, sha256(clientData)]);
    const raw = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        credential.keys.privateKey,
        signed,
      ),
    );
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(der(raw)),
        userHandle: credential.userHandle,
      },
    };
  }

  /** rpIdHash ‖ flags (UP, UV as the ceremony says, plus `extra`) ‖ counter ‖ `rest`. */
  private authenticatorData(
    credential: Credential,
    ceremony: Ceremony,
    extra: number,
    rest: Uint8Array = new Uint8Array(),
  ): Buffer {
    const flags = 0x01 | (ceremony.userVerified === false ? 0 : 0x04) | extra;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(credential.counter);
    return Buffer.concat([
      sha256(ceremony.rpId ?? credential.rpId),
      Buffer.of(flags),
      counter,
      rest,
    ]);
  }

  private clientData(type: string, options: Record<string, unknown>, ceremony: Ceremony) {
    return Buffer.from(
      JSON.stringify({
        type,
        challenge: ceremony.challenge ?? options.challenge,
        origin: ceremony.origin ?? 'http://localhost:5173',
        crossOrigin: false,
      }),
    );
  }
}
