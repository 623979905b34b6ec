/**
 * The browser build swaps Node's Buffer for src/shims/buffer.ts inside amazon-cognito-identity-js.
 * Every use the library makes of it must give exactly what Node's Buffer gives.
 */
import { Buffer as NodeBuffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Buffer } from '../../src/shims/buffer.ts';

const bytes = fc.uint8Array({ maxLength: 600 });

describe('the Buffer the browser build gives the Cognito library', () => {
  it('prints bytes as hex, base64 and UTF-8 exactly as Node does', () => {
    fc.assert(
      fc.property(bytes, (data) => {
        for (const encoding of ['hex', 'base64', 'utf8'] as const) {
          expect(Buffer.from(data).toString(encoding)).toBe(
            NodeBuffer.from(data).toString(encoding),
          );
        }
      }),
    );
  });

  it('reads hex, base64 and UTF-8 text exactly as Node does', () => {
    fc.assert(
      fc.property(bytes, fc.string({ unit: 'binary', maxLength: 200 }), (data, text) => {
        const hex = NodeBuffer.from(data).toString('hex');
        const base64 = NodeBuffer.from(data).toString('base64');
        expect([...Buffer.from(hex, 'hex')]).toEqual([...NodeBuffer.from(hex, 'hex')]);
        expect([...Buffer.from(base64, 'base64')]).toEqual([...NodeBuffer.from(base64, 'base64')]);
        expect([...Buffer.from(text, 'utf8')]).toEqual([...NodeBuffer.from(text, 'utf8')]);
        expect([...Buffer.from(text)]).toEqual([...NodeBuffer.from(text)]);
      }),
    );
  });

  it('reads a JWT payload (base64url without padding) as Node does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const payload = NodeBuffer.from(JSON.stringify(value)).toString('base64url');
        expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(
          NodeBuffer.from(payload, 'base64').toString('utf8'),
        );
      }),
    );
  });

  it('reads odd-length hex the way Node does: whole pairs only', () => {
    expect([...Buffer.from('abc', 'hex')]).toEqual([...NodeBuffer.from('abc', 'hex')]);
    expect([...Buffer.from('0g12', 'hex')]).toEqual([...NodeBuffer.from('0g12', 'hex')]);
  });

  it('concatenates as Node does', () => {
    fc.assert(
      fc.property(fc.array(bytes, { maxLength: 5 }), (parts) => {
        expect([...Buffer.concat(parts)]).toEqual([...NodeBuffer.concat(parts)]);
      }),
    );
  });
});
