/**
 * Names from a request that pick an entry of a table (auth flows, verifiable attributes) find
 * only the table's own entries: `toString` or `__proto__` are no flow. And the flows offered are
 * the ones the emulator serves: CUSTOM_AUTH, which it does not, is never listed.
 */

import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { useEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { stringAt, tokensOf } from '../support/wire.ts';

const h = useEmulator();

const PROTOTYPE_NAMES = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];

function enumRefusal(flow: string, offered: string) {
  return {
    __type: 'InvalidParameterException',
    message: `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${offered}]`,
  };
}

describe('AuthFlow', () => {
  it.each(PROTOTYPE_NAMES)(
    'refuses InitiateAuth with AuthFlow %s as no flow at all',
    async (flow) => {
      const answer = await h.api.call('InitiateAuth', {
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: flow,
        AuthParameters: { USERNAME: 'rider@example.com', PASSWORD },
      });
      expect(answer.body).toEqual(
        enumRefusal(
          flow,
          'USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, USER_AUTH, USER_PASSWORD_AUTH',
        ),
      );
    },
  );

  it.each(PROTOTYPE_NAMES)(
    'refuses AdminInitiateAuth with AuthFlow %s as no flow at all',
    async (flow) => {
      const answer = await h.api.call('AdminInitiateAuth', {
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: flow,
        AuthParameters: { USERNAME: 'rider@example.com', PASSWORD },
      });
      expect(answer.body).toEqual(
        enumRefusal(
          flow,
          'USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, USER_AUTH, ADMIN_NO_SRP_AUTH, ADMIN_USER_PASSWORD_AUTH',
        ),
      );
    },
  );

  it('never offers CUSTOM_AUTH, which the emulator does not serve', async () => {
    for (const operation of ['InitiateAuth', 'AdminInitiateAuth']) {
      const answer = await h.api.call(operation, {
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'NO_SUCH_FLOW',
      });
      expect(stringAt(answer.body, '__type')).toBe('InvalidParameterException');
      expect(stringAt(answer.body, 'message')).not.toContain('CUSTOM');
    }
  });
});

describe('attribute names', () => {
  it('refuses VerifyUserAttribute for an attribute name from the prototype', async () => {
    await h.confirmedUser('rider@example.com');
    const { accessToken } = tokensOf(await h.api.passwordSignIn('rider@example.com', PASSWORD));
    for (const name of ['__proto__', 'toString']) {
      const answer = await h.api.call('VerifyUserAttribute', {
        AccessToken: accessToken,
        AttributeName: name,
        Code: '123456',
      });
      expect(answer.body).toEqual({
        __type: 'InvalidParameterException',
        message: `Attribute ${name} cannot be verified.`,
      });
    }
  });
});
