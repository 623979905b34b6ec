/**
 * Passkeys (WebAuthn): registering one for a signed-in user (StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration) and signing in with one, USER_AUTH's WEB_AUTHN challenge
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passkey).
 * Challenges are single-use and short-lived; the signature checks are the injected verifier's.
 */

import { fromBase64, toBase64Url, utf8 } from '../bytes.ts';
import { CognitoError, incorrectCredentials } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { OperationContext, RequestInfo } from '../context.ts';
import { isJsonObject, type Json } from '../input.ts';
import { recordFailedSignIn } from '../pool/passwords.ts';
import type { Pool } from '../pool/pool.ts';
import type { PasskeyRecord, UserRecord } from '../store.ts';
import {
  clientDataOf,
  originAllowed,
  type PasskeyExpectations,
  type PasskeyVerifier,
} from '../webauthn.ts';
import { challengedUser, finishChallenge } from './challenge-answers.ts';
import { continueChallengeSession } from './challenge-sessions.ts';
import { requiredParameter } from './sign-in.ts';

/** How long a registration may take, in seconds: the `timeout` its options announce. */
const REGISTRATION_SECONDS = 300;

/** Passkeys one user may hold; Cognito's quota is 20 per user. */
const MAX_PASSKEYS = 20;

/** COSE algorithms offered: ES256 and RS256, what platform authenticators make. */
const PUBLIC_KEY_ALGORITHMS = [-7, -257];

/** The user's passkeys, oldest first. */
export function passkeysOf(user: UserRecord): PasskeyRecord[] {
  return user.passkeys ?? [];
}

/** The verifier, or Cognito's refusal for a pool that cannot do passkeys here. */
function verifierOf(ctx: OperationContext): PasskeyVerifier {
  if (!ctx.passkeyVerifier) {
    throw new CognitoError(
      'WebAuthnConfigurationMissingException',
      'Passkeys are not available: this emulator was started without a WebAuthn verifier.',
    );
  }
  return ctx.passkeyVerifier;
}

/** Passkeys must be an allowed first factor of the pool (its SignInPolicy). */
export function assertPasskeysEnabled(pool: Pool): void {
  if (!pool.config.signInPolicy.allowedFirstAuthFactors.includes('WEB_AUTHN')) {
    throw new CognitoError(
      'WebAuthnNotEnabledException',
      'WebAuthn is not enabled for this user pool.',
    );
  }
}

/** Where a pending registration's challenge is kept: one per user, the newest wins. */
function registrationKey(pool: Pool, sub: string): string {
  // Spaces never occur in an opaque Session token, so this key cannot meet one.
  return `webauthn-registration ${pool.id} ${sub}`;
}

/**
 * StartWebAuthnRegistration's CredentialCreationOptions (the PublicKeyCredentialCreationOptions
 * JSON a browser's `navigator.credentials.create` takes after decoding): the pool's relying
 * party, the user, a new challenge, and the user's passkeys to exclude.
 */
export function registrationOptions(ctx: OperationContext, pool: Pool, user: UserRecord): Json {
  assertPasskeysEnabled(pool);
  verifierOf(ctx);
  const challenge = toBase64Url(ctx.randomBytes(32));
  ctx.rememberChallengeSession(registrationKey(pool, user.sub), {
    poolId: pool.id,
    clientId: '',
    sub: user.sub,
    challenge: 'WEB_AUTHN_REGISTRATION',
    expiresAt: ctx.now() + REGISTRATION_SECONDS * 1000,
    webAuthnChallenge: challenge,
  });
  const { relyingPartyId, userVerification } = pool.config.webAuthn;
  return {
    challenge,
    rp: { id: relyingPartyId, name: pool.config.name },
    user: {
      id: toBase64Url(utf8(user.sub)),
      name: user.username,
      displayName: user.attributes.email ?? user.username,
    },
    pubKeyCredParams: PUBLIC_KEY_ALGORITHMS.map((alg) => ({ type: 'public-key', alg })),
    timeout: REGISTRATION_SECONDS * 1000,
    excludeCredentials: passkeysOf(user).map((passkey) => ({
      type: 'public-key',
      id: passkey.id,
      transports: passkey.transports,
    })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification },
    attestation: 'none',
  };
}

/**
 * The expectations a response is held to, once its client data names the challenge issued, the
 * ceremony expected, and an origin the pool allows.
 */
function expectationsFor(
  pool: Pool,
  response: Json,
  type: 'webauthn.create' | 'webauthn.get',
  challenge: string,
  notFound: () => CognitoError,
): PasskeyExpectations {
  const data = clientDataOf(response);
  if (!data || data.type !== type) {
    throw new CognitoError('InvalidParameterException', 'The credential could not be read.');
  }
  if (data.challenge !== challenge) throw notFound();
  if (!originAllowed(pool.config.webAuthn, data.origin)) {
    throw new CognitoError(
      'WebAuthnOriginNotAllowedException',
      `The origin ${data.origin} is not allowed for relying party ${pool.config.webAuthn.relyingPartyId}.`,
    );
  }
  return {
    challenge,
    origin: data.origin,
    rpId: pool.config.webAuthn.relyingPartyId,
    requireUserVerification: pool.config.webAuthn.userVerification === 'required',
  };
}

const challengeNotFound = () =>
  new CognitoError(
    'WebAuthnChallengeNotFoundException',
    'The WebAuthn registration challenge was not found or has expired.',
  );

/**
 * CompleteWebAuthnRegistration: the browser's RegistrationResponseJSON, checked against the
 * challenge this user was last issued (used up by the attempt, right or wrong), then kept.
 */
export async function completeRegistration(
  ctx: OperationContext,
  pool: Pool,
  user: UserRecord,
  credential: Json,
): Promise<void> {
  assertPasskeysEnabled(pool);
  const verifier = verifierOf(ctx);
  const pending = ctx.takeChallengeSession(registrationKey(pool, user.sub));
  if (
    pending?.challenge !== 'WEB_AUTHN_REGISTRATION' ||
    pending.webAuthnChallenge === undefined ||
    pending.expiresAt <= ctx.now()
  ) {
    throw challengeNotFound();
  }
  const expected = expectationsFor(
    pool,
    credential,
    'webauthn.create',
    pending.webAuthnChallenge,
    challengeNotFound,
  );
  const verdict = await verifier.verifyRegistration(credential, expected);
  if (!verdict.ok) throw refusal(pool, verdict.reason, verdict.message);
  const current = pool.store.userBySub(user.sub) ?? user;
  const passkeys = passkeysOf(current);
  if (passkeys.some((passkey) => passkey.id === verdict.credentialId)) {
    throw new CognitoError(
      'WebAuthnCredentialNotSupportedException',
      'This passkey is already registered for the user.',
    );
  }
  if (passkeys.length >= MAX_PASSKEYS) {
    throw new CognitoError(
      'LimitExceededException',
      `A user may register at most ${MAX_PASSKEYS} passkeys.`,
    );
  }
  const attachment = credential.authenticatorAttachment;
  const record: PasskeyRecord = {
    id: verdict.credentialId,
    publicKey: toBase64Url(verdict.publicKey),
    counter: verdict.counter,
    transports: verdict.transports,
    ...(attachment === 'platform' || attachment === 'cross-platform' ? { attachment } : {}),
    friendlyName: `Passkey ${passkeys.length + 1}`,
    relyingPartyId: expected.rpId,
    createdAt: ctx.now(),
  };
  pool.update(current, { passkeys: [...passkeys, record] });
}

/** A verifier's refusal as Cognito words it. */
function refusal(pool: Pool, reason: 'relying-party' | 'invalid', message: string): CognitoError {
  if (reason === 'relying-party') {
    return new CognitoError(
      'WebAuthnRelyingPartyMismatchException',
      `The credential was made for another relying party than ${pool.config.webAuthn.relyingPartyId}.`,
    );
  }
  return new CognitoError('InvalidParameterException', `The credential is not valid: ${message}`);
}

/**
 * USER_AUTH's WEB_AUTHN challenge: CREDENTIAL_REQUEST_OPTIONS (PublicKeyCredentialRequestOptions
 * JSON) with a new challenge held under the Session, for the user's passkeys only.
 */
export function startPasskeySignIn(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  user: UserRecord,
): Json {
  verifierOf(ctx);
  const challenge = toBase64Url(ctx.randomBytes(32));
  const session = continueChallengeSession(ctx, pool, {
    poolId: pool.id,
    clientId: client.id,
    sub: user.sub,
    challenge: 'WEB_AUTHN',
    expiresAt: 0,
    webAuthnChallenge: challenge,
  });
  const options = {
    challenge,
    rpId: pool.config.webAuthn.relyingPartyId,
    allowCredentials: passkeysOf(user).map((passkey) => ({
      type: 'public-key',
      id: passkey.id,
      transports: passkey.transports,
    })),
    userVerification: pool.config.webAuthn.userVerification,
    timeout: pool.config.srpHandshakeValidity * 1000,
  };
  return {
    ChallengeName: 'WEB_AUTHN',
    ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) },
    Session: session,
  };
}

/**
 * The WEB_AUTHN answer: CREDENTIAL, an AuthenticationResponseJSON made with one of the user's
 * passkeys over this session's challenge. The session is used up either way, so an assertion
 * cannot be replayed; the authenticator's counter must move forward where it counts. A passkey
 * proves possession and (with user verification) the person, so no second factor follows.
 */
export async function answerWebAuthn(
  ctx: OperationContext,
  pool: Pool,
  client: ClientConfig,
  responses: Record<string, string>,
  session: string | undefined,
  request: RequestInfo,
): Promise<Json> {
  const text = requiredParameter(responses, 'CREDENTIAL');
  const { state, user } = await challengedUser(ctx, pool, client, 'WEB_AUTHN', session, responses, {
    secretHash: true,
    lockout: true,
  });
  const verifier = verifierOf(ctx);
  let credential: unknown;
  try {
    credential = JSON.parse(text);
  } catch {
    credential = undefined;
  }
  if (!isJsonObject(credential) || typeof credential.id !== 'string') {
    throw new CognitoError(
      'InvalidParameterException',
      'CREDENTIAL must be a WebAuthn credential in JSON.',
    );
  }
  const passkey = passkeysOf(user).find((p) => p.id === credential.id);
  if (!passkey || state.webAuthnChallenge === undefined) {
    recordFailedSignIn(pool, user);
    throw incorrectCredentials();
  }
  const expected = expectationsFor(pool, credential, 'webauthn.get', state.webAuthnChallenge, () =>
    incorrectCredentials(),
  );
  const verdict = await verifier.verifyAuthentication(credential, expected, {
    id: passkey.id,
    publicKey: fromBase64(passkey.publicKey),
    counter: passkey.counter,
    transports: passkey.transports,
  });
  if (!verdict.ok) {
    recordFailedSignIn(pool, user);
    if (verdict.reason === 'relying-party') throw refusal(pool, verdict.reason, verdict.message);
    throw incorrectCredentials();
  }
  const current = pool.store.userBySub(user.sub) ?? user;
  const passkeys = passkeysOf(current).map((p) =>
    p.id === passkey.id ? { ...p, counter: verdict.newCounter } : p,
  );
  pool.update(current, { passkeys });
  return finishChallenge(pool, client, user.sub, request);
}
