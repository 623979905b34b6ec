// @vitest-environment jsdom
/**
 * The console's Groups pages as HTML: the list, creating a group as CreateGroup validates it
 * (refusals at their field, what was typed kept), a group's members, and removing a member or
 * the group, each asking first.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { testEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { admin, BASE, noticeOf, open, texts } from './console-pages.ts';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await testEmulator({ now: () => Date.UTC(2026, 0, 5, 9, 30) });
});

async function signUp(email: string): Promise<string> {
  const answer = await emulator.call(
    'SignUp',
    {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    },
    { baseUrl: 'http://localhost' },
  );
  return String(answer.UserSub);
}

function below(url: string | null | undefined): string {
  expect(url?.startsWith(BASE)).toBe(true);
  return (url ?? '').slice(BASE.length);
}

describe('the Groups page', () => {
  it('says there are no groups yet and what they are for', async () => {
    const { document } = await open(emulator, '/groups');
    expect(texts(document, '.empty')).toEqual([
      'No groups yet. Groups put a cognito:groups claim in their members’ tokens.',
    ]);
    expect(texts(document, 'h2')).toEqual(['Create group']);
  });

  it('lists name, description and precedence, escaped', async () => {
    await admin(emulator, 'CreateGroup', {
      GroupName: 'riders',
      Description: '<script>alert(1)</script>',
      Precedence: 2,
    });
    await admin(emulator, 'CreateGroup', { GroupName: 'a/b+c@d' });
    const { document } = await open(emulator, '/groups');
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent?.trim()),
    );
    // Created in the same second: ListGroups then orders them by name.
    expect(rows).toEqual([
      ['a/b+c@d', '', ''],
      ['riders', '<script>alert(1)</script>', '2'],
    ]);
    expect(document.querySelector('main script')).toBeNull();
    expect(document.querySelectorAll('tbody a')[0]?.getAttribute('href')).toBe(
      `${BASE}/groups/a%2Fb%2Bc%40d`,
    );
  });

  it('creates a group and redirects to it with a notice', async () => {
    const created = await open(emulator, '/groups', {
      method: 'POST',
      form: { name: 'riders', description: 'People who ride', precedence: '3' },
    });
    expect(created.redirect).toBe('/groups/riders?done=created');
    const group = await admin(emulator, 'GetGroup', { GroupName: 'riders' });
    expect(group.Group).toMatchObject({ Description: 'People who ride', Precedence: 3 });
    const page = await open(emulator, created.redirect ?? '');
    expect(noticeOf(page)).toEqual({ tone: 'success', message: 'Created the group riders.' });
    expect(texts(page.document, '.facts dd')).toEqual(['People who ride', '3']);
    expect(texts(page.document, '.empty')).toEqual(['No one is in this group yet.']);
  });

  it('refuses a name that exists at the name field, keeping what was typed', async () => {
    await admin(emulator, 'CreateGroup', { GroupName: 'riders' });
    const refused = await open(emulator, '/groups', {
      method: 'POST',
      form: { name: 'riders', description: 'again', precedence: '1' },
    });
    expect(refused.status).toBe(400);
    expect(texts(refused.document, '#group-name-error')).toEqual([
      'A group with the name already exists. (Cognito refused: GroupExistsException)',
    ]);
    expect(refused.document.querySelector<HTMLInputElement>('#group-description')?.value).toBe(
      'again',
    );
    expect(refused.document.querySelector<HTMLInputElement>('#group-precedence')?.value).toBe('1');
  });

  it('refuses an empty name and a negative precedence with CreateGroup’s validation', async () => {
    const empty = await open(emulator, '/groups', { method: 'POST', form: { name: '' } });
    expect(texts(empty.document, '#group-name-error')[0]).toMatch(
      /^1 validation error detected: Value at 'groupName' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    const negative = await open(emulator, '/groups', {
      method: 'POST',
      form: { name: 'riders', precedence: '-1' },
    });
    expect(texts(negative.document, '#group-precedence-error')[0]).toMatch(
      /'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0/,
    );
    expect(texts(negative.document, '#group-name-error')).toEqual([]);
    const words = await open(emulator, '/groups', {
      method: 'POST',
      form: { name: 'riders', precedence: 'first' },
    });
    expect(texts(words.document, '#group-precedence-error')).toEqual([
      'Precedence must be a whole number from 0 to 2147483647.',
    ]);
    expect((await admin(emulator, 'ListGroups', {})).Groups).toEqual([]);
  });

  it('lists a group’s members and removes one after asking', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'CreateGroup', { GroupName: 'riders' });
    await admin(emulator, 'AdminAddUserToGroup', { Username: jane, GroupName: 'riders' });
    const page = await open(emulator, '/groups/riders');
    expect(texts(page.document, 'tbody td:nth-child(2)')).toEqual(['jane@example.com']);

    const ask = await open(
      emulator,
      below(page.document.querySelector('tbody td a')?.getAttribute('href')),
    );
    expect(texts(ask.document, '.question')).toEqual([
      'Remove jane@example.com from the group riders?',
    ]);
    expect((await admin(emulator, 'ListUsersInGroup', { GroupName: 'riders' })).Users).toHaveLength(
      1,
    );
    const done = await open(
      emulator,
      below(ask.document.querySelector('form')?.getAttribute('action')),
      {
        method: 'POST',
      },
    );
    expect(done.redirect).toBe('/groups/riders?done=removed&user=jane%40example.com');
    const after = await open(emulator, done.redirect ?? '');
    expect(noticeOf(after)?.message).toBe('Removed jane@example.com from riders.');
    expect(texts(after.document, '.empty')).toEqual(['No one is in this group yet.']);
  });

  it('deletes a group after asking; its members stay', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'CreateGroup', { GroupName: 'riders' });
    await admin(emulator, 'AdminAddUserToGroup', { Username: jane, GroupName: 'riders' });
    const ask = await open(emulator, '/groups/riders/delete', { lang: 'ko' });
    expect(texts(ask.document, '.question')).toEqual([
      'riders 그룹을 삭제할까요? 구성원 계정은 그대로 남아요. 되돌릴 수 없어요.',
    ]);
    expect((await admin(emulator, 'ListGroups', {})).Groups).toHaveLength(1);
    const done = await open(emulator, '/groups/riders/delete', { method: 'POST' });
    expect(done.redirect).toBe('/groups?done=deleted&group=riders');
    const list = await open(emulator, done.redirect ?? '');
    expect(noticeOf(list)?.message).toBe('Deleted the group riders.');
    expect((await admin(emulator, 'AdminGetUser', { Username: jane })).UserStatus).toBe(
      'UNCONFIRMED',
    );
  });

  it('answers 404 for a group the pool does not have', async () => {
    const { status, document } = await open(emulator, '/groups/%3Cnone%3E');
    expect(status).toBe(404);
    expect(texts(document, '.empty')).toEqual(['There is no group <none> in this pool.']);
  });
});
