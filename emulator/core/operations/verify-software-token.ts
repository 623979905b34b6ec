import { CognitoError, userNotFound } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { continueChallengeSession, takeChallengeSession } from '../flows/challenge-sessions.ts';
import { accessTokenOrSession, tokenPool } from '../flows/request.ts';
import { optionalString, requiredString } from '../input.ts';
import { adoptSecret, assertTotpAllowed, verifyCode } from '../pool/mfa.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * VerifySoftwareToken: a code from the new secret makes it the user's token. A wrong code is
 * EnableSoftwareTokenMFAException and does not count toward lockout: whoever sends it was handed
 * the secret, so guessing gains them nothing.
 */
export const verifySoftwareToken: Operation = async (ctx, input) => {
  const { accessToken, session } = accessTokenOrSession(input);
  const code = requiredString(input, 'UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/ });
  // Accepted and checked like Cognito's, though the emulator keeps one token and no name for it.
  optionalString(input, 'FriendlyDeviceName', { min: 0, max: 2048 });
  if (accessToken !== undefined) {
    const pool = tokenPool(ctx, accessToken);
    const user = await authenticate(pool, accessToken);
    assertTotpAllowed(pool);
    const pending = user.softwareToken?.pendingSecret;
    if (pending === undefined) throw notAssociated();
    const step = await verifyCode(pool, pending, code);
    if (step === undefined) throw codeMismatch();
    if (pool.store.userBySub(user.sub)?.softwareToken?.pendingSecret !== pending) {
      // Another AssociateSoftwareToken replaced this secret while the code was checked.
      throw codeMismatch();
    }
    adoptSecret(pool, user.sub, pending, step);
    return { Status: 'SUCCESS' };
  }
  const state = takeChallengeSession(ctx, session, 'MFA_SETUP', {});
  const pool = ctx.pool(state.poolId);
  const step = state.secret === undefined ? undefined : await verifyCode(pool, state.secret, code);
  if (state.secret === undefined || step === undefined) {
    // The person may try another code (or associate first) within the same session.
    if (session !== undefined) ctx.rememberChallengeSession(session, state);
    throw state.secret === undefined ? notAssociated() : codeMismatch();
  }
  if (!adoptSecret(pool, state.sub, state.secret, step)) throw userNotFound();
  const next = continueChallengeSession(ctx, pool, { ...state, verified: true });
  return { Status: 'SUCCESS', Session: next };
};

/**
 * Cognito's refusal of a wrong code here (the wording as the service sends it:
 * https://github.com/aws-samples/aws-amplify-auth-starters/issues/15).
 */
function codeMismatch(): CognitoError {
  return new CognitoError(
    'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA',
  );
}

/** Verifying before any AssociateSoftwareToken. */
function notAssociated(): CognitoError {
  return new CognitoError(
    'SoftwareTokenMFANotFoundException',
    'Software Token MFA does not exist for the user.',
  );
}
