/** One user pool at run time: its configuration, data and the Cognito rules shared by operations. */

import { timingSafeEqual, toBase64, toHex, utf8 } from './bytes.ts';
import { CognitoError, userNotFound } from './cognito-error.ts';
import type { ClientConfig, PoolConfig } from './config.ts';
import type { RandomBytes } from './crypto.ts';
import { groupClaims } from './groups.ts';
import { numericCode, opaqueToken, randomInteger, uuid } from './ids.ts';
import type { Json } from './input.ts';
import { computeVerifier, hexToBigInt, type SrpMath } from './srp.ts';
import type { CodePurpose, PoolStore, SessionRecord, UserRecord } from './store.ts';
import type { TokenSigner } from './tokens.ts';

/** A code as it was "delivered", for the mailbox. */
export interface Mail {
  to: string;
  code: string;
  purpose: 'sign-up' | 'forgot-password' | 'verify-attribute' | 'invitation';
  sentAt: string;
  userPoolId: string;
  username: string;
}

/** What every pool needs from the emulator around it. */
export interface PoolDeps {
  now: () => number;
  randomBytes: RandomBytes;
  math: SrpMath;
  deliver: (mail: Mail) => void;
}

/** Cognito's shape for where a code went. */
export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL';
  AttributeName: 'email';
}

const MAIL_PURPOSE: Record<CodePurpose, Mail['purpose']> = {
  SIGN_UP: 'sign-up',
  FORGOT_PASSWORD: 'forgot-password',
  VERIFY_EMAIL: 'verify-attribute',
};

/**
 * How an operation words a policy failure: most say "did not conform with", while
 * ConfirmForgotPassword and the NEW_PASSWORD_REQUIRED challenge say "does not conform to".
 */
export type PolicyWording = 'did not conform with' | 'does not conform to';

/** The schema's required attributes, as the Wild Rydes pool (which verifies email) has them. */
export const REQUIRED_ATTRIBUTES: readonly string[] = ['email'];

/** `someone@example.com` → `s***@e***`, as Cognito masks destinations. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}

/** Cognito's special characters; a space counts too when it is neither leading nor trailing. */
const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]|[^ ] +[^ ]/;

// No spaces, and no control or format characters (ESC, BEL, NUL, bidi overrides): Cognito's
// username pattern, [\p{L}\p{M}\p{S}\p{N}\p{P}]+ in the SignUp API reference, has none of them,
// and an address is printed on the emulator's console.
const EMAIL = /^[^\s@\p{Cc}\p{Cf}\p{Cs}]+@[^\s@\p{Cc}\p{Cf}\p{Cs}]+\.[^\s@\p{Cc}\p{Cf}\p{Cs}]+$/u;

/** Cognito's check of an email attribute's format. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 2048;
}

export class Pool {
  readonly name: string;
  private decoySecret: Promise<Uint8Array> | undefined;

  constructor(
    readonly config: PoolConfig,
    readonly store: PoolStore,
    readonly signer: TokenSigner,
    private readonly deps: PoolDeps,
  ) {
    this.name = config.id.slice(config.id.indexOf('_') + 1);
  }

  get id(): string {
    return this.config.id;
  }

  /** The emulator's clock, in milliseconds. */
  time(): number {
    return this.deps.now();
  }

  get signsInWithEmail(): boolean {
    return this.config.usernameAttributes.includes('email');
  }

  /** The user a person means by what they typed: username, or email in email pools. */
  lookup(name: string): UserRecord | undefined {
    return (
      this.store.userByUsername(name) ??
      (this.signsInWithEmail ? this.store.userByEmail(name) : undefined)
    );
  }

  /**
   * Throws InvalidPasswordException with Cognito's first unmet rule, in the operation's wording.
   * Rules as documented in
   * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html:
   * Basic Latin letters only count as upper- or lowercase, only the listed characters (and a space
   * that is neither leading nor trailing) count as symbols. Length is counted in UTF-16 code units,
   * as the service's Java strings count it (not documented; an emoji counts as two).
   */
  checkPasswordPolicy(password: string, wording: PolicyWording = 'did not conform with'): void {
    const policy = this.config.passwordPolicy;
    const fail = (rule: string) =>
      new CognitoError('InvalidPasswordException', `Password ${wording} policy: ${rule}`);
    if (password.length < policy.minimumLength) throw fail('Password not long enough');
    if (policy.requireLowercase && !/[a-z]/.test(password)) {
      throw fail('Password must have lowercase characters');
    }
    if (policy.requireUppercase && !/[A-Z]/.test(password)) {
      throw fail('Password must have uppercase characters');
    }
    if (policy.requireNumbers && !/[0-9]/.test(password)) {
      throw fail('Password must have numeric characters');
    }
    if (policy.requireSymbols && !SYMBOL.test(password)) {
      throw fail('Password must have symbol characters');
    }
  }

  /** A fresh salt and the SRP verifier of the password for this username. */
  async passwordVerifier(
    username: string,
    password: string,
  ): Promise<{ salt: string; verifier: string }> {
    const salt = toHex(this.deps.randomBytes(16));
    const v = await computeVerifier(
      this.deps.math,
      this.name,
      username,
      password,
      hexToBigInt(salt),
    );
    return { salt, verifier: v.toString(16) };
  }

  /** Whether the password is the user's, by recomputing the verifier from the stored salt. */
  async passwordMatches(user: UserRecord, password: string): Promise<boolean> {
    const v = await computeVerifier(
      this.deps.math,
      this.name,
      user.username,
      password,
      hexToBigInt(user.salt),
    );
    return timingSafeEqual(utf8(v.toString(16)), utf8(user.verifier));
  }

  /**
   * Refuses users locked out by failed attempts, before any password is checked. Whether the
   * account is disabled is told only to someone who proved the password (see settleSignIn).
   */
  assertNotLockedOut(user: UserRecord): void {
    if (user.lockedUntil > this.deps.now()) {
      throw new CognitoError('NotAuthorizedException', 'Password attempts exceeded');
    }
  }

  /** Counts a wrong password; from the Nth on, locks for 1 s doubling up to the maximum. */
  recordFailedSignIn(user: UserRecord): void {
    const failures = user.failedSignIns + 1;
    const over = failures - this.config.lockoutAfterFailures;
    const lockSeconds =
      over >= 0 ? Math.min(2 ** Math.min(over, 30), this.config.maxLockoutSeconds) : 0;
    this.update(user, {
      failedSignIns: failures,
      lockedUntil: lockSeconds > 0 ? this.deps.now() + lockSeconds * 1000 : user.lockedUntil,
    });
  }

  /** Clears the failure count after a correct password. */
  recordSuccessfulSignIn(user: UserRecord): void {
    if (user.failedSignIns !== 0 || user.lockedUntil !== 0) {
      this.update(user, { failedSignIns: 0, lockedUntil: 0 });
    }
  }

  /** Stores a changed copy of the user (records are replaced, never mutated in place). */
  update(user: UserRecord, changes: Partial<UserRecord>): UserRecord {
    const next: UserRecord = { ...user, ...changes, updatedAt: this.deps.now() };
    this.store.putUser(next);
    return next;
  }

  /**
   * Sends a new code for the purpose to the user's email (or, for a changed email, to the new
   * address `pending`), replacing any earlier one; enforces the per-user attempt limit.
   */
  sendCode(
    user: UserRecord,
    purpose: CodePurpose,
    pending?: string,
  ): { user: UserRecord; delivery: CodeDeliveryDetails } {
    const now = this.deps.now();
    const recent = this.recentAttempts(user);
    const email = pending ?? user.attributes.email ?? '';
    const code = numericCode(this.deps.randomBytes);
    // Sign-up and attribute verification codes live 24 h, reset codes 1 h (Cognito's defaults).
    const validity =
      purpose === 'FORGOT_PASSWORD'
        ? this.config.forgotPasswordCodeValidity
        : this.config.signUpCodeValidity;
    const sent = { code, expiresAt: now + validity * 1000 };
    const next = this.update(user, {
      codes: {
        ...user.codes,
        [purpose]: pending === undefined ? sent : { ...sent, value: pending },
      },
      codeRequests: [...recent, now],
    });
    this.deps.deliver({
      to: email,
      code,
      purpose: MAIL_PURPOSE[purpose],
      sentAt: new Date(now).toISOString(),
      userPoolId: this.id,
      username: user.username,
    });
    return { user: next, delivery: this.deliveryDetails(email) };
  }

  /** Where a code to this email would go. */
  deliveryDetails(email: string): CodeDeliveryDetails {
    return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
  }

  /** Delivers a message that is not a code (an invitation with a temporary password). */
  deliverInvitation(user: UserRecord, temporaryPassword: string): void {
    this.deps.deliver({
      to: user.attributes.email ?? '',
      code: temporaryPassword,
      purpose: 'invitation',
      sentAt: new Date(this.deps.now()).toISOString(),
      userPoolId: this.id,
      username: user.username,
    });
  }

  /**
   * Throws unless `code` is the user's live code for the purpose. Does not consume it. A wrong
   * code counts against the same hourly budget as code requests: Cognito allows "between 5 and
   * 20 attempts for a user to request or enter a password reset code" in an hour
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html),
   * so codes cannot be guessed. The count lives on the user record, so it survives restarts.
   */
  checkCode(user: UserRecord, purpose: CodePurpose, code: string): void {
    const recent = this.recentAttempts(user);
    const pending = user.codes[purpose];
    if (!pending || pending.expiresAt <= this.deps.now()) {
      throw new CognitoError(
        'ExpiredCodeException',
        'Invalid code provided, please request a code again.',
      );
    }
    if (!timingSafeEqual(utf8(pending.code), utf8(code))) {
      this.update(this.store.userBySub(user.sub) ?? user, {
        codeRequests: [...recent, this.deps.now()],
      });
      throw new CognitoError(
        'CodeMismatchException',
        'Invalid verification code provided, please try again.',
      );
    }
  }

  /** Code requests and wrong codes within the window; LimitExceededException once at the limit. */
  private recentAttempts(user: UserRecord): number[] {
    const windowStart = this.deps.now() - this.config.codeRequestWindow * 1000;
    const recent = user.codeRequests.filter((t) => t > windowStart);
    if (recent.length >= this.config.codeRequestLimit) {
      throw new CognitoError(
        'LimitExceededException',
        'Attempt limit exceeded, please try after some time.',
      );
    }
    return recent;
  }

  /**
   * Stand-ins for a user who does not exist, so that answers about them look like answers about
   * a real user: the same name always gets the same salt, UUID-shaped user id and masked
   * address. They come from a secret derived from the pool's signing key, which persists with
   * the pool's data, so they survive restarts and cannot be computed from outside.
   */
  async decoy(name: string): Promise<{ salt: string; userId: string; destination: string }> {
    this.decoySecret ??= Promise.resolve(
      this.deps.math.hmacSha256(
        utf8(this.signer.keys.id.privateJwk.d ?? ''),
        utf8('wild-rydes user-existence decoys'),
      ),
    );
    const secret = await this.decoySecret;
    const derive = async (label: string) =>
      this.deps.math.hmacSha256(secret, utf8(`${label}:${this.id}:${name.toLowerCase()}`));
    const [salt, id, letters] = await Promise.all([derive('salt'), derive('id'), derive('mask')]);
    const letter = (byte = 0) => 'abcdefghijklmnopqrstuvwxyz'.charAt(byte % 26);
    return {
      salt: toHex(salt.slice(0, 16)),
      userId: uuid(() => id.slice(0, 16)),
      destination: isEmail(name)
        ? maskEmail(name)
        : `${letter(letters[0])}***@${letter(letters[1])}***`,
    };
  }

  /** Removes a used code so it cannot be used twice. */
  withoutCode(user: UserRecord, purpose: CodePurpose): UserRecord['codes'] {
    const { [purpose]: _used, ...rest } = user.codes;
    return rest;
  }

  /** Checks SECRET_HASH for clients that have a secret, with Cognito's wording. */
  async checkSecretHash(
    client: ClientConfig,
    username: string,
    secretHash: string | undefined,
  ): Promise<void> {
    if (client.secret === undefined) return;
    const refuse = () =>
      new CognitoError(
        'NotAuthorizedException',
        `Unable to verify secret hash for client ${client.id}`,
      );
    if (secretHash === undefined) throw refuse();
    const expected = toBase64(
      await this.deps.math.hmacSha256(utf8(client.secret), utf8(username + client.id)),
    );
    if (!timingSafeEqual(utf8(expected), utf8(secretHash))) throw refuse();
  }

  /** Starts a sign-in session and returns the three tokens for it. */
  async startSession(user: UserRecord, client: ClientConfig, issuer: string): Promise<Json> {
    const now = this.deps.now();
    const session: SessionRecord = {
      originJti: uuid(this.deps.randomBytes),
      sub: user.sub,
      clientId: client.id,
      refreshToken: opaqueToken(this.deps.randomBytes, 96),
      authTime: Math.floor(now / 1000),
      expiresAt: now + client.refreshTokenValidity * 1000,
      revoked: false,
    };
    this.pruneSessions(user.sub);
    this.store.putSession(session);
    const tokens = await this.mintTokens(user, client, session, issuer);
    return { ...tokens, RefreshToken: session.refreshToken };
  }

  /**
   * New ID and access tokens for an existing session (REFRESH_TOKEN_AUTH). Group claims are read
   * now, so a change of membership (or a deleted group) shows from the next issue on.
   */
  async mintTokens(
    user: UserRecord,
    client: ClientConfig,
    session: SessionRecord,
    issuer: string,
  ): Promise<Json> {
    const iat = Math.floor(this.deps.now() / 1000);
    const eventId = uuid(this.deps.randomBytes);
    const common = {
      sub: user.sub,
      iss: issuer,
      origin_jti: session.originJti,
      event_id: eventId,
      auth_time: session.authTime,
      iat,
    };
    const { email_verified, ...attributes } = user.attributes;
    const groups = groupClaims(this.store.groupsOf(user.sub));
    const idClaims: Json = {
      ...attributes,
      ...groups.id,
      ...common,
      ...(email_verified === undefined ? {} : { email_verified: email_verified === 'true' }),
      'cognito:username': user.username,
      aud: client.id,
      token_use: 'id',
      exp: iat + client.idTokenValidity,
      jti: uuid(this.deps.randomBytes),
    };
    const accessClaims: Json = {
      ...groups.access,
      ...common,
      client_id: client.id,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      exp: iat + client.accessTokenValidity,
      jti: uuid(this.deps.randomBytes),
      username: user.username,
    };
    const [IdToken, AccessToken] = await Promise.all([
      this.signer.sign(idClaims, 'id'),
      this.signer.sign(accessClaims, 'access'),
    ]);
    return { AccessToken, ExpiresIn: client.accessTokenValidity, IdToken, TokenType: 'Bearer' };
  }

  /** The user behind a live access token, with Cognito's wording for each refusal. */
  async authenticate(accessToken: string): Promise<UserRecord> {
    const claims = await this.signer.verify(accessToken, Math.floor(this.deps.now() / 1000));
    if (claims === 'expired') {
      throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
    }
    if (
      typeof claims === 'string' ||
      claims.token_use !== 'access' ||
      typeof claims.sub !== 'string'
    ) {
      throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    }
    const session =
      typeof claims.origin_jti === 'string' ? this.store.session(claims.origin_jti) : undefined;
    if (!session || session.revoked) {
      throw new CognitoError('NotAuthorizedException', 'Access Token has been revoked');
    }
    const user = this.store.userBySub(claims.sub);
    if (!user) throw userNotFound();
    if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    return user;
  }

  /** Ends every session of the user (GlobalSignOut). */
  revokeAllSessions(sub: string): void {
    for (const session of this.store.sessionsOf(sub)) {
      if (!session.revoked) this.store.putSession({ ...session, revoked: true });
    }
  }

  /** Drops a user's sessions whose refresh tokens have expired. */
  private pruneSessions(sub: string): void {
    const now = this.deps.now();
    for (const session of this.store.sessionsOf(sub)) {
      if (session.expiresAt <= now) this.store.deleteSession(session.originJti);
    }
  }

  /** A new user record with everything an operation does not decide itself. */
  newUser(
    fields: Pick<UserRecord, 'sub' | 'username' | 'attributes' | 'status' | 'salt' | 'verifier'>,
  ): UserRecord {
    const now = this.deps.now();
    return {
      ...fields,
      enabled: true,
      createdAt: now,
      updatedAt: now,
      failedSignIns: 0,
      lockedUntil: 0,
      codes: {},
      codeRequests: [],
    };
  }

  /** A new random user id. */
  newSub(): string {
    return uuid(this.deps.randomBytes);
  }

  /** Random SRP private value b (256 bits, as Cognito's client uses for a). */
  randomPrivateValue(): bigint {
    return randomInteger(this.deps.randomBytes, 32);
  }

  /** Cognito's wire form of a user's attributes, `sub` first. */
  wireAttributes(user: UserRecord, only?: string[]): { Name: string; Value: string }[] {
    const all = [{ Name: 'sub', Value: user.sub }].concat(
      Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    );
    return only ? all.filter((a) => only.includes(a.Name)) : all;
  }

  /** Cognito's admin view of a user (AdminGetUser, ListUsers). */
  adminView(
    user: UserRecord,
    attributeKey: 'Attributes' | 'UserAttributes',
    only?: string[],
  ): Json {
    return {
      Username: user.username,
      [attributeKey]: this.wireAttributes(user, only),
      UserCreateDate: user.createdAt / 1000,
      UserLastModifiedDate: user.updatedAt / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  }
}
