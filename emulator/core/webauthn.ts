/**
 * What the core needs of a WebAuthn library, and what it checks itself. The signature and
 * attestation checks are injected (`EmulatorOptions.passkeyVerifier`); the origin, the
 * challenge and the relying party are read here, so each refusal gets Cognito's own error.
 */

import { fromBase64, fromUtf8 } from './bytes.ts';
import type { WebAuthnConfig } from './config.ts';
import { isJsonObject, type Json } from './input.ts';

/** What every check is held to. */
export interface PasskeyExpectations {
  /** The challenge issued, base64url. */
  challenge: string;
  /** The origin the browser reported, already found allowed. */
  origin: string;
  rpId: string;
  requireUserVerification: boolean;
}

/** A credential as stored, for checking an assertion made with it. */
export interface StoredCredential {
  id: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** A verifier's answer: what it verified, or why not ('relying-party' for a foreign rp id). */
export type Verdict<T> =
  | ({ ok: true } & T)
  | { ok: false; reason: 'relying-party' | 'invalid'; message: string };

/** Verifies WebAuthn responses (RegistrationResponseJSON, AuthenticationResponseJSON). */
export interface PasskeyVerifier {
  verifyRegistration(
    response: Json,
    expected: PasskeyExpectations,
  ): Promise<
    Verdict<{ credentialId: string; publicKey: Uint8Array; counter: number; transports: string[] }>
  >;
  verifyAuthentication(
    response: Json,
    expected: PasskeyExpectations,
    credential: StoredCredential,
  ): Promise<Verdict<{ newCounter: number }>>;
}

/** The `clientDataJSON` facts of a response, or undefined when it cannot be read. */
export function clientDataOf(
  response: Json,
): { type: string; challenge: string; origin: string } | undefined {
  const inner = response.response;
  if (!isJsonObject(inner) || typeof inner.clientDataJSON !== 'string') return undefined;
  try {
    const data: unknown = JSON.parse(fromUtf8(fromBase64(inner.clientDataJSON)));
    if (
      isJsonObject(data) &&
      typeof data.type === 'string' &&
      typeof data.challenge === 'string' &&
      typeof data.origin === 'string'
    ) {
      return { type: data.type, challenge: data.challenge, origin: data.origin };
    }
  } catch {
    // Not base64url of JSON: the caller refuses it as unreadable.
  }
  return undefined;
}

/**
 * Whether a page at `origin` may use the pool's passkeys: the configured origins, or else for
 * `localhost` any `http://localhost` port (the dev server, preview and standalone emulator each
 * pick their own, and browsers treat localhost as a secure context), for other ids `https://<id>`.
 */
export function originAllowed(config: WebAuthnConfig, origin: string): boolean {
  if (config.allowedOrigins !== undefined) return config.allowedOrigins.includes(origin);
  if (config.relyingPartyId === 'localhost') return /^http:\/\/localhost(:\d{1,5})?$/.test(origin);
  return origin === `https://${config.relyingPartyId}`;
}
