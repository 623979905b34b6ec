/**
 * The emulator: pools and clients from the configuration, the short-lived SRP handshakes and
 * challenge sessions, the mailbox, and dispatch of Cognito operations by name. Adapters (msw, Node HTTP, Vite) wrap it.
 */

import { CognitoError } from './cognito-error.ts';
import { type ClientConfig, defaultConfig, type EmulatorConfig } from './config.ts';
import type { ChallengeSession, Handshake, OperationContext, RequestInfo } from './context.ts';
import { type RandomBytes, webRandomBytes } from './crypto.ts';
import { isJsonObject, type Json } from './input.ts';
import { OAuthGrants } from './oauth/grants.ts';
import { operations } from './operations/index.ts';
import { type Mail, Pool } from './pool/pool.ts';
import { type ModPow, portableMath, type SrpMath } from './srp.ts';
import { type ChangeListener, type PoolData, PoolStore } from './store.ts';
import { generateSigningKey, TokenSigner } from './tokens.ts';
import type { PasskeyVerifier } from './webauthn.ts';

export interface EmulatorOptions {
  config?: EmulatorConfig;
  /** Persisted data per pool id, from an adapter's storage. */
  data?: Record<string, PoolData>;
  /** Told of every change to users, sessions, groups and keys (persistence listens here). */
  onChange?: ChangeListener;
  /** Told of every code sent (the Node server prints them). */
  onMail?: (mail: Mail) => void;
  now?: () => number;
  randomBytes?: RandomBytes;
  modPow?: ModPow;
  /** SHA-256 and HMAC; Web Crypto's by default, Node's natively in the Node adapter. */
  hashes?: Pick<SrpMath, 'sha256' | 'hmacSha256'>;
  /** How many mails the mailbox keeps, newest last. */
  mailboxSize?: number;
  /**
   * Checks passkey registrations and assertions. Injected because the library that does it
   * (`@simplewebauthn/server`) is a package, and the core imports none; without it passkey
   * operations are refused.
   */
  passkeyVerifier?: PasskeyVerifier;
}

const MAX_HANDSHAKES = 100_000;

export class Emulator implements OperationContext {
  readonly now: () => number;
  readonly randomBytes: RandomBytes;
  readonly math: SrpMath;
  /** The pool domain's codes, managed-login sessions and form tokens. */
  readonly oauth: OAuthGrants;
  readonly passkeyVerifier: PasskeyVerifier | undefined;
  private readonly pools = new Map<string, Pool>();
  private readonly clients = new Map<string, { pool: Pool; client: ClientConfig }>();
  private readonly handshakes = new Map<string, Handshake>();
  private readonly challengeSessions = new Map<string, ChallengeSession>();
  private readonly mails: Mail[] = [];
  private readonly mailboxSize: number;
  private readonly onMail: (mail: Mail) => void;

  private constructor(options: EmulatorOptions) {
    this.now = options.now ?? (() => Date.now());
    this.randomBytes = options.randomBytes ?? webRandomBytes;
    this.math = {
      modPow: options.modPow ?? portableMath.modPow,
      sha256: options.hashes?.sha256 ?? portableMath.sha256,
      hmacSha256: options.hashes?.hmacSha256 ?? portableMath.hmacSha256,
    };
    this.oauth = new OAuthGrants(this.now, this.randomBytes);
    this.passkeyVerifier = options.passkeyVerifier;
    this.mailboxSize = options.mailboxSize ?? 1000;
    this.onMail = options.onMail ?? (() => {});
  }

  /**
   * Builds an emulator, making the two signing keys (ID and access tokens) of every pool that
   * lacks them; a data folder from before there were two keeps its key for ID tokens.
   */
  static async create(options: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = new Emulator(options);
    const config = options.config ?? defaultConfig();
    const onChange = options.onChange ?? (() => {});
    for (const poolConfig of config.pools) {
      const store = new PoolStore(poolConfig.id, onChange);
      const data = options.data?.[poolConfig.id];
      if (data) store.load(data);
      const [id, access] = await Promise.all([
        store.key ?? generateSigningKey(),
        store.accessKey ?? generateSigningKey(),
      ]);
      if (store.key !== id) store.setKey(id);
      if (store.accessKey !== access) store.setAccessKey(access);
      const pool = new Pool(poolConfig, store, new TokenSigner({ id, access }), {
        now: emulator.now,
        randomBytes: emulator.randomBytes,
        math: emulator.math,
        deliver: (mail) => emulator.deliver(mail),
      });
      emulator.pools.set(poolConfig.id, pool);
      for (const client of poolConfig.clients) emulator.clients.set(client.id, { pool, client });
    }
    return emulator;
  }

  /** Runs one Cognito operation; refusals come back as CognitoError, never as crashes. */
  async call(operation: string, input: unknown, request: RequestInfo): Promise<Json> {
    const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
    if (!run) {
      throw new CognitoError(
        'UnknownOperationException',
        `Operation ${operation} is not supported.`,
      );
    }
    if (!isJsonObject(input)) {
      throw new CognitoError('SerializationException', 'Request body must be a JSON object.');
    }
    return run(this, input, request);
  }

  /** The pool with this id, or Cognito's ResourceNotFoundException. */
  pool(poolId: string): Pool {
    const pool = this.pools.get(poolId);
    if (!pool)
      throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
    return pool;
  }

  /** The pool ids served, for the HTTP layer's well-known routes. */
  poolIds(): string[] {
    return [...this.pools.keys()];
  }

  /** The app client with this id and its pool, or Cognito's ResourceNotFoundException. */
  client(clientId: string): { pool: Pool; client: ClientConfig } {
    const found = this.clients.get(clientId);
    if (!found) {
      throw new CognitoError(
        'ResourceNotFoundException',
        `User pool client ${clientId} does not exist.`,
      );
    }
    return found;
  }

  /**
   * Adds an app client to its pool, or replaces the one with its id (CreateUserPoolClient,
   * UpdateUserPoolClient). Clients live in memory: a restart serves the config file's again.
   */
  putClient(pool: Pool, client: ClientConfig): void {
    const clients = pool.config.clients;
    const index = clients.findIndex((c) => c.id === client.id);
    if (index === -1) clients.push(client);
    else clients[index] = client;
    this.clients.set(client.id, { pool, client });
  }

  /** Keeps a handshake under its SECRET_BLOCK, dropping expired ones when the table grows. */
  rememberHandshake(secretBlock: string, handshake: Handshake): void {
    if (this.handshakes.size >= MAX_HANDSHAKES / 2) this.sweepHandshakes();
    if (this.handshakes.size >= MAX_HANDSHAKES) {
      throw new CognitoError('TooManyRequestsException', 'Too many sign-ins in progress.');
    }
    this.handshakes.set(secretBlock, handshake);
  }

  /** Takes a handshake out (each is usable once), or undefined when unknown. */
  takeHandshake(secretBlock: string): Handshake | undefined {
    const handshake = this.handshakes.get(secretBlock);
    this.handshakes.delete(secretBlock);
    return handshake;
  }

  /** Keeps the state of a challenge under its Session, dropping expired ones when the table grows. */
  rememberChallengeSession(session: string, state: ChallengeSession): void {
    if (this.challengeSessions.size >= MAX_HANDSHAKES) this.sweepHandshakes();
    if (this.challengeSessions.size >= MAX_HANDSHAKES) {
      throw new CognitoError('TooManyRequestsException', 'Too many sign-ins in progress.');
    }
    this.challengeSessions.set(session, state);
  }

  /** Takes a challenge's state out (usable once), or undefined when unknown. */
  takeChallengeSession(session: string): ChallengeSession | undefined {
    const state = this.challengeSessions.get(session);
    this.challengeSessions.delete(session);
    return state;
  }

  /** All pools' data as plain objects, for a snapshot. */
  dump(): Record<string, PoolData> {
    return Object.fromEntries([...this.pools].map(([id, pool]) => [id, pool.store.dump()]));
  }

  /** Every code "sent", oldest first. */
  mailbox(): Mail[] {
    return [...this.mails];
  }

  /** Empties the mailbox (tests reset between cases). */
  clearMailbox(): void {
    this.mails.length = 0;
  }

  private deliver(mail: Mail): void {
    this.mails.push(mail);
    if (this.mails.length > this.mailboxSize)
      this.mails.splice(0, this.mails.length - this.mailboxSize);
    this.onMail(mail);
  }

  private sweepHandshakes(): void {
    const now = this.now();
    for (const [key, h] of this.handshakes) if (h.expiresAt <= now) this.handshakes.delete(key);
    for (const [key, s] of this.challengeSessions)
      if (s.expiresAt <= now) this.challengeSessions.delete(key);
  }
}
