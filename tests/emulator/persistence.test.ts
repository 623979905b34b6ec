/**
 * The data folder: users, sessions and the signing key survive a restart, and a process killed in
 * the middle of a write leaves data the next start can read. A restart here is a new emulator on
 * the same folder, as `npm run emulator` would make; the last test kills a real process.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  ftruncateSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import * as OTPAuth from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  type EmulatorConfig,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import type { Change, UserRecord } from '../../emulator/core/store.ts';
import { generateSigningKey } from '../../emulator/core/tokens.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { DataDir, DataDirError, type JournalIo } from '../../emulator/node/persistence.ts';
import { latestCode } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { cognitoApi, exchange, stringAt, tokensOf } from '../support/wire.ts';

const ORIGIN = 'http://emulator.test';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an emulator on the test's data folder, as `npm run emulator -- --data-dir` does. */
async function start(warn?: (message: string) => void, config?: EmulatorConfig) {
  const emulator = await createNodeEmulator({
    dataDir: dir,
    ...(warn ? { warn } : {}),
    ...(config ? { config } : {}),
  });
  const handle = createHttpHandler(emulator);
  const api = cognitoApi(handle, `${ORIGIN}/`);
  /** The kids of the pool's two signing keys, as the JWKS lists them. */
  const kid = async () => {
    const jwks = await exchange(
      handle,
      new Request(`${ORIGIN}/${DEFAULT_POOL_ID}/.well-known/jwks.json`),
    );
    return [stringAt(jwks.body, 'keys', '0', 'kid'), stringAt(jwks.body, 'keys', '1', 'kid')];
  };
  return { emulator, api, kid };
}

type Running = Awaited<ReturnType<typeof start>>;

/** Signs up and confirms with the mailed code, as a person would. */
async function registered(running: Running, email: string): Promise<void> {
  expect((await running.api.signUp(email, PASSWORD)).status).toBe(200);
  const confirmed = await running.api.confirmSignUp(email, latestCode(running.emulator, email));
  expect(confirmed.status).toBe(200);
}

function statusOf(answer: { body: unknown }): string {
  return stringAt(answer.body, 'UserStatus');
}

describe('a restart', () => {
  it('keeps a confirmed user, their password and the signing keys', async () => {
    const before = await start();
    await registered(before, 'kept@example.com');
    const kid = await before.kid();

    const after = await start();
    const user = await after.api.adminGetUser('kept@example.com');
    expect(statusOf(user)).toBe('CONFIRMED');
    expect(user.body).toMatchObject({
      UserAttributes: expect.arrayContaining([
        { Name: 'email', Value: 'kept@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    });
    expect((await after.api.passwordSignIn('kept@example.com', PASSWORD)).status).toBe(200);
    expect((await after.api.passwordSignIn('kept@example.com', 'Wrong-Passw0rd!')).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await after.kid()).toEqual(kid);
  });

  it('keeps a verified authenticator app, turned on, and which of its codes were used', async () => {
    const before = await start();
    await registered(before, 'totp@example.com');
    const tokens = tokensOf(await before.api.passwordSignIn('totp@example.com', PASSWORD));
    const associated = await before.api.call('AssociateSoftwareToken', {
      AccessToken: tokens.accessToken,
    });
    const secret = OTPAuth.Secret.fromBase32(stringAt(associated.body, 'SecretCode'));
    const code = OTPAuth.TOTP.generate({ secret });
    const verified = await before.api.call('VerifySoftwareToken', {
      AccessToken: tokens.accessToken,
      UserCode: code,
    });
    expect(verified.body).toEqual({ Status: 'SUCCESS' });
    const on = await before.api.call('SetUserMFAPreference', {
      AccessToken: tokens.accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
    expect(on.status).toBe(200);
    const snapshotBefore = before.emulator.dump();

    const after = await start();
    expect(after.emulator.dump()).toEqual(snapshotBefore);
    const signIn = await after.api.passwordSignIn('totp@example.com', PASSWORD);
    expect(stringAt(signIn.body, 'ChallengeName')).toBe('SOFTWARE_TOKEN_MFA');
    const reused = await after.api.call('RespondToAuthChallenge', {
      ClientId: DEFAULT_CLIENT_ID,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: stringAt(signIn.body, 'Session'),
      ChallengeResponses: { USERNAME: 'totp@example.com', SOFTWARE_TOKEN_MFA_CODE: code },
    });
    expect(stringAt(reused.body, '__type')).toBe('CodeMismatchException');
  });

  it('keeps the signing keys even when nothing happened before the restart', async () => {
    const kid = await (await start()).kid();
    expect(await (await start()).kid()).toEqual(kid);
  });

  it('keeps sessions: tokens issued before the restart still work after it', async () => {
    const before = await start();
    await registered(before, 'session@example.com');
    const tokens = tokensOf(await before.api.passwordSignIn('session@example.com', PASSWORD));

    const after = await start();
    expect((await after.api.getUser(tokens.accessToken)).status).toBe(200);
    expect((await after.api.refresh(tokens.refreshToken)).status).toBe(200);
  });

  it('keeps deletions and sign-outs', async () => {
    const before = await start();
    await registered(before, 'deleted@example.com');
    await registered(before, 'signedout@example.com');
    const tokens = tokensOf(await before.api.passwordSignIn('signedout@example.com', PASSWORD));
    await before.api.call('AdminDeleteUser', {
      UserPoolId: DEFAULT_POOL_ID,
      Username: 'deleted@example.com',
    });
    expect(
      (await before.api.call('GlobalSignOut', { AccessToken: tokens.accessToken })).status,
    ).toBe(200);

    const after = await start();
    expect((await after.api.adminGetUser('deleted@example.com')).body).toEqual({
      __type: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    expect((await after.api.refresh(tokens.refreshToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });

  it('keeps what changed since the previous restart through the next one', async () => {
    await registered(await start(), 'first@example.com');
    await registered(await start(), 'second@example.com');
    const third = await start();
    expect(statusOf(await third.api.adminGetUser('first@example.com'))).toBe('CONFIRMED');
    expect(statusOf(await third.api.adminGetUser('second@example.com'))).toBe('CONFIRMED');
  });
});

describe('groups and the second signing key', () => {
  const pool = { UserPoolId: DEFAULT_POOL_ID };

  it('gives a data folder from before there were two keys a second one, keeping the first for ID tokens', async () => {
    const oldKey = await generateSigningKey();
    const oldSnapshot = {
      version: 1,
      pools: { [DEFAULT_POOL_ID]: { key: oldKey, users: [], sessions: [] } },
    };
    writeFileSync(join(dir, 'state.json'), JSON.stringify(oldSnapshot));

    const upgraded = await start();
    const kids = await upgraded.kid();
    expect(kids).toContain(oldKey.kid);
    expect(new Set(kids).size).toBe(2);
    await registered(upgraded, 'upgraded@example.com');
    const tokens = tokensOf(await upgraded.api.passwordSignIn('upgraded@example.com', PASSWORD));
    expect(decodeProtectedHeader(tokens.idToken).kid).toBe(oldKey.kid);
    expect(decodeProtectedHeader(tokens.accessToken).kid).not.toBe(oldKey.kid);

    const after = await start();
    expect(await after.kid()).toEqual(kids);
    expect((await after.api.getUser(tokens.accessToken)).status).toBe(200);
  });

  it('keeps groups, their details and memberships through the journal and the snapshot', async () => {
    const before = await start();
    await registered(before, 'member@example.com');
    for (const group of [
      { GroupName: 'Riders', Precedence: 1, Description: 'They ride' },
      { GroupName: 'Stable' },
    ]) {
      expect((await before.api.call('CreateGroup', { ...pool, ...group })).status).toBe(200);
      const added = await before.api.call('AdminAddUserToGroup', {
        ...pool,
        GroupName: group.GroupName,
        Username: 'member@example.com',
      });
      expect(added.status).toBe(200);
    }
    const riders = (await before.api.call('GetGroup', { ...pool, GroupName: 'Riders' })).body;

    // The first restart reads the journal back, the second the snapshot it compacted into.
    for (const source of ['journal', 'snapshot']) {
      const after = await start();
      expect(
        (await after.api.call('GetGroup', { ...pool, GroupName: 'Riders' })).body,
        source,
      ).toEqual(riders);
      const listed = await after.api.call('AdminListGroupsForUser', {
        ...pool,
        Username: 'member@example.com',
      });
      expect(listed.body, source).toMatchObject({
        Groups: [{ GroupName: 'Riders' }, { GroupName: 'Stable' }],
      });
    }
  });

  it('keeps a deleted group and a removed membership gone', async () => {
    const before = await start();
    await registered(before, 'leaver@example.com');
    for (const GroupName of ['Gone', 'Left']) {
      await before.api.call('CreateGroup', { ...pool, GroupName });
      await before.api.call('AdminAddUserToGroup', {
        ...pool,
        GroupName,
        Username: 'leaver@example.com',
      });
    }
    await before.api.call('DeleteGroup', { ...pool, GroupName: 'Gone' });
    await before.api.call('AdminRemoveUserFromGroup', {
      ...pool,
      GroupName: 'Left',
      Username: 'leaver@example.com',
    });

    const after = await start();
    expect((await after.api.call('GetGroup', { ...pool, GroupName: 'Gone' })).body).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
    const listed = await after.api.call('AdminListGroupsForUser', {
      ...pool,
      Username: 'leaver@example.com',
    });
    expect(listed.body).toEqual({ Groups: [] });
    expect(after.emulator.dump()[DEFAULT_POOL_ID]?.memberships).toEqual([]);
  });
});

describe('an interrupted write', () => {
  it('skips a journal line cut short by a kill and keeps everything before it', async () => {
    const before = await start();
    await registered(before, 'before-cut@example.com');
    appendFileSync(
      join(dir, 'journal.jsonl'),
      '{"pool":"local_WildRydes","kind":"user","id":"0c1d","value":{"sub":"0c1d","usern',
    );

    const warnings: string[] = [];
    const after = await start((message) => warnings.push(message));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^dropped the unfinished last line \d+ of .*journal\.jsonl \(a write cut short by a kill\)$/,
      ),
    ]);
    expect(statusOf(await after.api.adminGetUser('before-cut@example.com'))).toBe('CONFIRMED');
    expect((await after.api.passwordSignIn('before-cut@example.com', PASSWORD)).status).toBe(200);
  });

  it('does not let a cut-short line swallow the changes written after it', async () => {
    const before = await start();
    await registered(before, 'before-cut@example.com');
    appendFileSync(join(dir, 'journal.jsonl'), '{"pool":"local_Wild');

    const between = await start();
    await registered(between, 'after-cut@example.com');

    const warnings: string[] = [];
    const after = await start((message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(statusOf(await after.api.adminGetUser('before-cut@example.com'))).toBe('CONFIRMED');
    expect(statusOf(await after.api.adminGetUser('after-cut@example.com'))).toBe('CONFIRMED');
  });

  it('ignores a half-written snapshot left by a kill during compaction', async () => {
    const before = await start();
    await registered(before, 'snapshot@example.com');
    const kid = await before.kid();
    const snapshot = readFileSync(join(dir, 'state.json'), 'utf8');
    writeFileSync(join(dir, `state.json.${process.pid + 1}.tmp`), snapshot.slice(0, 40));

    const after = await start();
    expect(statusOf(await after.api.adminGetUser('snapshot@example.com'))).toBe('CONFIRMED');
    expect(await after.kid()).toEqual(kid);
  });

  it('replays a journal already folded into the snapshot without changing anything', async () => {
    // A kill between writing the snapshot and emptying the journal leaves both behind.
    const before = await start();
    await registered(before, 'twice@example.com');
    const journal = readFileSync(join(dir, 'journal.jsonl'), 'utf8');
    expect(journal).not.toBe('');

    const compacted = await start();
    const expected = compacted.emulator.dump();
    writeFileSync(join(dir, 'journal.jsonl'), journal);

    const after = await start();
    expect(after.emulator.dump()).toEqual(expected);
    expect(after.emulator.dump()[DEFAULT_POOL_ID]?.users).toHaveLength(1);
  });
});

describe('a data folder that cannot be read', () => {
  it('refuses a state.json that is not JSON and leaves its bytes as they were', async () => {
    const path = join(dir, 'state.json');
    const bytes = Buffer.from('{"version":1,"pools":{"local_WildRydes":{"key":nul');
    writeFileSync(path, bytes);
    writeFileSync(join(dir, 'journal.jsonl'), '');

    const error = await rejection(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.+\\); move it away to start afresh$`,
      ),
    );
    const started = await rejection(() => createNodeEmulator({ dataDir: dir }));
    expect(started).toBeInstanceOf(DataDirError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a state.json of another format and leaves it as it was', async () => {
    const path = join(dir, 'state.json');
    const content = JSON.stringify({ version: 2, pools: {} });
    writeFileSync(path, content);

    const error = await rejection(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(`${path} is not an emulator snapshot of format 1`);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a state.json whose pools are not lists of users and sessions', async () => {
    const path = join(dir, 'state.json');
    const content = JSON.stringify({ version: 1, pools: { local_WildRydes: { key: null } } });
    writeFileSync(path, content);

    const error = await rejection(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(
      `${path} is not an emulator snapshot of format 1: pool local_WildRydes has no list of users`,
    );
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a snapshot user of the wrong shape with an error naming it, not a TypeError', async () => {
    const before = await start();
    await registered(before, 'shape@example.com');
    await start(); // folds the journal into state.json
    const path = join(dir, 'state.json');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    const user = snapshot.pools[DEFAULT_POOL_ID].users[0];
    user.attributes = null;
    const content = JSON.stringify(snapshot);
    writeFileSync(path, content);

    const error = await rejection(() => createNodeEmulator({ dataDir: dir }));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(
      `${path} is not an emulator snapshot of format 1: pool local_WildRydes, users[0]: the user record "${user.sub}": its attributes is not an object of strings`,
    );
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a snapshot user whose authenticator app is of the wrong shape', async () => {
    const before = await start();
    await registered(before, 'token-shape@example.com');
    await start(); // folds the journal into state.json
    const path = join(dir, 'state.json');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    const user = snapshot.pools[DEFAULT_POOL_ID].users[0];
    user.softwareToken = { secret: 'JBSWY3DPEHPK3PXP', enabled: 'yes' };
    writeFileSync(path, JSON.stringify(snapshot));

    const error = await rejection(() => createNodeEmulator({ dataDir: dir }));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(
      /its softwareToken is not an object of \{secret\?, pendingSecret\?, lastUsedStep, enabled, preferred\} or absent$/,
    );
  });

  it('refuses a snapshot group of the wrong shape with an error naming it, not a TypeError', async () => {
    const before = await start();
    const created = await before.api.call('CreateGroup', {
      UserPoolId: DEFAULT_POOL_ID,
      GroupName: 'Riders',
    });
    expect(created.status).toBe(200);
    await start(); // folds the journal into state.json
    const path = join(dir, 'state.json');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    snapshot.pools[DEFAULT_POOL_ID].groups[0].precedence = 'first';
    const content = JSON.stringify(snapshot);
    writeFileSync(path, content);

    const error = await rejection(() => createNodeEmulator({ dataDir: dir }));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(
      `${path} is not an emulator snapshot of format 1: pool local_WildRydes, groups[0]: the group record "riders": its precedence is not a number or absent`,
    );
    expect(readFileSync(path, 'utf8')).toBe(content);
  });
});

/** The journal's lines, each as written (without its newline). */
function journalLines(): string[] {
  return readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').slice(0, -1);
}

/** Every file of the data folder with its bytes, to show that a refused start wrote nothing. */
function folderBytes(): Record<string, string> {
  return Object.fromEntries(
    ['state.json', 'journal.jsonl', 'emulator.lock']
      .filter((name) => existsSync(join(dir, name)))
      .map((name) => [name, readFileSync(join(dir, name), 'base64')]),
  );
}

describe('a journal line that is not the last one and cannot be read', () => {
  /** A folder whose journal holds the signing key, then the sign-up, last the confirmation. */
  async function journalOfSignUp(): Promise<string[]> {
    await registered(await start(), 'journal@example.com');
    const lines = journalLines();
    expect(lines.map((line) => JSON.parse(line).kind)).toEqual([
      'key',
      'access-key',
      ...lines.slice(2).map(() => 'user'),
    ]);
    expect(JSON.parse(lines.at(-1) ?? '').value.status).toBe('CONFIRMED');
    return lines;
  }

  it('stops the start, naming the file and line, when the signing key line is broken', async () => {
    const [key = '', ...rest] = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    writeFileSync(path, [key.slice(0, 30), ...rest, ''].join('\n'));
    const before = folderBytes();

    const error = await rejection(() => start());
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(
      new RegExp(
        `^${asPattern(path)} line 1 cannot be read \\(.+\\); nothing was changed: repair or remove that line, or move the folder away to start afresh$`,
      ),
    );
    expect(folderBytes()).toEqual(before);
  });

  it('stops the start when a line in the middle is broken, rather than lose the confirmation', async () => {
    const [key = '', ...rest] = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    writeFileSync(path, [key, '{"pool":"local_Wild', ...rest, ''].join('\n'));
    const before = folderBytes();

    const error = await rejection(() => start());
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(new RegExp(`^${asPattern(path)} line 2 cannot`));
    expect(folderBytes()).toEqual(before);
  });

  it('stops the start on a line that is JSON but not a change the emulator wrote', async () => {
    const lines = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    const confirmation = JSON.parse(lines.at(-1) ?? '');
    delete confirmation.value.username;
    writeFileSync(path, [...lines.slice(0, -1), JSON.stringify(confirmation), ''].join('\n'));
    const before = folderBytes();

    const error = await rejection(() => start());
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(
      `${path} line ${lines.length} is not a change the emulator wrote (the user record "${confirmation.id}": its username is not a string); nothing was changed: repair or remove that line, or move the folder away to start afresh`,
    );
    expect(folderBytes()).toEqual(before);
  });

  it('stops the start on a line whose id is not its record’s', async () => {
    const lines = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    const confirmation = JSON.parse(lines.at(-1) ?? '');
    const sub = confirmation.id;
    confirmation.id = 'someone-else';
    writeFileSync(path, [...lines.slice(0, -1), JSON.stringify(confirmation), ''].join('\n'));

    const error = await rejection(() => start());
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toBe(
      `${path} line ${lines.length} is not a change the emulator wrote (the user record "${sub}" is not the line's id "someone-else"); nothing was changed: repair or remove that line, or move the folder away to start afresh`,
    );
  });

  it('stops the start on a complete last line that is not JSON (only a cut-short one is dropped)', async () => {
    const lines = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    writeFileSync(path, [...lines.slice(0, -1), lines.at(-1)?.slice(0, 40), ''].join('\n'));

    const error = await rejection(() => start());
    expect(error).toBeInstanceOf(DataDirError);
    expect(error.message).toMatch(new RegExp(`^${asPattern(path)} line ${lines.length} cannot`));
  });

  it('starts once the broken line is repaired, with the user still confirmed', async () => {
    const [key = '', ...rest] = await journalOfSignUp();
    const path = join(dir, 'journal.jsonl');
    writeFileSync(path, [`${key}}`, ...rest, ''].join('\n'));
    expect(await rejection(() => start())).toBeInstanceOf(DataDirError);

    writeFileSync(path, [key, ...rest, ''].join('\n'));
    const after = await start();
    expect(statusOf(await after.api.adminGetUser('journal@example.com'))).toBe('CONFIRMED');
  });
});

function asPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A user record as the store keeps it, for writing journal lines without an emulator. */
function userRecord(sub: string): UserRecord {
  return {
    sub,
    username: sub,
    attributes: { email: `${sub}@example.com` },
    status: 'CONFIRMED',
    enabled: true,
    createdAt: 0,
    updatedAt: 0,
    salt: 'ab',
    verifier: 'cd',
    failedSignIns: 0,
    lockedUntil: 0,
    codes: {},
    codeRequests: [],
  };
}

function userChange(sub: string): Change {
  return { pool: DEFAULT_POOL_ID, kind: 'user', id: sub, value: userRecord(sub) };
}

const noSnapshot = () => ({});

/** The write of a full disk: half the bytes go down, then ENOSPC. */
function fullDisk(io: JournalIo): JournalIo['write'] {
  return (fd, buffer, offset, length) => {
    io.write(fd, buffer, offset, Math.floor(length / 2));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
}

describe('a journal write that fails (a full disk)', () => {
  const disk: JournalIo = {
    write: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
    truncate: (fd, length) => ftruncateSync(fd, length),
  };

  it('is cut back to the last whole line, so the next acknowledged change is kept', async () => {
    let full = false;
    const io: JournalIo = {
      write: (...args) => (full ? fullDisk(disk)(...args) : disk.write(...args)),
      truncate: disk.truncate,
    };
    const { dir: data } = DataDir.open(dir, { io });
    data.record(userChange('first'), noSnapshot);
    const afterFirst = readFileSync(join(dir, 'journal.jsonl'), 'utf8');

    full = true;
    const refusal = await rejection(() => data.record(userChange('lost'), noSnapshot));
    full = false;
    expect(refusal).toBeInstanceOf(DataDirError);
    expect(refusal.message).toBe(
      `could not write to ${join(dir, 'journal.jsonl')} (ENOSPC: no space left on device, write); the change was not saved`,
    );
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe(afterFirst);

    data.record(userChange('third'), noSnapshot);
    const reopened = DataDir.open(dir).data[DEFAULT_POOL_ID];
    expect(reopened?.users.map((user) => user.sub)).toEqual(['first', 'third']);
  });

  it('refuses every later write when the cut-back fails too, and the next start drops the torn line', async () => {
    const io: JournalIo = {
      write: fullDisk(disk),
      truncate: () => {
        throw new Error('EIO: i/o error, ftruncate');
      },
    };
    const { dir: data } = DataDir.open(dir, { io });
    expect(await rejection(() => data.record(userChange('lost'), noSnapshot))).toBeInstanceOf(
      DataDirError,
    );
    const later = await rejection(() => data.record(userChange('refused'), noSnapshot));
    expect(later).toBeInstanceOf(DataDirError);
    expect(later.message).toBe(
      `${join(dir, 'journal.jsonl')} is not written to since a failed write could not be undone (ENOSPC: no space left on device, write, then EIO: i/o error, ftruncate); restart the emulator`,
    );

    const warnings: string[] = [];
    const reopened = DataDir.open(dir, { warn: (message) => warnings.push(message) });
    expect(reopened.data[DEFAULT_POOL_ID]?.users ?? []).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^dropped the unfinished last line 1 of /)]);
  });
});

describe('a compaction that fails', () => {
  it('is reported and leaves the journal whole, so the change is still kept', () => {
    const warnings: string[] = [];
    const { dir: data } = DataDir.open(dir, {
      compactEvery: 1,
      warn: (message) => warnings.push(message),
      io: {
        write: (fd, buffer, offset, length) => writeSync(fd, buffer, offset, length),
        truncate: () => {
          throw new Error('EIO: i/o error, ftruncate');
        },
      },
    });
    data.record(userChange('kept'), () => ({
      [DEFAULT_POOL_ID]: {
        key: null,
        accessKey: null,
        users: [userRecord('kept')],
        sessions: [],
        groups: [],
        memberships: [],
      },
    }));
    expect(warnings).toEqual([
      `could not compact ${dir} (EIO: i/o error, ftruncate); the journal keeps every change`,
    ]);
    expect(journalLines()).toEqual([JSON.stringify(userChange('kept'))]);
    expect(DataDir.open(dir).data[DEFAULT_POOL_ID]?.users.map((user) => user.sub)).toEqual([
      'kept',
    ]);
  });
});

describe('a pool the configuration no longer serves', () => {
  const withSecondPool = () =>
    readEmulatorConfig({ pools: [{ id: 'local_Second', clients: [{ id: 'secondclient' }] }] });

  it('keeps its users through starts and compactions without it, and serves them when it is back', async () => {
    const before = await start(undefined, withSecondPool());
    expect(
      (
        await before.api.call('AdminCreateUser', {
          UserPoolId: 'local_Second',
          Username: 'kept@example.com',
          MessageAction: 'SUPPRESS',
        })
      ).status,
    ).toBe(200);

    const warnings: string[] = [];
    const without = await start((message) => warnings.push(message));
    expect(warnings).toEqual([
      `${dir} holds 1 user(s) of pool local_Second, which the configuration does not serve; they are kept, not served`,
    ]);
    // A compaction while the pool is not served, then another start without it.
    await registered(without, 'meanwhile@example.com');
    await start();

    const back = await start(undefined, withSecondPool());
    const user = await back.api.call('AdminGetUser', {
      UserPoolId: 'local_Second',
      Username: 'kept@example.com',
    });
    expect(user.status).toBe(200);
    expect(statusOf(await back.api.adminGetUser('meanwhile@example.com'))).toBe('CONFIRMED');
  });
});

describe('a pool the configuration no longer serves, at a compaction', () => {
  it('is written into the new snapshot beside the served pools', () => {
    const { dir: before } = DataDir.open(dir);
    before.record({ ...userChange('kept'), pool: 'local_Second' }, noSnapshot);

    const { dir: running } = DataDir.open(dir, { compactEvery: 1 });
    // The running emulator's snapshot holds only the pools it serves.
    running.record(userChange('served'), () => ({
      [DEFAULT_POOL_ID]: {
        key: null,
        accessKey: null,
        users: [userRecord('served')],
        sessions: [],
        groups: [],
        memberships: [],
      },
    }));
    expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8')).toBe('');

    const after = DataDir.open(dir).data;
    expect(after.local_Second?.users.map((user) => user.sub)).toEqual(['kept']);
    expect(after[DEFAULT_POOL_ID]?.users.map((user) => user.sub)).toEqual(['served']);
  });
});

describe('the files of a data folder', () => {
  function mode(path: string): string {
    return (statSync(path).mode & 0o777).toString(8);
  }

  it('are readable by their owner only, since they hold the private signing keys', async () => {
    const folder = join(dir, 'new');
    dir = folder;
    await registered(await start(), 'private@example.com');
    expect(mode(folder)).toBe('700');
    for (const name of ['state.json', 'journal.jsonl', 'emulator.lock']) {
      expect([name, mode(join(folder, name))]).toEqual([name, '600']);
    }
  });

  it('become owner-only when an older emulator left them readable by others', async () => {
    await start();
    for (const name of ['state.json', 'journal.jsonl']) chmodSync(join(dir, name), 0o644);
    await start();
    for (const name of ['state.json', 'journal.jsonl']) {
      expect([name, mode(join(dir, name))]).toEqual([name, '600']);
    }
  });
});

describe('a process killed at a random moment', () => {
  /** Starts the CLI on the data folder and resolves with its URL (the first line it prints). */
  function startCli(): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/node/cli.ts', '--data-dir', dir, '--port', '0'],
      { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return new Promise((resolve, reject) => {
      let output = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${output}`)));
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /^Local Cognito emulator on (http:\/\/\S+)/.exec(output)?.[1];
        // Keep reading (the CLI prints every code), but resolve once.
        if (url) resolve({ child, url });
      });
    });
  }

  function killed(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  it('refuses to open a folder another running emulator holds, and leaves its data alone', async () => {
    const { child } = await startCli();
    try {
      const before = readFileSync(join(dir, 'state.json'));
      const refusal = await rejection(() => DataDir.open(dir));
      expect(refusal).toBeInstanceOf(DataDirError);
      expect(refusal.message).toContain(`in use by another emulator (process ${child.pid})`);
      expect(readFileSync(join(dir, 'state.json'))).toEqual(before);
    } finally {
      await killed(child);
    }
    // The lock of a killed process is stale: the next emulator takes the folder over.
    expect(() => DataDir.open(dir)).not.toThrow();
  });

  it('is given to exactly one of several emulators that open it at the same moment', async () => {
    // Each child loads the module once, then for every round waits for that round's go file and
    // opens that round's folder, reporting the outcome. A child keeps what it opened until it
    // exits, so every other child meets a live lock.
    const child = `
      import { existsSync } from 'node:fs';
      import { join } from 'node:path';
      const [, modulePath, base, rounds] = process.argv;
      const { DataDir } = await import(modulePath);
      const done = join(base, 'done');
      const until = async (file) => {
        while (!existsSync(file)) {
          if (existsSync(done)) process.exit(0);
          await new Promise((r) => setTimeout(r, 1));
        }
      };
      console.log('ready');
      for (let round = 0; round < Number(rounds); round += 1) {
        await until(join(base, 'go-' + round));
        try { DataDir.open(join(base, 'race-' + round)); console.log(round + ' opened'); }
        catch (error) { console.log(round + ' ' + error.name); }
      }
      await until(done);
    `;
    const modulePath = join(import.meta.dirname, '../../emulator/node/persistence.ts');
    const rounds = 8;
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    const children = [0, 1, 2].map(() => {
      const contender = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', child, modulePath, dir, String(rounds)],
        { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let pending = '';
      contender.stdout?.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const complete = pending.split('\n');
        pending = complete.pop() ?? '';
        lines.push(...complete);
        for (const wake of waiters.splice(0)) wake();
      });
      return new Promise<void>((resolve) => contender.once('exit', () => resolve()));
    });
    const linesMatching = async (pattern: RegExp, count: number) => {
      while (lines.filter((line) => pattern.test(line)).length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return lines.filter((line) => pattern.test(line)).map((line) => line.split(' ')[1]);
    };
    try {
      await linesMatching(/^ready$/, 3);
      for (let round = 0; round < rounds; round += 1) {
        writeFileSync(join(dir, `go-${round}`), '');
        const outcomes = await linesMatching(new RegExp(`^${round} `), 3);
        expect(outcomes.sort(), `round ${round}`).toEqual([
          'DataDirError',
          'DataDirError',
          'opened',
        ]);
      }
    } finally {
      writeFileSync(join(dir, 'done'), '');
      await Promise.all(children);
    }
  }, 60_000);

  it('keeps every user whose SignUp was answered, over three kills', async () => {
    const random = seededRandom('kill points');
    const answered: string[] = [];
    const perRound: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const answeredBefore = answered.length;
      const { child, url } = await startCli();
      const api = cognitoApi(fetch, `${url}/`);
      let firstAnswer: () => void = () => {};
      const answeredOnce = new Promise<void>((resolve) => {
        firstAnswer = resolve;
      });
      // Four clients sign people up until the connection dies with the process.
      const lane = async (lane: number) => {
        for (let i = 0; ; i += 1) {
          const email = `r${round}.l${lane}.${i}@example.com`;
          try {
            const answer = await api.signUp(email, PASSWORD);
            if (answer.status === 200) answered.push(email);
            firstAnswer();
          } catch {
            return;
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(lane);
      await answeredOnce;
      const killAfter = Math.round(20 + random.next() * 280);
      console.info(`kill points: round ${round} kills after ${killAfter} ms (seed ${random.seed})`);
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      await killed(child);
      await Promise.all(lanes);
      perRound.push(answered.length - answeredBefore);
    }
    expect(
      perRound.every((n) => n > 0),
      `seed ${random.seed}`,
    ).toBe(true);

    const after = await start();
    const missing: string[] = [];
    for (const email of answered) {
      const answer = await after.api.adminGetUser(email);
      if (answer.status !== 200) missing.push(email);
    }
    expect(missing, `seed ${random.seed}`).toEqual([]);
  }, 60_000);
});
