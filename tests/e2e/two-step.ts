/**
 * Two-step sign-in for the browser tests: codes computed from a secret by the independent
 * `otpauth` library, as an authenticator app computes them, and a rider who turned it on from
 * another device (through the emulator's API), for tests that start at the code step.
 */
import * as OTPAuth from 'otpauth';
import { type EmulatorClient, LOCAL_POOL, PASSWORD } from './emulator-client.ts';

const STEP = 30_000;

/**
 * What an authenticator app shows for `secret`, `steps` 30-second steps from now: a step ahead is
 * an app whose clock runs a little fast, which Cognito accepts, and which is never the step a code
 * was just used in.
 */
export function appCode(secret: string, steps = 0): string {
  return OTPAuth.TOTP.generate({
    secret: OTPAuth.Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    timestamp: Date.now() + steps * STEP,
  });
}

/** Makes `email` a confirmed rider with two-step sign-in on; returns the app's secret. */
export async function riderWithTwoStep(emulator: EmulatorClient, email: string): Promise<string> {
  await emulator.confirmedUser(email);
  const signedIn = await emulator.call('InitiateAuth', {
    ClientId: LOCAL_POOL.clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  });
  const result = signedIn.AuthenticationResult;
  const accessToken =
    typeof result === 'object' && result !== null && 'AccessToken' in result
      ? String(result.AccessToken)
      : '';
  const { SecretCode } = await emulator.call('AssociateSoftwareToken', {
    AccessToken: accessToken,
  });
  const secret = String(SecretCode);
  await emulator.call('VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: appCode(secret),
  });
  await emulator.call('SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  return secret;
}
