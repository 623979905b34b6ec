/**
 * Authenticator-app codes (TOTP, RFC 6238) for the tests, computed from a secret by the
 * independent `otpauth` library the way an authenticator app computes them.
 */
import * as OTPAuth from 'otpauth';

/** One TOTP step, in milliseconds. */
export const STEP = 30_000;

/** Fifteen seconds into a step, so a step either way is a whole step away whatever the real time. */
export const MID_STEP = Math.floor(Date.now() / STEP) * STEP + STEP / 2;

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
