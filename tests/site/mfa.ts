/**
 * Two-step sign-in in the site's tests: the emulated test pool with MFA optional (the default) or
 * required, and codes computed from a secret by the independent `otpauth` library, the way an
 * authenticator app computes them.
 */
import * as OTPAuth from 'otpauth';
import { defaultClient, defaultPool, type MfaConfiguration } from '../../emulator/core/config.ts';
import { type EmulatorFixture, useEmulator } from '../support/emulator.ts';
import { ENDPOINT, TEST_CLIENT_ID, TEST_POOL_ID } from './helpers.ts';

/** One TOTP step. */
export const STEP = 30_000;

/** Fifteen seconds into a step, so a step either way is a whole step away whatever the real time. */
export const MID_STEP = Math.floor(Date.now() / STEP) * STEP + STEP / 2;

/** The test pool at the test endpoint with this MFA configuration. */
export function mfaPoolConfig(mfaConfiguration: MfaConfiguration) {
  return {
    pools: [
      defaultPool({
        id: TEST_POOL_ID,
        mfaConfiguration,
        clients: [defaultClient({ id: TEST_CLIENT_ID })],
      }),
    ],
  };
}

/** A fresh emulated test pool (MFA optional) before each test, its clock mid-step. */
export function useMfaCognito(): EmulatorFixture {
  return useEmulator({ baseUrl: ENDPOINT, config: mfaPoolConfig('OPTIONAL'), startAt: MID_STEP });
}

/** What an authenticator app shows for `secret` at `time` (ms). */
export function authenticatorCode(secret: string, time: number): string {
  return OTPAuth.TOTP.generate({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: time,
  });
}

/** Six digits that are no code of `secret` within a step of `time`: certainly a wrong code. */
export function wrongCode(secret: string, time: number): string {
  const near = [-STEP, 0, STEP].map((offset) => authenticatorCode(secret, time + offset));
  let candidate = 0;
  while (near.includes(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}
