import { CognitoError } from '../cognito-error.ts';
import type { AttributeInput } from '../input.ts';
import { type CodeDeliveryDetails, sendCode, withoutCode } from '../pool/codes.ts';
import { isEmail } from '../pool/email.ts';
import type { Pool } from '../pool/pool.ts';
import type { UserRecord } from '../store.ts';

/** Cognito's standard attributes (OpenID Connect's, as the pool schema lists them). */
const STANDARD = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);

/** The schema's required attributes, as the Wild Rydes pool (which verifies email) has them. */
export const REQUIRED_ATTRIBUTES: readonly string[] = ['email'];

/** Attributes only Cognito or an administrator may set. */
const ADMIN_ONLY = new Set(['email_verified', 'phone_number_verified']);

/**
 * Checks names against the schema and returns them as a record. `user` callers may not set
 * verification flags or `sub`; `admin` callers may set the flags.
 */
export function checkAttributes(
  list: AttributeInput[],
  caller: 'user' | 'admin',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { Name, Value } of list) {
    if (Name === 'sub') {
      throw new CognitoError(
        'InvalidParameterException',
        'Cannot modify an already provided sub attribute',
      );
    }
    if (!STANDARD.has(Name) && !/^custom:[\w-]{1,20}$/.test(Name)) {
      throw new CognitoError(
        'InvalidParameterException',
        `Attribute does not exist in the schema.\n${Name}`,
      );
    }
    if (caller === 'user' && ADMIN_ONLY.has(Name)) {
      throw new CognitoError(
        'NotAuthorizedException',
        `A client attempted to write unauthorized attribute`,
      );
    }
    if (
      (Name === 'email_verified' || Name === 'phone_number_verified') &&
      Value !== 'true' &&
      Value !== 'false'
    ) {
      throw new CognitoError('InvalidParameterException', `${Name} must be true or false.`);
    }
    out[Name] = Value;
  }
  return out;
}

/**
 * Applies checked attribute changes as a pool whose AttributesRequireVerificationBeforeUpdate
 * lists email does: a new email gets a code and waits, the old one staying in force (and the
 * sign-in name) until VerifyUserAttribute; an administrator who sets email_verified to true,
 * with the new email or later, makes the new one take effect at once
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserAttributeUpdateSettingsType.html).
 * Returns where codes went.
 */
export function changeAttributes(
  pool: Pool,
  user: UserRecord,
  changes: Record<string, string>,
): CodeDeliveryDetails[] {
  const { email, ...others } = changes;
  const emailChanges =
    email !== undefined && email.toLowerCase() !== (user.attributes.email ?? '').toLowerCase();
  if (emailChanges) assertEmailFree(pool, user, email);
  const attributes = { ...user.attributes, ...others };
  // Only a new address waits: a change of case alone is the same address.
  if (email !== undefined && !emailChanges) attributes.email = email;
  const pending = user.codes.VERIFY_EMAIL?.value;
  if (others.email_verified === 'true' && (emailChanges || pending !== undefined)) {
    const verified = emailChanges ? email : pending;
    if (verified !== undefined) {
      assertEmailFree(pool, user, verified);
      attributes.email = verified;
    }
    pool.update(user, { attributes, codes: withoutCode(user, 'VERIFY_EMAIL') });
    return [];
  }
  if (!emailChanges) {
    pool.update(user, { attributes });
    return [];
  }
  // The code first: if the attempt limit refuses it, nothing has changed.
  const sent = sendCode(pool, user, 'VERIFY_EMAIL', email);
  pool.update(sent.user, { attributes });
  return [sent.delivery];
}

/** Refuses an email that is malformed or already another user's (AliasExistsException). */
export function assertEmailFree(pool: Pool, user: UserRecord, email: string): void {
  if (!isEmail(email)) {
    throw new CognitoError('InvalidParameterException', 'Invalid email address format.');
  }
  const owner = pool.store.userByEmail(email);
  if (owner && owner.sub !== user.sub) {
    throw new CognitoError(
      'AliasExistsException',
      'An account with the given email already exists.',
    );
  }
}

/** The attributes that can be verified with a code here: email (the emulator sends no SMS). */
export function verifiableAttribute(name: string): 'email' {
  if (name !== 'email') {
    throw new CognitoError('InvalidParameterException', `Attribute ${name} cannot be verified.`);
  }
  return name;
}
