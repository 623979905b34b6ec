/**
 * The part of Node's `Buffer` that amazon-cognito-identity-js uses — `from` (hex, base64 or
 * base64url, UTF-8, bytes), `concat` and `toString` — for browsers. The build aliases `buffer`
 * here: the general polyfill the library would pull in is 7 KB of gzip JS, this is a tenth of it.
 */

/** The encodings the library asks for. */
export type Encoding = 'hex' | 'base64' | 'utf8' | 'utf-8';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fromHex(text: string): Uint8Array {
  // Like Node: read whole pairs of hex digits and stop at the first that is not one.
  const out: number[] = [];
  for (let i = 0; i + 1 < text.length; i += 2) {
    const byte = Number.parseInt(text.slice(i, i + 2), 16);
    if (!/^[0-9a-fA-F]{2}$/.test(text.slice(i, i + 2)) || Number.isNaN(byte)) break;
    out.push(byte);
  }
  return Uint8Array.from(out);
}

function fromBase64(text: string): Uint8Array {
  // Like Node: base64url characters are accepted, padding is optional, other characters skipped.
  const standard = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .replace(/[^A-Za-z0-9+/]/g, '');
  const usable = standard.slice(0, standard.length - (standard.length % 4 === 1 ? 1 : 0));
  const binary = atob(usable + '='.repeat((4 - (usable.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices, because String.fromCharCode takes its bytes as arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Bytes that print themselves the way Node's Buffer does. */
export class BufferBytes extends Uint8Array {
  /** The bytes as hex, base64 or UTF-8 text (UTF-8 when no encoding is given). */
  override toString(encoding: Encoding = 'utf8'): string {
    if (encoding === 'hex') {
      return Array.from(this, (byte) => byte.toString(16).padStart(2, '0')).join('');
    }
    if (encoding === 'base64') return toBase64(this);
    return decoder.decode(this);
  }
}

function wrap(bytes: Uint8Array): BufferBytes {
  const out = new BufferBytes(bytes.length);
  out.set(bytes);
  return out;
}

/** The `Buffer` the library imports. */
export const Buffer = {
  /** Bytes of a string in an encoding (UTF-8 by default), or a copy of bytes. */
  from(value: string | ArrayLike<number> | ArrayBuffer, encoding: Encoding = 'utf8'): BufferBytes {
    if (typeof value !== 'string') {
      return wrap(value instanceof ArrayBuffer ? new Uint8Array(value) : Uint8Array.from(value));
    }
    if (encoding === 'hex') return wrap(fromHex(value));
    if (encoding === 'base64') return wrap(fromBase64(value));
    return wrap(encoder.encode(value));
  },
  /** The bytes of every part, one after the other. */
  concat(parts: readonly Uint8Array[]): BufferBytes {
    const out = new BufferBytes(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  },
};
