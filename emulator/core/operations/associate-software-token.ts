import type { Operation } from '../context.ts';
import { continueChallengeSession, takeChallengeSession } from '../flows/challenge-sessions.ts';
import { accessTokenOrSession, tokenPool } from '../flows/request.ts';
import { assertTotpAllowed, associateSecret } from '../pool/mfa.ts';
import { authenticate } from '../pool/sessions.ts';
import { newTotpSecret } from '../totp.ts';

/**
 * AssociateSoftwareToken: a new TOTP secret, for a signed-in user (access token) or during the
 * MFA_SETUP challenge (session, answered with the next step's session). This is the only answer
 * that ever carries the secret.
 */
export const associateSoftwareToken: Operation = async (ctx, input) => {
  const { accessToken, session } = accessTokenOrSession(input);
  if (accessToken !== undefined) {
    const pool = tokenPool(ctx, accessToken);
    const user = await authenticate(pool, accessToken);
    assertTotpAllowed(pool);
    return { SecretCode: associateSecret(pool, pool.store.userBySub(user.sub) ?? user) };
  }
  const state = takeChallengeSession(ctx, session, 'MFA_SETUP', {});
  const pool = ctx.pool(state.poolId);
  const secret = newTotpSecret(ctx.randomBytes);
  const next = continueChallengeSession(ctx, pool, { ...state, secret, verified: false });
  return { SecretCode: secret, Session: next };
};
