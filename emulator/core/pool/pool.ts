/**
 * One user pool at run time: its configuration, data, token signer and what it needs from the
 * emulator, with the lookups and record keeping every rule shares. The rules themselves live
 * beside it, one module each: passwords, codes, sessions, decoys, client secrets, views.
 */

import type { PoolConfig } from '../config.ts';
import type { RandomBytes } from '../crypto.ts';
import { uuid } from '../ids.ts';
import type { SrpMath } from '../srp.ts';
import type { PoolStore, UserRecord } from '../store.ts';
import type { TokenSigner } from '../tokens.ts';

/** A code as it was "delivered", for the mailbox. */
export interface Mail {
  to: string;
  code: string;
  purpose: 'sign-up' | 'forgot-password' | 'verify-attribute' | 'invitation';
  sentAt: string;
  /** When the code stops working (ISO time); absent for invitations, whose password does not expire here. */
  expiresAt?: string;
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

export class Pool {
  readonly name: string;

  constructor(
    readonly config: PoolConfig,
    readonly store: PoolStore,
    readonly signer: TokenSigner,
    readonly deps: PoolDeps,
  ) {
    this.name = config.id.slice(config.id.indexOf('_') + 1);
  }

  get id(): string {
    return this.config.id;
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

  /** Stores a changed copy of the user (records are replaced, never mutated in place). */
  update(user: UserRecord, changes: Partial<UserRecord>): UserRecord {
    const next: UserRecord = { ...user, ...changes, updatedAt: this.deps.now() };
    this.store.putUser(next);
    return next;
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
}
