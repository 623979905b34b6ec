/**
 * The emulator's data: users, sign-in sessions, groups and signing keys per pool. Every change goes
 * through here and is announced to a listener, which is how adapters persist it.
 */

import type { SigningKey } from './tokens.ts';

/** EXTERNAL_PROVIDER: a federated user (`Google_<sub>`), who signs in only through the provider. */
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'EXTERNAL_PROVIDER';

/** What a code is for; SIGN_IN is the one-time password of an EMAIL_OTP sign-in. */
export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | 'VERIFY_EMAIL' | 'SIGN_IN';

export interface PendingCode {
  code: string;
  expiresAt: number;
  /** VERIFY_EMAIL: the new address waiting for this code (the old one stays until then). */
  value?: string;
}

export interface UserRecord {
  /** Immutable id; also the internal username in pools that sign in with email. */
  sub: string;
  username: string;
  /** Attributes other than `sub`, values as strings (Cognito's wire form). */
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** SRP salt and verifier as hex: the password itself is never kept. */
  salt: string;
  verifier: string;
  failedSignIns: number;
  lockedUntil: number;
  codes: Partial<Record<CodePurpose, PendingCode>>;
  /** When codes were sent or wrongly entered recently, for Cognito's per-user attempt limit. */
  codeRequests: number[];
  /** The authenticator app (TOTP) factor; absent for users who never set one up. */
  softwareToken?: SoftwareToken;
  /** Registered passkeys, oldest first; absent for users who never registered one. */
  passkeys?: PasskeyRecord[];
}

/** One passkey (a WebAuthn credential) as CompleteWebAuthnRegistration verified it. */
export interface PasskeyRecord {
  /** The credential id, base64url, as the authenticator made it. */
  id: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The authenticator's signature counter; 0 for authenticators that do not count. */
  counter: number;
  transports: string[];
  /** 'platform' or 'cross-platform' where the browser said so. */
  attachment?: string;
  friendlyName: string;
  relyingPartyId: string;
  createdAt: number;
}

/**
 * A user's TOTP factor. A new secret waits in `pendingSecret` until a code from it is verified;
 * only then does it replace `secret`, as Cognito disassociates the old token on verification.
 */
export interface SoftwareToken {
  /** The verified secret (base32), or absent before the first verification. */
  secret?: string;
  /** The last 30-second step whose code was accepted: each is accepted once. */
  lastUsedStep: number;
  pendingSecret?: string;
  /** SoftwareTokenMfaSettings: whether sign-in asks for a code, and whether it is preferred. */
  enabled: boolean;
  preferred: boolean;
}

/** One sign-in: the refresh token and every token issued from it share its `origin_jti`. */
export interface SessionRecord {
  originJti: string;
  sub: string;
  clientId: string;
  refreshToken: string;
  authTime: number;
  expiresAt: number;
  revoked: boolean;
  /**
   * With refresh-token rotation: the token the current one replaced, still accepted until
   * `previousRefreshTokenUntil` (the app client's retry grace period).
   */
  previousRefreshToken?: string;
  previousRefreshTokenUntil?: number;
  /**
   * Scopes granted at the pool domain (authorization code grant); absent for API sign-ins, whose
   * access tokens carry `aws.cognito.signin.user.admin` alone.
   */
  scopes?: string[];
}

/** A user pool group (the console's "Groups" tab). */
export interface GroupRecord {
  /** As created; unique in the pool regardless of case (see `groupKey`). */
  name: string;
  description?: string;
  roleArn?: string;
  /** 0 is the highest; absent ranks below every number. */
  precedence?: number;
  createdAt: number;
  updatedAt: number;
}

/** One user in one group. */
export interface MembershipRecord {
  /** The group's `groupKey`. */
  group: string;
  sub: string;
  addedAt: number;
}

/**
 * The index key of a group name. Cognito refuses a group whose name differs from an existing one
 * only in case (GroupExistsException when a deployment renames `ADMINS` to `Admins`:
 * https://github.com/aws-amplify/amplify-backend/issues/1781), so names are compared without it.
 */
export function groupKey(name: string): string {
  return name.toLowerCase();
}

/** A membership's id: a space separates them, since neither a sub nor a group name has one. */
export function membershipId(groupKeyValue: string, sub: string): string {
  return `${sub} ${groupKeyValue}`;
}

export interface PoolData {
  /** Signs ID tokens (older data folders have only this key). */
  key: SigningKey | null;
  /** Signs access tokens. */
  accessKey: SigningKey | null;
  users: UserRecord[];
  sessions: SessionRecord[];
  groups: GroupRecord[];
  memberships: MembershipRecord[];
}

/** A change as the persistence layer records it; `value: null` deletes. */
export type Change =
  | { pool: string; kind: 'user'; id: string; value: UserRecord | null }
  | { pool: string; kind: 'session'; id: string; value: SessionRecord | null }
  | { pool: string; kind: 'key'; id: string; value: SigningKey }
  | { pool: string; kind: 'access-key'; id: string; value: SigningKey }
  | { pool: string; kind: 'group'; id: string; value: GroupRecord | null }
  | { pool: string; kind: 'membership'; id: string; value: MembershipRecord | null };

export type ChangeListener = (change: Change) => void;

/** One pool's data with the indexes lookups need. */
export class PoolStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly byUsername = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byRefreshToken = new Map<string, string>();
  private readonly sessionsBySub = new Map<string, Set<string>>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly memberships = new Map<string, MembershipRecord>();
  private readonly membersByGroup = new Map<string, Set<string>>();
  private readonly groupsBySub = new Map<string, Set<string>>();
  private signingKey: SigningKey | null = null;
  private accessSigningKey: SigningKey | null = null;

  constructor(
    readonly poolId: string,
    private readonly emit: ChangeListener,
  ) {}

  /** Loads persisted data without announcing it as changes. */
  load(data: PoolData): void {
    this.signingKey = data.key;
    this.accessSigningKey = data.accessKey;
    for (const user of data.users) this.index(user);
    for (const session of data.sessions) this.indexSession(session);
    for (const group of data.groups) this.groups.set(groupKey(group.name), group);
    for (const membership of data.memberships) this.indexMembership(membership);
  }

  /** Everything, as plain data, for a snapshot. */
  dump(): PoolData {
    return {
      key: this.signingKey,
      accessKey: this.accessSigningKey,
      users: [...this.users.values()],
      sessions: [...this.sessions.values()],
      groups: [...this.groups.values()],
      memberships: [...this.memberships.values()],
    };
  }

  /** The key that signs ID tokens. */
  get key(): SigningKey | null {
    return this.signingKey;
  }

  setKey(key: SigningKey): void {
    this.signingKey = key;
    this.emit({ pool: this.poolId, kind: 'key', id: key.kid, value: key });
  }

  /** The key that signs access tokens. */
  get accessKey(): SigningKey | null {
    return this.accessSigningKey;
  }

  setAccessKey(key: SigningKey): void {
    this.accessSigningKey = key;
    this.emit({ pool: this.poolId, kind: 'access-key', id: key.kid, value: key });
  }

  get userCount(): number {
    return this.users.size;
  }

  allUsers(): IterableIterator<UserRecord> {
    return this.users.values();
  }

  userBySub(sub: string): UserRecord | undefined {
    return this.users.get(sub);
  }

  /** Finds a user by internal username, case-insensitively as Cognito does by default. */
  userByUsername(name: string): UserRecord | undefined {
    const sub = this.byUsername.get(name.toLowerCase());
    return sub === undefined ? undefined : this.users.get(sub);
  }

  /** The user whose `email` attribute this is, case-insensitively. */
  userByEmail(email: string): UserRecord | undefined {
    const sub = this.byEmail.get(email.toLowerCase());
    return sub === undefined ? undefined : this.users.get(sub);
  }

  putUser(user: UserRecord): void {
    const previous = this.users.get(user.sub);
    if (previous) this.unindex(previous);
    this.index(user);
    this.emit({ pool: this.poolId, kind: 'user', id: user.sub, value: user });
  }

  deleteUser(sub: string): void {
    const user = this.users.get(sub);
    if (!user) return;
    this.unindex(user);
    this.users.delete(sub);
    for (const session of this.sessionsOf(sub)) this.deleteSession(session.originJti);
    for (const key of [...(this.groupsBySub.get(sub) ?? [])]) this.deleteMembership(key, sub);
    this.emit({ pool: this.poolId, kind: 'user', id: sub, value: null });
  }

  session(originJti: string): SessionRecord | undefined {
    return this.sessions.get(originJti);
  }

  sessionByRefreshToken(token: string): SessionRecord | undefined {
    const id = this.byRefreshToken.get(token);
    return id === undefined ? undefined : this.sessions.get(id);
  }

  sessionsOf(sub: string): SessionRecord[] {
    const ids = this.sessionsBySub.get(sub) ?? [];
    return [...ids].flatMap((id) => this.sessions.get(id) ?? []);
  }

  putSession(session: SessionRecord): void {
    // A rotated session no longer answers to the token it dropped.
    const previous = this.sessions.get(session.originJti);
    if (previous) this.unindexSession(previous);
    this.indexSession(session);
    this.emit({ pool: this.poolId, kind: 'session', id: session.originJti, value: session });
  }

  deleteSession(originJti: string): void {
    const session = this.sessions.get(originJti);
    if (!session) return;
    this.unindexSession(session);
    this.emit({ pool: this.poolId, kind: 'session', id: originJti, value: null });
  }

  /** The group with this name, in any case. */
  group(name: string): GroupRecord | undefined {
    return this.groups.get(groupKey(name));
  }

  allGroups(): IterableIterator<GroupRecord> {
    return this.groups.values();
  }

  putGroup(group: GroupRecord): void {
    const key = groupKey(group.name);
    this.groups.set(key, group);
    this.emit({ pool: this.poolId, kind: 'group', id: key, value: group });
  }

  /** Removes the group and every membership of it. */
  deleteGroup(name: string): void {
    const key = groupKey(name);
    if (!this.groups.has(key)) return;
    for (const sub of [...(this.membersByGroup.get(key) ?? [])]) this.deleteMembership(key, sub);
    this.groups.delete(key);
    this.emit({ pool: this.poolId, kind: 'group', id: key, value: null });
  }

  /** The subs of the group's members. */
  membersOf(name: string): string[] {
    return [...(this.membersByGroup.get(groupKey(name)) ?? [])];
  }

  /** The groups the user is in, in no particular order. */
  groupsOf(sub: string): GroupRecord[] {
    return [...(this.groupsBySub.get(sub) ?? [])].flatMap((key) => this.groups.get(key) ?? []);
  }

  isMember(name: string, sub: string): boolean {
    return this.memberships.has(membershipId(groupKey(name), sub));
  }

  putMembership(membership: MembershipRecord): void {
    this.indexMembership(membership);
    const id = membershipId(membership.group, membership.sub);
    this.emit({ pool: this.poolId, kind: 'membership', id, value: membership });
  }

  deleteMembership(groupKeyValue: string, sub: string): void {
    const id = membershipId(groupKeyValue, sub);
    const membership = this.memberships.get(id);
    if (!membership) return;
    this.unindexMembership(membership);
    this.emit({ pool: this.poolId, kind: 'membership', id, value: null });
  }

  private index(user: UserRecord): void {
    this.users.set(user.sub, user);
    this.byUsername.set(user.username.toLowerCase(), user.sub);
    const email = user.attributes.email;
    // A federated user's email is the provider's: it signs no one in here and takes no one's.
    if (email !== undefined && email !== '' && user.status !== 'EXTERNAL_PROVIDER') {
      this.byEmail.set(email.toLowerCase(), user.sub);
    }
  }

  private unindex(user: UserRecord): void {
    this.byUsername.delete(user.username.toLowerCase());
    const email = user.attributes.email;
    if (email !== undefined && this.byEmail.get(email.toLowerCase()) === user.sub) {
      this.byEmail.delete(email.toLowerCase());
    }
  }

  private indexSession(session: SessionRecord): void {
    this.sessions.set(session.originJti, session);
    this.byRefreshToken.set(session.refreshToken, session.originJti);
    if (session.previousRefreshToken !== undefined) {
      this.byRefreshToken.set(session.previousRefreshToken, session.originJti);
    }
    let ids = this.sessionsBySub.get(session.sub);
    if (!ids) {
      ids = new Set();
      this.sessionsBySub.set(session.sub, ids);
    }
    ids.add(session.originJti);
  }

  private unindexSession(session: SessionRecord): void {
    this.sessions.delete(session.originJti);
    this.byRefreshToken.delete(session.refreshToken);
    if (session.previousRefreshToken !== undefined) {
      this.byRefreshToken.delete(session.previousRefreshToken);
    }
    const ids = this.sessionsBySub.get(session.sub);
    ids?.delete(session.originJti);
    if (ids?.size === 0) this.sessionsBySub.delete(session.sub);
  }

  private indexMembership(membership: MembershipRecord): void {
    this.memberships.set(membershipId(membership.group, membership.sub), membership);
    addTo(this.membersByGroup, membership.group, membership.sub);
    addTo(this.groupsBySub, membership.sub, membership.group);
  }

  private unindexMembership(membership: MembershipRecord): void {
    this.memberships.delete(membershipId(membership.group, membership.sub));
    removeFrom(this.membersByGroup, membership.group, membership.sub);
    removeFrom(this.groupsBySub, membership.sub, membership.group);
  }
}

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let values = index.get(key);
  if (!values) {
    values = new Set();
    index.set(key, values);
  }
  values.add(value);
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const values = index.get(key);
  values?.delete(value);
  if (values?.size === 0) index.delete(key);
}
