import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { clientOf, issuer } from '../flows/request.ts';
import { optionalString, requiredString } from '../input.ts';
import { mintTokens, refreshingUser, rotateRefreshToken } from '../pool/sessions.ts';

/**
 * GetTokensFromRefreshToken: new ID and access tokens from a live refresh token and, where the
 * app client rotates refresh tokens, a new refresh token that replaces it. An app client with a
 * secret sends it as ClientSecret, as RevokeToken does.
 */
export const getTokensFromRefreshToken: Operation = async (ctx, input, request) => {
  const token = requiredString(input, 'RefreshToken', { max: 8192 });
  const { pool, client } = clientOf(ctx, input);
  const secret = optionalString(input, 'ClientSecret', { max: 256 });
  if (client.secret !== undefined && secret !== client.secret) {
    throw new CognitoError('NotAuthorizedException', 'Client secret is not valid.');
  }
  const { session, user } = refreshingUser(pool, client, token);
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  const tokens = await mintTokens(pool, user, client, session, issuer(request, pool));
  if (client.refreshTokenRotation.feature === 'DISABLED') return { AuthenticationResult: tokens };
  const refreshToken = rotateRefreshToken(pool, client, session, token);
  return { AuthenticationResult: { ...tokens, RefreshToken: refreshToken } };
};
