import type { Operation } from '../context.ts';
import { assertEmailFree, verifiableAttribute } from '../flows/attributes.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { patterns, requiredString } from '../input.ts';
import { checkCode, withoutCode } from '../pool/codes.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * VerifyUserAttribute: the code mailed for the email. It marks the email verified, and a new
 * address waiting for it takes the old one's place (unless someone else has taken it meanwhile).
 */
export const verifyUserAttribute: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const name = requiredString(input, 'AttributeName', { max: 32, pattern: patterns.username });
  const code = requiredString(input, 'Code', { max: 2048, pattern: patterns.code });
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  verifiableAttribute(name);
  checkCode(pool, user, 'VERIFY_EMAIL', code);
  const pending = user.codes.VERIFY_EMAIL?.value;
  if (pending !== undefined) assertEmailFree(pool, user, pending);
  pool.update(user, {
    attributes: {
      ...user.attributes,
      ...(pending === undefined ? {} : { email: pending }),
      email_verified: 'true',
    },
    codes: withoutCode(user, 'VERIFY_EMAIL'),
  });
  return {};
};
