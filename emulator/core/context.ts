/**
 * What an operation may use of the emulator around it, and nothing more: the pools and app
 * clients served, the SRP handshakes and challenge sessions in flight, the clock,
 * randomness and the SRP math. The emulator implements it; operations never see the emulator.
 */

import type { ClientConfig } from './config.ts';
import type { RandomBytes } from './crypto.ts';
import type { Json } from './input.ts';
import type { Pool } from './pool/pool.ts';
import type { SrpMath } from './srp.ts';
import type { PasskeyVerifier } from './webauthn.ts';

/** The per-request facts an operation may need. */
export interface RequestInfo {
  /** Where this emulator is mounted, e.g. `http://127.0.0.1:9229`; issuers hang below it. */
  baseUrl: string;
}

/** An SRP handshake (or a pending NEW_PASSWORD_REQUIRED), kept in memory until used or expired. */
export interface Handshake {
  poolId: string;
  clientId: string;
  /** Absent for the decoy handshake of an unknown user when existence errors are prevented. */
  sub: string | undefined;
  A: bigint;
  B: bigint;
  b: bigint;
  expiresAt: number;
}

/**
 * The steps of a sign-in held under a `Session`: the challenges after a proven password, the
 * choice-based ones (SELECT_CHALLENGE, EMAIL_OTP), and the two halves of sign-in after sign-up
 * (SIGN_UP until ConfirmSignUp, then CONFIRMED_SIGN_UP until InitiateAuth uses it).
 */
export type SessionChallenge =
  | 'NEW_PASSWORD_REQUIRED'
  | 'SOFTWARE_TOKEN_MFA'
  | 'MFA_SETUP'
  | 'SELECT_CHALLENGE'
  | 'EMAIL_OTP'
  | 'SIGN_UP'
  | 'CONFIRMED_SIGN_UP'
  | 'WEB_AUTHN'
  | 'WEB_AUTHN_REGISTRATION';

/** A challenge in progress: whose it is, which challenge, and until when. */
export interface ChallengeSession {
  poolId: string;
  clientId: string;
  /** '' for the decoy choice an unknown name gets where existence errors are prevented. */
  sub: string;
  challenge: SessionChallenge;
  expiresAt: number;
  /** MFA_SETUP: the secret AssociateSoftwareToken handed out, kept only for this sign-in. */
  secret?: string;
  /** MFA_SETUP: a code from that secret was verified, so the challenge may be answered. */
  verified?: boolean;
  /** SELECT_CHALLENGE: the AvailableChallenges offered, one of which ANSWER must name. */
  available?: string[];
  /** EMAIL_OTP: wrong codes entered so far under this sign-in. */
  wrongCodes?: number;
  /** WEB_AUTHN and WEB_AUTHN_REGISTRATION: the WebAuthn challenge issued (base64url). */
  webAuthnChallenge?: string;
}

/** The emulator as an operation sees it. */
export interface OperationContext {
  /** The clock, in milliseconds. */
  readonly now: () => number;
  readonly randomBytes: RandomBytes;
  readonly math: SrpMath;
  /** Checks WebAuthn signatures; undefined where the adapter wired none (passkeys refused). */
  readonly passkeyVerifier: PasskeyVerifier | undefined;
  /** The pool with this id, or Cognito's ResourceNotFoundException. */
  pool(poolId: string): Pool;
  /** The pool ids served. */
  poolIds(): string[];
  /** The app client with this id and its pool, or Cognito's ResourceNotFoundException. */
  client(clientId: string): { pool: Pool; client: ClientConfig };
  /** Adds an app client to its pool, or replaces the one with its id. */
  putClient(pool: Pool, client: ClientConfig): void;
  /** Keeps a handshake under its SECRET_BLOCK until it is taken or expires. */
  rememberHandshake(secretBlock: string, handshake: Handshake): void;
  /** Takes a handshake out (each is usable once), or undefined when unknown. */
  takeHandshake(secretBlock: string): Handshake | undefined;
  /** Keeps the state of a challenge under its Session. */
  rememberChallengeSession(session: string, state: ChallengeSession): void;
  /** Takes a challenge's state out (usable once), or undefined when unknown. */
  takeChallengeSession(session: string): ChallengeSession | undefined;
}

/** One Cognito operation: a JSON object in, a JSON object out, CognitoError on refusal. */
export type Operation = (ctx: OperationContext, input: Json, request: RequestInfo) => Promise<Json>;
