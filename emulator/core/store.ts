/**
 * The emulator's data: users, sign-in sessions and signing keys per pool. Every change goes
 * through here and is announced to a listener, which is how adapters persist it.
 */

import type { SigningKey } from './tokens.ts';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | 'VERIFY_EMAIL';

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
}

export interface PoolData {
  key: SigningKey | null;
  users: UserRecord[];
  sessions: SessionRecord[];
}

/** A change as the persistence layer records it; `value: null` deletes. */
export type Change =
  | { pool: string; kind: 'user'; id: string; value: UserRecord | null }
  | { pool: string; kind: 'session'; id: string; value: SessionRecord | null }
  | { pool: string; kind: 'key'; id: string; value: SigningKey };

export type ChangeListener = (change: Change) => void;

/** One pool's data with the indexes lookups need. */
export class PoolStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly byUsername = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly byRefreshToken = new Map<string, string>();
  private readonly sessionsBySub = new Map<string, Set<string>>();
  private signingKey: SigningKey | null = null;

  constructor(
    readonly poolId: string,
    private readonly emit: ChangeListener,
  ) {}

  /** Loads persisted data without announcing it as changes. */
  load(data: PoolData): void {
    this.signingKey = data.key;
    for (const user of data.users) this.index(user);
    for (const session of data.sessions) this.indexSession(session);
  }

  /** Everything, as plain data, for a snapshot. */
  dump(): PoolData {
    return {
      key: this.signingKey,
      users: [...this.users.values()],
      sessions: [...this.sessions.values()],
    };
  }

  get key(): SigningKey | null {
    return this.signingKey;
  }

  setKey(key: SigningKey): void {
    this.signingKey = key;
    this.emit({ pool: this.poolId, kind: 'key', id: key.kid, value: key });
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
    this.indexSession(session);
    this.emit({ pool: this.poolId, kind: 'session', id: session.originJti, value: session });
  }

  deleteSession(originJti: string): void {
    const session = this.sessions.get(originJti);
    if (!session) return;
    this.unindexSession(session);
    this.emit({ pool: this.poolId, kind: 'session', id: originJti, value: null });
  }

  /** Applies a change read back from a journal, without announcing it again. */
  replay(change: Change): void {
    if (change.kind === 'key') {
      this.signingKey = change.value;
    } else if (change.kind === 'user') {
      const previous = this.users.get(change.id);
      if (previous) {
        this.unindex(previous);
        this.users.delete(change.id);
      }
      if (change.value) this.index(change.value);
    } else {
      const previous = this.sessions.get(change.id);
      if (previous) this.unindexSession(previous);
      if (change.value) this.indexSession(change.value);
    }
  }

  private index(user: UserRecord): void {
    this.users.set(user.sub, user);
    this.byUsername.set(user.username.toLowerCase(), user.sub);
    const email = user.attributes.email;
    if (email !== undefined && email !== '') {
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
    const ids = this.sessionsBySub.get(session.sub);
    ids?.delete(session.originJti);
    if (ids?.size === 0) this.sessionsBySub.delete(session.sub);
  }
}
