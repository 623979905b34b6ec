import { toBase64 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import { defaultClient } from '../config.ts';
import type { Operation } from '../context.ts';
import { clientFromRequest, clientView } from '../flows/app-clients.ts';
import { poolOf } from '../flows/request.ts';
import { optionalBoolean, requiredString } from '../input.ts';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** CreateUserPoolClient: a new app client, with a secret when `GenerateSecret` asks for one. */
export const createUserPoolClient: Operation = async (ctx, input) => {
  const pool = poolOf(ctx, input);
  requiredString(input, 'ClientName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ });
  // Cognito's client ids are 26 lowercase letters and digits.
  const id = [...ctx.randomBytes(26)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  const secret = optionalBoolean(input, 'GenerateSecret')
    ? toBase64(ctx.randomBytes(38)).replace(/[+/=]/g, '').toLowerCase()
    : undefined;
  const base = defaultClient({
    id,
    explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    ...(secret === undefined ? {} : { secret }),
  });
  const client = clientFromRequest(pool, input, base);
  if (pool.config.clients.length >= 1000) {
    throw new CognitoError('LimitExceededException', 'Too many app clients in this user pool.');
  }
  const now = ctx.now();
  const created = { ...client, createdAt: now, updatedAt: now };
  ctx.putClient(pool, created);
  return { UserPoolClient: clientView(pool, created, now) };
};
