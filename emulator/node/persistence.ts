/**
 * Keeps the emulator's data in a folder: `state.json` (a snapshot) plus `journal.jsonl` (every
 * change since, one JSON line each). Snapshots are replaced by rename and journal lines are
 * appended whole, so killing the process at any moment leaves data that loads: at worst the last
 * line is cut short, and it is skipped.
 */

import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { isJsonObject } from '../core/input.ts';
import {
  type Change,
  type GroupRecord,
  groupKey,
  type MembershipRecord,
  membershipId,
  type PoolData,
  type SessionRecord,
  type UserRecord,
} from '../core/store.ts';

const SNAPSHOT = 'state.json';
const JOURNAL = 'journal.jsonl';
const FORMAT_VERSION = 1;

/** Data that exists but cannot be read: the emulator stops rather than overwrite it. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/** Writes a file so that readers see the old content or the new, never a mix. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

type Pools = Record<string, PoolData>;

function readSnapshot(path: string): Pools {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DataDirError(
      `${path} is not valid JSON (${(error as Error).message}); move it away to start afresh`,
    );
  }
  if (
    !isJsonObject(parsed) ||
    parsed.version !== FORMAT_VERSION ||
    !isJsonObject(parsed.pools) ||
    !Object.values(parsed.pools).every(
      (pool) => isJsonObject(pool) && Array.isArray(pool.users) && Array.isArray(pool.sessions),
    )
  ) {
    throw new DataDirError(`${path} is not an emulator snapshot of format ${FORMAT_VERSION}`);
  }
  // Snapshots from before groups and the access-token key lack them: they start empty.
  const since = { accessKey: null, groups: [], memberships: [] };
  return Object.fromEntries(
    Object.entries(parsed.pools).map(([id, pool]) => [id, { ...since, ...(pool as PoolData) }]),
  );
}

interface PoolMaps {
  key: PoolData['key'];
  accessKey: PoolData['accessKey'];
  users: Map<string, UserRecord>;
  sessions: Map<string, SessionRecord>;
  groups: Map<string, GroupRecord>;
  memberships: Map<string, MembershipRecord>;
}

function toMaps(pools: Pools): Map<string, PoolMaps> {
  const out = new Map<string, PoolMaps>();
  for (const [id, pool] of Object.entries(pools)) {
    out.set(id, {
      key: pool.key,
      accessKey: pool.accessKey,
      users: new Map(pool.users.map((u) => [u.sub, u])),
      sessions: new Map(pool.sessions.map((s) => [s.originJti, s])),
      groups: new Map(pool.groups.map((g) => [groupKey(g.name), g])),
      memberships: new Map(pool.memberships.map((m) => [membershipId(m.group, m.sub), m])),
    });
  }
  return out;
}

function fromMaps(maps: Map<string, PoolMaps>): Pools {
  const out: Pools = {};
  for (const [id, pool] of maps) {
    out[id] = {
      key: pool.key,
      accessKey: pool.accessKey,
      users: [...pool.users.values()],
      sessions: [...pool.sessions.values()],
      groups: [...pool.groups.values()],
      memberships: [...pool.memberships.values()],
    };
  }
  return out;
}

/** Sets or (with null) deletes one record. */
function put<T>(records: Map<string, T>, id: string, value: T | null): void {
  if (value) records.set(id, value);
  else records.delete(id);
}

function applyChange(pools: Map<string, PoolMaps>, change: Change): void {
  let pool = pools.get(change.pool);
  if (!pool) {
    pool = {
      key: null,
      accessKey: null,
      users: new Map(),
      sessions: new Map(),
      groups: new Map(),
      memberships: new Map(),
    };
    pools.set(change.pool, pool);
  }
  if (change.kind === 'key') pool.key = change.value;
  else if (change.kind === 'access-key') pool.accessKey = change.value;
  else if (change.kind === 'user') put(pool.users, change.id, change.value);
  else if (change.kind === 'session') put(pool.sessions, change.id, change.value);
  else if (change.kind === 'group') put(pool.groups, change.id, change.value);
  else put(pool.memberships, change.id, change.value);
}

const KINDS: readonly unknown[] = ['user', 'session', 'key', 'access-key', 'group', 'membership'];

function isChange(value: unknown): value is Change {
  return (
    isJsonObject(value) &&
    typeof value.pool === 'string' &&
    typeof value.id === 'string' &&
    KINDS.includes(value.kind) &&
    (value.value === null || isJsonObject(value.value))
  );
}

const LOCK = 'emulator.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the folder for this process: two emulators writing one folder would each compact away
 * the other's changes. A lock left by a process that no longer runs is taken over.
 */
function lock(path: string): void {
  const file = join(path, LOCK);
  if (existsSync(file)) {
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new DataDirError(
        `${path} is in use by another emulator (process ${holder}); stop it, or use --data-dir with another folder, or --in-memory`,
      );
    }
  }
  writeFileAtomic(file, String(process.pid));
  if (heldLocks.size === 0) process.once('exit', releaseLocks);
  heldLocks.add(file);
}

/** Lock files this process holds; one exit handler releases them all. */
const heldLocks = new Set<string>();

function releaseLocks(): void {
  for (const file of heldLocks) {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  }
  heldLocks.clear();
}

/** A data folder opened for one emulator process. */
export class DataDir {
  private journalLines = 0;

  private constructor(
    readonly path: string,
    private readonly compactEvery: number,
  ) {}

  /**
   * Opens (creating if needed) a data folder and returns what it holds. Journal lines that are
   * cut short or unreadable are skipped and reported through `warn`.
   */
  static open(
    path: string,
    options: { compactEvery?: number; warn?: (message: string) => void } = {},
  ): { dir: DataDir; data: Pools } {
    mkdirSync(path, { recursive: true });
    lock(path);
    const dir = new DataDir(path, options.compactEvery ?? 20_000);
    const maps = toMaps(readSnapshot(join(path, SNAPSHOT)));
    const journal = join(path, JOURNAL);
    if (existsSync(journal)) {
      const lines = readFileSync(journal, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (line.trim() === '') return;
        let change: unknown;
        try {
          change = JSON.parse(line);
        } catch {
          change = undefined;
        }
        if (isChange(change)) applyChange(maps, change);
        else
          options.warn?.(
            `skipped unreadable line ${index + 1} of ${journal} (an interrupted write)`,
          );
      });
    }
    const data = fromMaps(maps);
    dir.compact(data);
    return { dir, data };
  }

  /** Records one change; called for every change the emulator makes. */
  record(change: Change, snapshot: () => Pools): void {
    // One write of one whole line: a kill can only cut the line short, never mix two.
    appendFileSync(join(this.path, JOURNAL), `${JSON.stringify(change)}\n`);
    this.journalLines += 1;
    if (this.journalLines >= this.compactEvery) this.compact(snapshot());
  }

  /** Writes a new snapshot, then empties the journal (replaying it again would be harmless). */
  compact(data: Pools): void {
    writeFileAtomic(
      join(this.path, SNAPSHOT),
      JSON.stringify({ version: FORMAT_VERSION, pools: data }),
    );
    writeFileAtomic(join(this.path, JOURNAL), '');
    this.journalLines = 0;
  }
}
