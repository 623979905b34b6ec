/**
 * The passkey verifier the adapters give the emulator: `@simplewebauthn/server`, kept out of the
 * core because the core imports no packages (tests/emulator/architecture.test.ts).
 */

import {
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { PasskeyVerifier, Verdict } from './core/webauthn.ts';

/** A library refusal as a verdict; a foreign relying party is told apart from the rest. */
function refused(error: unknown): Verdict<never> {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, reason: /RP ID/.test(message) ? 'relying-party' : 'invalid', message };
}

/** Verifies registrations ('none' attestation and the others the library knows) and assertions. */
export const simpleWebAuthnVerifier: PasskeyVerifier = {
  async verifyRegistration(response, expected) {
    try {
      const result = await verifyRegistrationResponse({
        // The core has read the shape it relies on; the library checks the rest.
        response: response as unknown as RegistrationResponseJSON,
        expectedChallenge: expected.challenge,
        expectedOrigin: expected.origin,
        expectedRPID: expected.rpId,
        requireUserVerification: expected.requireUserVerification,
      });
      if (!result.verified) return refused(new Error('the registration was not verified'));
      const { credential } = result.registrationInfo;
      return {
        ok: true,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
      };
    } catch (error) {
      return refused(error);
    }
  },
  async verifyAuthentication(response, expected, credential) {
    try {
      const result = await verifyAuthenticationResponse({
        response: response as unknown as AuthenticationResponseJSON,
        expectedChallenge: expected.challenge,
        expectedOrigin: expected.origin,
        expectedRPID: expected.rpId,
        requireUserVerification: expected.requireUserVerification,
        credential: {
          id: credential.id,
          publicKey: credential.publicKey as Uint8Array<ArrayBuffer>,
          counter: credential.counter,
          transports: credential.transports,
        },
      });
      if (!result.verified) return refused(new Error('the signature does not match'));
      return { ok: true, newCounter: result.authenticationInfo.newCounter };
    } catch (error) {
      return refused(error);
    }
  },
};
