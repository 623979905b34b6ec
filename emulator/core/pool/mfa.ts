/**
 * Two-step sign-in with an authenticator app (TOTP): which challenge a sign-in meets, codes
 * accepted once each, a new secret taking over only once verified, and the user's MFA settings
 * as GetUser and AdminGetUser show them.
 */

import { CognitoError } from '../cognito-error.ts';
import { isJsonObject, type Json, optionalBoolean } from '../input.ts';
import type { SoftwareToken, UserRecord } from '../store.ts';
import { matchingStep, newTotpSecret } from '../totp.ts';
import type { Pool } from './pool.ts';

/** The only second factor the emulator offers (it sends no SMS). */
export const SOFTWARE_TOKEN_MFA = 'SOFTWARE_TOKEN_MFA';

/**
 * The challenge after a proven password, if any: SOFTWARE_TOKEN_MFA for a user with TOTP turned
 * on (in a pool that requires MFA, a verified token is enough), MFA_SETUP for a user without one
 * where the pool requires MFA.
 */
export function mfaChallengeFor(
  pool: Pool,
  user: UserRecord,
): 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP' | undefined {
  const mode = pool.config.mfaConfiguration;
  if (mode === 'OFF') return undefined;
  const token = user.softwareToken;
  if (token?.secret !== undefined && (token.enabled || mode === 'ON')) return SOFTWARE_TOKEN_MFA;
  return mode === 'ON' ? 'MFA_SETUP' : undefined;
}

/**
 * Refuses to hand out secrets in a pool without MFA, in the words of
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html.
 */
export function assertTotpAllowed(pool: Pool): void {
  if (pool.config.mfaConfiguration === 'OFF') {
    throw new CognitoError(
      'SoftwareTokenMFANotFoundException',
      'Software Token MFA has not been enabled by the userPool.',
    );
  }
}

/** A new secret for a signed-in user, kept beside any verified one until a code proves it. */
export function associateSecret(pool: Pool, user: UserRecord): string {
  const secret = newTotpSecret(pool.deps.randomBytes);
  pool.update(user, { softwareToken: { ...tokenOf(user), pendingSecret: secret } });
  return secret;
}

/** The code's 30-second step if it is a fresh code of `secret`, else undefined. */
export function verifyCode(
  pool: Pool,
  secret: string,
  code: string,
  lastUsedStep = 0,
): Promise<number | undefined> {
  return matchingStep(secret, code, pool.deps.now(), lastUsedStep);
}

/**
 * Makes a verified secret the user's token. Re-reads the user: the step must still be unused,
 * which is what keeps two requests with one code from both succeeding. In a pool that requires
 * MFA the token is turned on at once; elsewhere SetUserMFAPreference turns it on.
 */
export function adoptSecret(
  pool: Pool,
  sub: string,
  secret: string,
  step: number,
): UserRecord | undefined {
  const user = pool.store.userBySub(sub);
  if (!user) return undefined;
  const token = tokenOf(user);
  const required = pool.config.mfaConfiguration === 'ON';
  const { pendingSecret: _verified, ...rest } = token;
  return pool.update(user, {
    softwareToken: {
      ...rest,
      secret,
      lastUsedStep: Math.max(step, token.lastUsedStep),
      enabled: token.enabled || required,
      preferred: token.preferred || required,
    },
  });
}

/**
 * Checks a sign-in code against the user's verified secret and, when it is fresh, records its
 * step so it cannot be used again. Returns whether it was accepted.
 */
export async function acceptSignInCode(
  pool: Pool,
  user: UserRecord,
  code: string,
): Promise<boolean> {
  const secret = user.softwareToken?.secret;
  if (secret === undefined) return false;
  const step = await verifyCode(pool, secret, code, user.softwareToken?.lastUsedStep);
  if (step === undefined) return false;
  // Re-read after the await: a parallel request may have used this step meanwhile.
  const current = pool.store.userBySub(user.sub);
  const token = current?.softwareToken;
  if (!current || !token || token.secret !== secret || step <= token.lastUsedStep) return false;
  pool.update(current, { softwareToken: { ...token, lastUsedStep: step } });
  return true;
}

/**
 * SetUserMFAPreference and its admin twin: `SoftwareTokenMfaSettings` turns TOTP on or off and
 * marks it preferred; turning it on needs a verified token (refused with `notSetUp`). Turning on
 * another factor is refused as Cognito refuses a factor the user has no delivery for.
 */
export function setMfaPreference(
  pool: Pool,
  user: UserRecord,
  input: Json,
  notSetUp: CognitoError,
): void {
  for (const [member, factor] of [
    ['SMSMfaSettings', 'SMS_MFA'],
    ['EmailMfaSettings', 'EMAIL_OTP'],
  ] as const) {
    const settings = mfaSettings(input, member);
    if (settings.Enabled === true || settings.PreferredMfa === true) {
      throw new CognitoError(
        'InvalidParameterException',
        `User does not have delivery config set to turn on ${factor}`,
      );
    }
  }
  if (input.SoftwareTokenMfaSettings === undefined || input.SoftwareTokenMfaSettings === null) {
    return;
  }
  const settings = mfaSettings(input, 'SoftwareTokenMfaSettings');
  const token = tokenOf(user);
  const enabled = settings.Enabled ?? token.enabled;
  if (enabled && token.secret === undefined) throw notSetUp;
  const preferred = enabled && (settings.PreferredMfa ?? token.preferred);
  pool.update(user, { softwareToken: { ...token, enabled, preferred } });
}

/** `UserMFASettingList` and `PreferredMfaSetting`, present only when TOTP is on. */
export function mfaView(user: UserRecord): Json {
  const token = user.softwareToken;
  if (!token?.enabled || token.secret === undefined) return {};
  return {
    UserMFASettingList: [SOFTWARE_TOKEN_MFA],
    ...(token.preferred ? { PreferredMfaSetting: SOFTWARE_TOKEN_MFA } : {}),
  };
}

function mfaSettings(input: Json, member: string): { Enabled?: boolean; PreferredMfa?: boolean } {
  const value = input[member];
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) {
    throw new CognitoError(
      'SerializationException',
      `Unexpected value type for '${member}': expected a structure.`,
    );
  }
  const out: { Enabled?: boolean; PreferredMfa?: boolean } = {};
  const enabled = optionalBoolean(value, 'Enabled');
  const preferred = optionalBoolean(value, 'PreferredMfa');
  if (enabled !== undefined) out.Enabled = enabled;
  if (preferred !== undefined) out.PreferredMfa = preferred;
  return out;
}

function tokenOf(user: UserRecord): SoftwareToken {
  return user.softwareToken ?? { lastUsedStep: 0, enabled: false, preferred: false };
}
