/**
 * The pool's MfaConfiguration in the config file: OPTIONAL by default (SPEC §8), OFF, OPTIONAL or
 * ON when set, and anything else refused with a message naming the value.
 */

import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_POOL_ID, readEmulatorConfig } from '../../emulator/core/config.ts';

function mfaOf(value: unknown, poolId = DEFAULT_POOL_ID): string | undefined {
  return readEmulatorConfig(value).pools.find((pool) => pool.id === poolId)?.mfaConfiguration;
}

describe('a pool’s MfaConfiguration', () => {
  it('is OPTIONAL for the local pool and for a configured pool that does not say', () => {
    expect(mfaOf({})).toBe('OPTIONAL');
    const second = { id: 'local_Second', clients: [{ id: 'secondclient' }] };
    expect(mfaOf({ pools: [second] }, 'local_Second')).toBe('OPTIONAL');
  });

  it.each(['OFF', 'OPTIONAL', 'ON'])('is %s when the config file says so', (value) => {
    expect(mfaOf({ pools: [{ id: DEFAULT_POOL_ID, mfaConfiguration: value }] })).toBe(value);
  });

  it.each([['REQUIRED'], ['on'], [true], [null], [{}]])(
    'refuses %j with a message naming the pool and the allowed values',
    (value) => {
      let error: unknown;
      try {
        readEmulatorConfig({ pools: [{ id: 'local_Second', mfaConfiguration: value }] });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(
        `config.pools[0].mfaConfiguration must be OFF, OPTIONAL, ON (got ${JSON.stringify(value)})`,
      );
    },
  );
});
