/**
 * The register page's password check and the emulator's must give the same verdict for every
 * string: what the page calls acceptable, SignUp accepts, and what the page refuses, SignUp refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CognitoError } from '../../emulator/core/cognito-error.ts';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { isAcceptedPassword } from '../../src/password-rules.ts';
import { testEmulator } from '../support/emulator.ts';

const request = { baseUrl: 'http://127.0.0.1:9229' };

/** SignUp's verdict on a password: accepted, or the Cognito error type that refused it. */
async function emulatorVerdict(emulator: Emulator, password: string, n: number): Promise<string> {
  try {
    await emulator.call(
      'SignUp',
      { ClientId: DEFAULT_CLIENT_ID, Username: `rider${n}@example.com`, Password: password },
      request,
    );
    return 'accepted';
  } catch (error) {
    if (error instanceof CognitoError) return error.type;
    throw error;
  }
}

// Characters at every edge of the rules: Basic Latin letters and digits, each of Cognito's
// symbols, spaces and other whitespace, letters outside Basic Latin, and astral characters
// (two UTF-16 code units each).
const interesting = fc.constantFrom(
  ...'aZ09^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- \t\n\u00a0\u3000éÄ비€£',
  '😀',
  '𝐀',
);
const passwords = fc.oneof(
  fc.array(interesting, { maxLength: 14 }).map((chars) => chars.join('')),
  fc.string({ unit: 'binary', maxLength: 14 }),
  fc
    .tuple(fc.string({ minLength: 240, maxLength: 270 }), fc.constantFrom('Aa1!', ' ', 'Aa1! '))
    .map(([filler, tail]) => `Aa1!${filler}${tail}`),
);

describe('one password policy for the page and the emulator', () => {
  it('gives the same verdict for any string', async () => {
    const emulator = await testEmulator();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(passwords, async (password) => {
        n += 1;
        const verdict = await emulatorVerdict(emulator, password, n);
        expect({ password, accepted: verdict === 'accepted' }).toEqual({
          password,
          accepted: isAcceptedPassword(password),
        });
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['Abcdefg1 ', 'InvalidParameterException', false],
    [' Abcdefg1!', 'InvalidParameterException', false],
    ['Abcde1😀', 'InvalidPasswordException', false],
    ['Abcd1😀!', 'accepted', true],
    ['Abc d1fg', 'accepted', true],
    ['Abcdefg1£', 'InvalidPasswordException', false],
  ])('judges %j the same way on both sides (emulator: %s)', async (password, type, accepted) => {
    const emulator = await testEmulator();
    expect(await emulatorVerdict(emulator, password, 0)).toBe(type);
    expect(isAcceptedPassword(password)).toBe(accepted);
  });

  it('refuses whitespace at either end of a password with the API pattern Cognito states', async () => {
    const emulator = await testEmulator();
    const refusal = emulator.call(
      'SignUp',
      { ClientId: DEFAULT_CLIENT_ID, Username: 'rider@example.com', Password: 'Abcdefg1! ' },
      request,
    );
    await expect(refusal).rejects.toMatchObject({
      type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$",
    });
  });
});
