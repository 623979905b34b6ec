/** The pool's `webAuthn` settings in a config file: defaults, and clear errors for bad values. */

import { describe, expect, it } from 'vitest';
import { ConfigError, readEmulatorConfig } from '../../emulator/core/config.ts';
import { rejection } from '../support/rejection.ts';

const POOL = { id: 'local_Passkeys', clients: [{ id: 'passkeyclient' }] };

function poolWith(webAuthn: unknown) {
  return () => readEmulatorConfig({ pools: [{ ...POOL, webAuthn }] });
}

/** The configured pool's settings (the local pool is served beside it). */
function passkeyPool(config: ReturnType<typeof readEmulatorConfig>) {
  return config.pools.find((pool) => pool.id === POOL.id);
}

describe('the webAuthn pool setting', () => {
  it('defaults to relying party localhost with user verification preferred', () => {
    const config = readEmulatorConfig({ pools: [POOL] });
    expect(passkeyPool(config)?.webAuthn).toEqual({
      relyingPartyId: 'localhost',
      userVerification: 'preferred',
    });
  });

  it('takes a host name, required verification and exact origins', () => {
    const config = poolWith({
      relyingPartyId: 'rides.example.com',
      userVerification: 'required',
      allowedOrigins: ['https://rides.example.com', 'http://localhost:5173'],
    })();
    expect(passkeyPool(config)?.webAuthn).toEqual({
      relyingPartyId: 'rides.example.com',
      userVerification: 'required',
      allowedOrigins: ['https://rides.example.com', 'http://localhost:5173'],
    });
  });

  it.each([['127.0.0.1'], ['Localhost'], ['http://localhost'], [''], [42]])(
    'refuses the relying party id %j, which browsers would not accept',
    async (id) => {
      const error = await rejection(poolWith({ relyingPartyId: id }), ConfigError);
      expect(error.message).toBe(
        `config.pools[0].webAuthn.relyingPartyId must be a lower-case host name such as localhost, not an IP address (got ${JSON.stringify(id)})`,
      );
    },
  );

  it('refuses a user verification other than preferred or required', async () => {
    const error = await rejection(poolWith({ userVerification: 'discouraged' }), ConfigError);
    expect(error.message).toBe(
      'config.pools[0].webAuthn.userVerification must be preferred or required (got "discouraged")',
    );
  });

  it.each([[[]], [['http://localhost:5173/']], [['localhost:5173']], ['http://localhost']])(
    'refuses allowedOrigins %j',
    async (origins) => {
      const error = await rejection(poolWith({ allowedOrigins: origins }), ConfigError);
      expect(error.message).toBe(
        'config.pools[0].webAuthn.allowedOrigins must be a non-empty list of origins such as http://localhost:5173',
      );
    },
  );

  it('refuses a webAuthn that is not an object', async () => {
    const error = await rejection(poolWith('localhost'), ConfigError);
    expect(error.message).toBe('config.pools[0].webAuthn must be an object');
  });
});
