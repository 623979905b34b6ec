/**
 * The data folder: users, sessions and the signing key survive a restart, and a process killed in
 * the middle of a write leaves data the next start can read. A restart here is a new emulator on
 * the same folder, as `npm run emulator` would make; the last test kills a real process.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { generateSigningKey } from '../../emulator/core/tokens.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { DataDir, DataDirError } from '../../emulator/node/persistence.ts';
import { latestCode } from './harness.ts';
import { cognitoApi, exchange, stringAt, tokensOf } from './wire.ts';

const PASSWORD = 'Persist-Passw0rd!';
const ORIGIN = 'http://emulator.test';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an emulator on the test's data folder, as `npm run emulator -- --data-dir` does. */
async function start(warn?: (message: string) => void) {
  const emulator = await createNodeEmulator({ dataDir: dir, ...(warn ? { warn } : {}) });
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
  const confirmed = await running.api.call('ConfirmSignUp', {
    ClientId: DEFAULT_CLIENT_ID,
    Username: email,
    ConfirmationCode: latestCode(running.emulator, email),
  });
  expect(confirmed.status).toBe(200);
}

function statusOf(answer: { body: unknown }): string {
  return stringAt(answer.body, 'UserStatus');
}

async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but it succeeded');
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
        /^skipped unreadable line \d+ of .*journal\.jsonl \(an interrupted write\)$/,
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

    const error = await thrown(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as DataDirError).message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.+\\); move it away to start afresh$`,
      ),
    );
    const started = await thrown(() => createNodeEmulator({ dataDir: dir }));
    expect(started).toBeInstanceOf(DataDirError);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses a state.json of another format and leaves it as it was', async () => {
    const path = join(dir, 'state.json');
    const content = JSON.stringify({ version: 2, pools: {} });
    writeFileSync(path, content);

    const error = await thrown(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as DataDirError).message).toBe(`${path} is not an emulator snapshot of format 1`);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a state.json whose pools are not lists of users and sessions', async () => {
    const path = join(dir, 'state.json');
    const content = JSON.stringify({ version: 1, pools: { local_WildRydes: { key: null } } });
    writeFileSync(path, content);

    const error = await thrown(() => DataDir.open(dir));
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as DataDirError).message).toBe(`${path} is not an emulator snapshot of format 1`);
    expect(readFileSync(path, 'utf8')).toBe(content);
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
      let refusal: unknown;
      try {
        DataDir.open(dir);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DataDirError);
      expect((refusal as Error).message).toContain(
        `in use by another emulator (process ${child.pid})`,
      );
      expect(readFileSync(join(dir, 'state.json'))).toEqual(before);
    } finally {
      await killed(child);
    }
    // The lock of a killed process is stale: the next emulator takes the folder over.
    expect(() => DataDir.open(dir)).not.toThrow();
  });

  it('keeps every user whose SignUp was answered, over three kills', async () => {
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
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 280));
      await killed(child);
      await Promise.all(lanes);
      perRound.push(answered.length - answeredBefore);
    }
    expect(perRound.every((n) => n > 0)).toBe(true);

    const after = await start();
    const missing: string[] = [];
    for (const email of answered) {
      const answer = await after.api.adminGetUser(email);
      if (answer.status !== 200) missing.push(email);
    }
    expect(missing).toEqual([]);
  }, 60_000);
});
