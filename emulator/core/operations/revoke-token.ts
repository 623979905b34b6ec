import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { clientOf } from '../flows/request.ts';
import { optionalString, requiredString } from '../input.ts';

/** RevokeToken: one refresh token, and the tokens issued from it, stop working. */
export const revokeToken: Operation = async (ctx, input) => {
  const token = requiredString(input, 'Token', { max: 8192 });
  const { pool, client } = clientOf(ctx, input);
  const secret = optionalString(input, 'ClientSecret', { max: 256 });
  if (client.secret !== undefined && secret !== client.secret) {
    throw new CognitoError('NotAuthorizedException', 'Client secret is not valid.');
  }
  if (token.split('.').length === 3) {
    throw new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type');
  }
  const session = pool.store.sessionByRefreshToken(token);
  // RFC 7009: revoking an unknown token succeeds, so clients can retry safely.
  if (session && session.clientId === client.id && !session.revoked) {
    pool.store.putSession({ ...session, revoked: true });
  }
  return {};
};
