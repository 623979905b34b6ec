/**
 * Choice-based sign-in (USER_AUTH): the first factors a user is offered, the SELECT_CHALLENGE
 * answer, the email code (EMAIL_OTP), and sign-in right after sign-up
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html).
 */

import { timingSafeEqual, utf8 } from '../bytes.ts';
import { CognitoError, incorrectCredentials, userNotFound } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { ChallengeSession, OperationContext, RequestInfo } from '../context.ts';
import type { Json } from '../input.ts';
import { checkSecretHash } from '../pool/client-secret.ts';
import { sendCode, withoutCode } from '../pool/codes.ts';
import { recordFailedSignIn } from '../pool/passwords.ts';
import type { Pool } from '../pool/pool.ts';
import type { UserRecord } from '../store.ts';
import { challengedUser, finishChallenge } from './challenge-answers.ts';
import {
  continueChallengeSession,
  startChallengeSession,
  takeChallengeSession,
} from './challenge-sessions.ts';
import { startSrp } from './initiate.ts';
import { passkeysOf, startPasskeySignIn } from './passkeys.ts';
import { passwordFirstFactor, requiredParameter, signedIn } from './sign-in.ts';

/** The challenge names Cognito knows for a first factor (SMS_OTP is never offered here). */
const FIRST_FACTOR_CHALLENGES = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];

/** Wrong codes one EMAIL_OTP sign-in takes before its session ends (the person starts over). */
const EMAIL_OTP_ATTEMPTS = 3;

/**
 * What USER_AUTH offers a user, in the pool's AllowedFirstAuthFactors: the password (its two
 * ways, plain and SRP; the pool always allows it), and a code by email for a confirmed user with
 * a verified address where MFA is not required. An unknown name (existence errors prevented)
 * is offered what a user without a verified email is, so the answer gives nothing away.
 * Passkeys (WEB_AUTHN) are offered to a confirmed user who has registered one, and like the
 * email code not where the pool requires MFA: only a user's passkey-MFA setting
 * (WebAuthnMfaSettings, not emulated) makes "passkey sign-in ... available when MFA is required"
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html).
 */
export function availableChallenges(pool: Pool, user: UserRecord | undefined): string[] {
  const challenges = ['PASSWORD', 'PASSWORD_SRP'];
  if (
    pool.config.signInPolicy.allowedFirstAuthFactors.includes('EMAIL_OTP') &&
    user !== undefined &&
    canReceiveSignInCode(pool, user)
  ) {
    challenges.push('EMAIL_OTP');
  }
  if (
    pool.config.signInPolicy.allowedFirstAuthFactors.includes('WEB_AUTHN') &&
    user !== undefined &&
    pool.config.mfaConfiguration !== 'ON' &&
    user.status === 'CONFIRMED' &&
    passkeysOf(user).length > 0
  ) {
    challenges.push('WEB_AUTHN');
  }
  return challenges;
}

/**
 * Passwordless first factors are not available where the pool requires MFA, and a code goes
 * only to a verified address of a confirmed account.
 */
function canReceiveSignInCode(pool: Pool, user: UserRecord): boolean {
  return (
    pool.config.mfaConfiguration !== 'ON' &&
    user.status === 'CONFIRMED' &&
    Boolean(user.attributes.email) &&
    user.attributes.email_verified === 'true'
  );
}

/**
 * InitiateAuth / AdminInitiateAuth with USER_AUTH: with the Session of a confirmed sign-up,
 * tokens; with a PREFERRED_CHALLENGE this user may use, that challenge at once; otherwise
 * SELECT_CHALLENGE with the AvailableChallenges.
 */
export async function startUserAuth(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  params: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const username = requiredParameter(params, 'USERNAME');
  const preferred = Object.hasOwn(params, 'PREFERRED_CHALLENGE')
    ? params.PREFERRED_CHALLENGE
    : undefined;
  if (preferred !== undefined && !FIRST_FACTOR_CHALLENGES.includes(preferred)) {
    throw new CognitoError(
      'InvalidParameterException',
      `PREFERRED_CHALLENGE must be one of ${FIRST_FACTOR_CHALLENGES.join(', ')}`,
    );
  }
  await checkSecretHash(pool, client, username, params.SECRET_HASH);
  if (session !== undefined) {
    return signInAfterSignUp(ctx, pool, client, session, params, request);
  }
  const user = pool.lookup(username);
  if (!user && !client.preventUserExistenceErrors) throw userNotFound();
  const available = availableChallenges(pool, user);
  if (preferred !== undefined && available.includes(preferred)) {
    return firstFactor(ctx, pool, client, user, preferred, params, request);
  }
  // A preference this user cannot use (SMS_OTP, or EMAIL_OTP without a verified address)
  // leaves the choice to them.
  const state: ChallengeSession = {
    poolId: pool.id,
    clientId: client.id,
    sub: user?.sub ?? '',
    challenge: 'SELECT_CHALLENGE',
    expiresAt: 0,
    available,
  };
  return {
    ChallengeName: 'SELECT_CHALLENGE',
    ChallengeParameters: {},
    AvailableChallenges: available,
    Session: continueChallengeSession(ctx, pool, state),
  };
}

/**
 * The SELECT_CHALLENGE answer: ANSWER names one of the AvailableChallenges offered, with what
 * that challenge needs in the same request (PASSWORD, or SRP_A; nothing for EMAIL_OTP, whose
 * code is then sent). A name that was not offered leaves the session usable.
 */
export async function answerSelectChallenge(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const username = requiredParameter(responses, 'USERNAME');
  const answer = requiredParameter(responses, 'ANSWER');
  const state = takeChallengeSession(ctx, session, 'SELECT_CHALLENGE', {
    poolId: pool.id,
    clientId: client.id,
  });
  if (!state.available?.includes(answer)) {
    if (session !== undefined) ctx.rememberChallengeSession(session, state);
    throw new CognitoError(
      'InvalidParameterException',
      `ANSWER must be one of the available challenges: ${(state.available ?? []).join(', ')}`,
    );
  }
  await checkSecretHash(pool, client, username, responses.SECRET_HASH);
  const user = state.sub === '' ? undefined : pool.store.userBySub(state.sub);
  if (user && pool.lookup(username)?.sub !== user.sub) throw incorrectCredentials();
  return firstFactor(ctx, pool, client, user, answer, responses, request);
}

/** Starts the chosen first factor; `user` is undefined for an unknown name's decoy. */
async function firstFactor(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord | undefined,
  challenge: string,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  if (challenge === 'PASSWORD_SRP') return startSrp(ctx, pool, client, params);
  if (challenge === 'PASSWORD') {
    const password = requiredParameter(params, 'PASSWORD');
    if (!user) throw incorrectCredentials();
    return passwordFirstFactor(ctx, pool, client, user, password, request);
  }
  if (!user) throw incorrectCredentials();
  if (challenge === 'WEB_AUTHN') return startPasskeySignIn(ctx, pool, client, user);
  return sendSignInCode(ctx, pool, client, user);
}

/**
 * EMAIL_OTP: an eight-digit code to the user's email, and where it went as Cognito reports a
 * code challenge's delivery (CODE_DELIVERY_DELIVERY_MEDIUM, CODE_DELIVERY_DESTINATION). Codes
 * sent count against the hourly limit every code shares.
 */
function sendSignInCode(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
): Json {
  const { delivery } = sendCode(pool, user, 'SIGN_IN');
  return {
    ChallengeName: 'EMAIL_OTP',
    ChallengeParameters: {
      CODE_DELIVERY_DELIVERY_MEDIUM: delivery.DeliveryMedium,
      CODE_DELIVERY_DESTINATION: delivery.Destination,
    },
    Session: startChallengeSession(ctx, pool, client.id, user.sub, 'EMAIL_OTP'),
  };
}

/**
 * The EMAIL_OTP answer (EMAIL_OTP_CODE). A wrong code is CodeMismatchException with the wording
 * of Cognito's other sign-in codes and counts toward the lockout wrong passwords start; the
 * same session may be answered again until EMAIL_OTP_ATTEMPTS wrong codes. The code is used
 * once. No second factor follows a passwordless first factor.
 */
export async function answerEmailOtp(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const code = requiredParameter(responses, 'EMAIL_OTP_CODE');
  const { state, user } = await challengedUser(ctx, pool, client, 'EMAIL_OTP', session, responses, {
    secretHash: true,
    lockout: true,
  });
  const pending = user.codes.SIGN_IN;
  const valid =
    pending !== undefined &&
    pending.expiresAt > ctx.now() &&
    timingSafeEqual(utf8(pending.code), utf8(code));
  if (!valid) {
    recordFailedSignIn(pool, user);
    const wrongCodes = (state.wrongCodes ?? 0) + 1;
    if (session !== undefined && wrongCodes < EMAIL_OTP_ATTEMPTS) {
      ctx.rememberChallengeSession(session, { ...state, wrongCodes });
    }
    throw new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');
  }
  pool.update(user, { codes: withoutCode(user, 'SIGN_IN') });
  return finishChallenge(pool, client, user.sub, request);
}

/**
 * SignUp's Session, for ConfirmSignUp: it lives as long as the confirmation code, since the
 * person may take a while to open the email.
 */
export function startSignUpSession(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  sub: string,
): string {
  const state: ChallengeSession = {
    poolId: pool.id,
    clientId: client.id,
    sub,
    challenge: 'SIGN_UP',
    expiresAt: 0,
  };
  return continueChallengeSession(ctx, pool, state, pool.config.signUpCodeValidity);
}

/**
 * ConfirmSignUp's Session: given SignUp's for this user, a new one that InitiateAuth USER_AUTH
 * may use once, within the authentication session duration, to sign the person in. Anything
 * else (none, another user's, an expired one) confirms without offering that sign-in.
 */
export function confirmedSignUpSession(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  sub: string,
  session: string | undefined,
): string | undefined {
  const state = session === undefined ? undefined : ctx.takeChallengeSession(session);
  if (
    state?.challenge !== 'SIGN_UP' ||
    state.expiresAt <= ctx.now() ||
    state.poolId !== pool.id ||
    state.clientId !== client.id ||
    state.sub !== sub
  ) {
    return undefined;
  }
  return startChallengeSession(ctx, pool, client.id, sub, 'CONFIRMED_SIGN_UP');
}

/**
 * USER_AUTH with ConfirmSignUp's Session: "Amazon Cognito assumes the ... one-time verification
 * password from ConfirmSignUp as the primary authentication factor" (InitiateAuth's Session,
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html),
 * so the user is signed in (or meets MFA set-up where the pool requires it), once.
 */
async function signInAfterSignUp(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  session: string,
  params: Record<string, string>,
  request: RequestInfo,
): Promise<Json> {
  // SECRET_HASH was checked with the rest of the request.
  const { user } = await challengedUser(ctx, pool, client, 'CONFIRMED_SIGN_UP', session, params, {
    secretHash: false,
    lockout: false,
  });
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  return signedIn(ctx, pool, client, user, request);
}
