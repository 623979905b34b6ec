import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { checkAttributes } from '../flows/attributes.ts';
import { PASSWORD_MEMBER, poolOf, usernameOf } from '../flows/request.ts';
import { newUserName } from '../flows/users.ts';
import { attributeList, optionalString, optionalStringList } from '../input.ts';
import { deliverInvitation } from '../pool/codes.ts';
import { checkPasswordPolicy, passwordVerifier } from '../pool/passwords.ts';
import { adminView } from '../pool/views.ts';
import type { UserRecord } from '../store.ts';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '^$*.[]{}()?!@#%&';

/** AdminCreateUser: a FORCE_CHANGE_PASSWORD user with a temporary password, invited by email. */
export const adminCreateUser: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  const username = usernameOf(input);
  const attributes = checkAttributes(attributeList(input, 'UserAttributes', false), 'admin');
  const given = optionalString(input, 'TemporaryPassword', PASSWORD_MEMBER);
  const action = optionalString(input, 'MessageAction', { max: 16 });
  optionalStringList(input, 'DesiredDeliveryMediums');
  if (action !== undefined && action !== 'SUPPRESS' && action !== 'RESEND') {
    throw new CognitoError(
      'InvalidParameterException',
      "MessageAction must be 'SUPPRESS' or 'RESEND'.",
    );
  }
  const existing = newUserName(pool, username, attributes);
  const exists = () => new CognitoError('UsernameExistsException', 'User account already exists');
  const previous = existing();
  if (action === 'RESEND' && previous?.status !== 'FORCE_CHANGE_PASSWORD') {
    throw new CognitoError(
      'UnsupportedUserStateException',
      'Resend not possible. The user has no temporary password.',
    );
  }
  if (action !== 'RESEND' && previous) throw exists();
  const temporary = given ?? generatePassword(ctx.randomBytes);
  checkPasswordPolicy(pool, temporary);
  const sub = previous?.sub ?? pool.newSub();
  const internalUsername = previous?.username ?? (pool.signsInWithEmail ? sub : username);
  const { salt, verifier } = await passwordVerifier(pool, internalUsername, temporary);
  // Synchronous from here on, so two parallel creations cannot both succeed.
  const current = existing();
  if (action !== 'RESEND' && current) throw exists();
  let user: UserRecord;
  if (current) {
    user = pool.update(current, { salt, verifier });
  } else {
    user = pool.newUser({
      sub,
      username: internalUsername,
      attributes: { email_verified: 'false', ...attributes },
      status: 'FORCE_CHANGE_PASSWORD',
      salt,
      verifier,
    });
    pool.store.putUser(user);
  }
  if (action !== 'SUPPRESS') deliverInvitation(pool, user, temporary);
  return { User: adminView(user, 'Attributes') };
};

function generatePassword(random: (n: number) => Uint8Array): string {
  const pick = (alphabet: string, count: number) =>
    [...random(count)].map((b) => alphabet[b % alphabet.length]).join('');
  return pick(LOWER, 4) + pick(UPPER, 3) + pick(DIGITS, 2) + pick(SYMBOLS, 1);
}
