/**
 * Two-step sign-in in the site's tests: the emulated test pool with MFA optional (the default) or
 * required, its clock mid-step (codes: tests/support/totp.ts).
 */
import { defaultClient, defaultPool, type MfaConfiguration } from '../../emulator/core/config.ts';
import { type EmulatorFixture, useEmulator } from '../support/emulator.ts';
import { MID_STEP } from '../support/totp.ts';
import { ENDPOINT, TEST_CLIENT_ID, TEST_POOL_ID } from './helpers.ts';

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
