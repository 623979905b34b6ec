/**
 * Keeps the emulator's data in a folder: `state.json` (a snapshot) plus `journal.jsonl` (every
 * change since, one JSON line each). Snapshots are replaced by rename and journal lines are
 * appended whole, so killing the process at any moment leaves data that loads: at worst the last
 * line is cut short, and only that line is ever dropped. Anything else that cannot be read stops
 * the start with an error naming the file and line, and nothing is written. The folder holds the
 * pools' private keys, so its files are readable by their owner only.
 */

import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type Json } from '../core/input.ts';
import { type Change, groupKey, membershipId, type PoolData } from '../core/store.ts';

const SNAPSHOT = 'state.json';
const JOURNAL = 'journal.jsonl';
const LOCK = 'emulator.lock';
const FORMAT_VERSION = 1;
/** Owner only: the files hold private signing keys and password verifiers. */
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/** Data that exists but cannot be read or written: the emulator stops rather than lose it. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** Writes a file (owner-only) so that readers see the old content or the new, never a mix. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w', FILE_MODE);
    try {
      // A temporary file left by an earlier process with this pid keeps its old mode: set it.
      fchmodSync(fd, FILE_MODE);
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

type Pools = Record<string, PoolData>;

/** A test of one member of a record, with what it should have been for the error message. */
type MemberRule = [test: (value: unknown) => boolean, expected: string];

const isString = (value: unknown) => typeof value === 'string';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown) => typeof value === 'boolean';
const string: MemberRule = [isString, 'a string'];
const number: MemberRule = [isNumber, 'a number'];
const boolean: MemberRule = [isBoolean, 'true or false'];
const object: MemberRule = [isJsonObject, 'an object'];
const stringMap: MemberRule = [
  (value) => isJsonObject(value) && Object.values(value).every(isString),
  'an object of strings',
];
const numberList: MemberRule = [
  (value) => Array.isArray(value) && value.every(isNumber),
  'a list of numbers',
];
/** A member that older records, or records that never set it, leave out. */
function optional([test, expected]: MemberRule): MemberRule {
  return [(value) => value === undefined || test(value), `${expected} or absent`];
}
const pendingCodes: MemberRule = [
  (value) =>
    isJsonObject(value) &&
    Object.values(value).every(
      (code) => isJsonObject(code) && isString(code.code) && isNumber(code.expiresAt),
    ),
  'an object of {code, expiresAt}',
];

const softwareToken: MemberRule = [
  (value) =>
    isJsonObject(value) &&
    (value.secret === undefined || isString(value.secret)) &&
    (value.pendingSecret === undefined || isString(value.pendingSecret)) &&
    isNumber(value.lastUsedStep) &&
    isBoolean(value.enabled) &&
    isBoolean(value.preferred),
  'an object of {secret?, pendingSecret?, lastUsedStep, enabled, preferred}',
];

const isStringList = (value: unknown) => Array.isArray(value) && value.every(isString);

const passkeys: MemberRule = [
  (value) =>
    Array.isArray(value) &&
    value.every(
      (passkey) =>
        isJsonObject(passkey) &&
        isString(passkey.id) &&
        isString(passkey.publicKey) &&
        isNumber(passkey.counter) &&
        isStringList(passkey.transports) &&
        (passkey.attachment === undefined || isString(passkey.attachment)) &&
        isString(passkey.friendlyName) &&
        isString(passkey.relyingPartyId) &&
        isNumber(passkey.createdAt),
    ),
  'a list of {id, publicKey, counter, transports, attachment?, friendlyName, relyingPartyId, createdAt}',
];

/** What is wrong with a record whose members must pass these rules, if anything. */
function shape(rules: Record<string, MemberRule>): (record: Json) => string | undefined {
  return (record) => {
    for (const [member, [test, expected]] of Object.entries(rules)) {
      if (!test(record[member])) return `its ${member} is not ${expected}`;
    }
    return undefined;
  };
}

/** How one kind of record is kept: where a pool's snapshot holds it, its id, and its shape. */
interface RecordKind {
  /** The member of a pool's snapshot that holds these records. */
  field: keyof PoolData;
  /** A list of records keyed by id, or a single record (the signing key). */
  many: boolean;
  /** Snapshots written before this kind existed lack its member: it starts empty. */
  addedLater?: true;
  /** The record's id, as journal lines name it (a shape-checked record). */
  idOf: (record: Json) => unknown;
  problem: (record: Json) => string | undefined;
}

const SIGNING_KEY = { kid: string, privateJwk: object, publicJwk: object };

/** Every kind of record a pool keeps: a new kind in store.ts is one entry here. */
const RECORD_KINDS: Record<Change['kind'], RecordKind> = {
  user: {
    field: 'users',
    many: true,
    idOf: (user) => user.sub,
    problem: shape({
      sub: string,
      username: string,
      attributes: stringMap,
      status: string,
      enabled: boolean,
      createdAt: number,
      updatedAt: number,
      salt: string,
      verifier: string,
      failedSignIns: number,
      lockedUntil: number,
      codes: pendingCodes,
      codeRequests: numberList,
      softwareToken: optional(softwareToken),
      passkeys: optional(passkeys),
    }),
  },
  session: {
    field: 'sessions',
    many: true,
    idOf: (session) => session.originJti,
    problem: shape({
      originJti: string,
      sub: string,
      clientId: string,
      refreshToken: string,
      authTime: number,
      expiresAt: number,
      revoked: boolean,
      previousRefreshToken: optional(string),
      previousRefreshTokenUntil: optional(number),
    }),
  },
  key: {
    field: 'key',
    many: false,
    idOf: (key) => key.kid,
    problem: shape(SIGNING_KEY),
  },
  'access-key': {
    field: 'accessKey',
    many: false,
    addedLater: true,
    idOf: (key) => key.kid,
    problem: shape(SIGNING_KEY),
  },
  group: {
    field: 'groups',
    many: true,
    addedLater: true,
    idOf: (group) => (isString(group.name) ? groupKey(group.name as string) : undefined),
    problem: shape({
      name: string,
      description: optional(string),
      roleArn: optional(string),
      precedence: optional(number),
      createdAt: number,
      updatedAt: number,
    }),
  },
  membership: {
    field: 'memberships',
    many: true,
    addedLater: true,
    idOf: (membership) =>
      isString(membership.group) && isString(membership.sub)
        ? membershipId(membership.group as string, membership.sub as string)
        : undefined,
    problem: shape({ group: string, sub: string, addedAt: number }),
  },
};

const KIND_NAMES = Object.keys(RECORD_KINDS) as Change['kind'][];

/** One pool while it is being read: each kind's records by id. */
type PoolRecords = Map<Change['kind'], Map<string, Json>>;

function emptyPool(): PoolRecords {
  return new Map(KIND_NAMES.map((kind) => [kind, new Map<string, Json>()]));
}

/** What is wrong with one record of a kind, including an id that does not match, if anything. */
function recordProblem(kind: Change['kind'], record: unknown, id?: string): string | undefined {
  const { idOf, problem } = RECORD_KINDS[kind];
  if (!isJsonObject(record)) return `the ${kind} record is not an object`;
  const found = problem(record);
  if (found) return `the ${kind} record ${JSON.stringify(idOf(record) ?? null)}: ${found}`;
  if (id !== undefined && idOf(record) !== id) {
    return `the ${kind} record ${JSON.stringify(idOf(record))} is not the line's id ${JSON.stringify(id)}`;
  }
  return undefined;
}

function readSnapshot(path: string): Map<string, PoolRecords> {
  const pools = new Map<string, PoolRecords>();
  if (!existsSync(path)) return pools;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataDirError(
      `${path} is not valid JSON (${(error as Error).message}); move it away to start afresh`,
    );
  }
  const refuse = (why?: string) =>
    new DataDirError(
      `${path} is not an emulator snapshot of format ${FORMAT_VERSION}${why ? `: ${why}` : ''}`,
    );
  if (!isJsonObject(parsed) || parsed.version !== FORMAT_VERSION || !isJsonObject(parsed.pools)) {
    throw refuse();
  }
  for (const [poolId, pool] of Object.entries(parsed.pools)) {
    if (!isJsonObject(pool)) throw refuse(`pool ${poolId} is not an object`);
    const records = emptyPool();
    for (const kind of KIND_NAMES) {
      const { field, many, idOf, addedLater } = RECORD_KINDS[kind];
      const held = pool[field];
      if (held === undefined && addedLater) continue;
      if (many && !Array.isArray(held)) throw refuse(`pool ${poolId} has no list of ${field}`);
      const list: unknown[] = many ? (held as unknown[]) : held === null ? [] : [held];
      list.forEach((record, index) => {
        const problem = recordProblem(kind, record);
        if (problem)
          throw refuse(`pool ${poolId}, ${field}${many ? `[${index}]` : ''}: ${problem}`);
        const json = record as Json;
        records.get(kind)?.set(String(idOf(json)), json);
      });
    }
    pools.set(poolId, records);
  }
  return pools;
}

/** What keeps a journal line from being a change this emulator wrote, if anything. */
function changeProblem(line: unknown): string | undefined {
  if (!isJsonObject(line)) return 'it is not a JSON object';
  if (typeof line.pool !== 'string') return 'its pool is not a string';
  if (typeof line.id !== 'string') return 'its id is not a string';
  if (typeof line.kind !== 'string' || !Object.hasOwn(RECORD_KINDS, line.kind)) {
    return `its kind ${JSON.stringify(line.kind ?? null)} is not one of ${KIND_NAMES.join(', ')}`;
  }
  const kind = line.kind as Change['kind'];
  if (line.value === null && RECORD_KINDS[kind].many) return undefined;
  return recordProblem(kind, line.value, line.id);
}

function applyChange(pools: Map<string, PoolRecords>, change: Change): void {
  let pool = pools.get(change.pool);
  if (!pool) {
    pool = emptyPool();
    pools.set(change.pool, pool);
  }
  const records = pool.get(change.kind) ?? new Map<string, Json>();
  pool.set(change.kind, records);
  if (change.value === null) {
    records.delete(change.id);
    return;
  }
  if (!RECORD_KINDS[change.kind].many) records.clear();
  records.set(change.id, change.value as unknown as Json);
}

function toPools(pools: Map<string, PoolRecords>): Pools {
  const out: Pools = {};
  for (const [poolId, records] of pools) {
    const pool: Record<string, unknown> = {};
    for (const kind of KIND_NAMES) {
      const { field, many } = RECORD_KINDS[kind];
      const values = [...(records.get(kind)?.values() ?? [])];
      pool[field] = many ? values : (values.at(-1) ?? null);
    }
    // Every record passed its kind's shape check on the way in.
    out[poolId] = pool as unknown as PoolData;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replays the journal onto the snapshot's pools. Only an unfinished last line (no newline after
 * it: the process was killed while appending it) is dropped; any other line that cannot be read
 * is an error, because skipping it would silently lose a change acknowledged to a client.
 */
function replayJournal(
  path: string,
  pools: Map<string, PoolRecords>,
  warn: (message: string) => void,
): void {
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  let start = 0;
  for (let line = 1; start < bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const finished = end !== -1;
    const raw = bytes.subarray(start, finished ? end : bytes.length);
    start = finished ? end + 1 : bytes.length;
    if (raw.length === 0) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(utf8.decode(raw));
    } catch (error) {
      if (!finished) {
        warn(`dropped the unfinished last line ${line} of ${path} (a write cut short by a kill)`);
        return;
      }
      throw new DataDirError(
        `${path} line ${line} cannot be read (${(error as Error).message}); nothing was changed: repair or remove that line, or move the folder away to start afresh`,
      );
    }
    const problem = changeProblem(parsed);
    if (problem) {
      throw new DataDirError(
        `${path} line ${line} is not a change the emulator wrote (${problem}); nothing was changed: repair or remove that line, or move the folder away to start afresh`,
      );
    }
    applyChange(pools, parsed as Change);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Creates `file` holding `content` only if no such file exists, in one step: the content is
 * written to a file of our own first and then hard-linked into place, which fails when the name
 * is taken. So no other process ever sees the lock missing or half-written.
 */
function createExclusive(file: string, content: string): boolean {
  const mine = `${file}.${process.pid}.new`;
  writeFileAtomic(mine, content);
  try {
    linkSync(mine, file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(mine, { force: true });
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes a lock left by a process that no longer runs. It is first renamed to a name of our
 * own; if what we moved is not the stale lock we read (another emulator took over meanwhile), it
 * is linked back, so a live emulator's lock is never lost.
 */
function removeStaleLock(file: string, stale: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== stale) linkSync(aside, file);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Claims the folder for this process: two emulators writing one folder would each compact away
 * the other's changes. The lock file is created exclusively, so of two emulators starting at once
 * exactly one gets it. A lock left by a process that no longer runs is taken over; this process
 * may open its own folder again (the dev server restarts its emulator in the same process).
 */
function lock(path: string): { file: string; taken: boolean } {
  const file = join(path, LOCK);
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createExclusive(file, mine)) {
      hold(file);
      return { file, taken: true };
    }
    const holder = readIfPresent(file);
    if (holder === undefined) continue;
    if (holder === mine) return { file, taken: false };
    const pid = Number(holder);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new DataDirError(
        `${path} is in use by another emulator (process ${pid}); stop it, or use --data-dir with another folder, or --in-memory`,
      );
    }
    removeStaleLock(file, holder);
  }
  throw new DataDirError(`could not take ${file}: other emulators keep starting on ${path}`);
}

/** Lock files this process holds; one exit handler releases them all. */
const heldLocks = new Set<string>();

function hold(file: string): void {
  if (heldLocks.size === 0) process.once('exit', releaseLocks);
  heldLocks.add(file);
}

function release(file: string): void {
  try {
    if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
  } catch {
    // Already gone: nothing to release.
  }
  heldLocks.delete(file);
}

function releaseLocks(): void {
  for (const file of heldLocks) release(file);
}

/** How the journal is written; tests replace it to play a full disk. */
export interface JournalIo {
  /** Like `fs.writeSync`: writes some bytes of `buffer` and says how many. */
  write(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  /** Like `fs.ftruncateSync`. */
  truncate(fd: number, length: number): void;
}

const nodeIo: JournalIo = { write: writeSync, truncate: ftruncateSync };

export interface DataDirOptions {
  /** Journal lines after which the journal is folded into a new snapshot. */
  compactEvery?: number;
  warn?: (message: string) => void;
  io?: JournalIo;
}

/** A data folder opened for one emulator process. */
export class DataDir {
  private journalLines = 0;
  /** Bytes of the journal that hold whole, acknowledged lines. */
  private journalSize = 0;
  /** Set when a failed append could not be undone: writing on would corrupt the journal. */
  private broken: string | undefined;

  private constructor(
    readonly path: string,
    private readonly journalFd: number,
    /** Pools read from the folder that the running emulator does not serve: kept as they are. */
    private readonly others: Pools,
    private readonly compactEvery: number,
    private readonly warn: (message: string) => void,
    private readonly io: JournalIo,
  ) {}

  /**
   * Opens (creating if needed) a data folder and returns what it holds. An unfinished last
   * journal line is dropped and reported through `warn`; anything else unreadable is a
   * DataDirError, and then no file is changed.
   */
  static open(path: string, options: DataDirOptions = {}): { dir: DataDir; data: Pools } {
    const warn = options.warn ?? (() => {});
    mkdirSync(path, { recursive: true, mode: FOLDER_MODE });
    const claim = lock(path);
    try {
      const pools = readSnapshot(join(path, SNAPSHOT));
      const journal = join(path, JOURNAL);
      replayJournal(journal, pools, warn);
      const data = toPools(pools);
      writeSnapshot(path, data);
      const fd = openSync(journal, 'a', FILE_MODE);
      fchmodSync(fd, FILE_MODE);
      ftruncateSync(fd, 0);
      const dir = new DataDir(
        path,
        fd,
        { ...data },
        options.compactEvery ?? 20_000,
        warn,
        options.io ?? nodeIo,
      );
      return { dir, data };
    } catch (error) {
      // A lock this open took is given back; one held already stays with its holder.
      if (claim.taken) release(claim.file);
      throw error;
    }
  }

  /**
   * Records one change; called for every change the emulator makes. A failed write is undone
   * (the journal is cut back to its last whole line) and reported as a DataDirError, so the
   * change is not acknowledged; if it cannot be undone, every later write is refused.
   */
  record(change: Change, snapshot: () => Pools): void {
    const journal = join(this.path, JOURNAL);
    if (this.broken) {
      throw new DataDirError(
        `${journal} is not written to since a failed write could not be undone (${this.broken}); restart the emulator`,
      );
    }
    const line = Buffer.from(`${JSON.stringify(change)}\n`);
    try {
      // One line per write call; a short write (a full disk) is continued until it fails.
      for (let done = 0; done < line.length; ) {
        const written = this.io.write(this.journalFd, line, done, line.length - done);
        if (written <= 0) throw new Error('the disk took no bytes');
        done += written;
      }
    } catch (error) {
      const reason = (error as Error).message;
      try {
        this.io.truncate(this.journalFd, this.journalSize);
      } catch (undo) {
        this.broken = `${reason}, then ${(undo as Error).message}`;
      }
      throw new DataDirError(`could not write to ${journal} (${reason}); the change was not saved`);
    }
    this.journalSize += line.length;
    this.journalLines += 1;
    if (this.journalLines >= this.compactEvery) this.compact(snapshot());
  }

  /**
   * Writes a new snapshot of the served pools plus the pools kept from the folder, then empties
   * the journal (replaying it again would be harmless). A failure leaves the journal as it was.
   */
  compact(data: Pools): void {
    for (const poolId of Object.keys(data)) delete this.others[poolId];
    try {
      writeSnapshot(this.path, { ...this.others, ...data });
      this.io.truncate(this.journalFd, 0);
      this.journalSize = 0;
      this.journalLines = 0;
    } catch (error) {
      this.warn(
        `could not compact ${this.path} (${(error as Error).message}); the journal keeps every change`,
      );
    }
  }
}

function writeSnapshot(path: string, pools: Pools): void {
  writeFileAtomic(join(path, SNAPSHOT), JSON.stringify({ version: FORMAT_VERSION, pools }));
}
