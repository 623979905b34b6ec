import { CognitoError } from '../errors.ts';
import type { AttributeInput } from '../input.ts';

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
