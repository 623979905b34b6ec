// @vitest-environment jsdom
/**
 * The console's Users pages as HTML: the table, ListUsers search and paging, a user's page, and
 * its actions through the admin operations — each destructive one asking first, each refusal
 * shown where it applies, each success redirecting back with a notice.
 */

import * as OTPAuth from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { readUser } from '../../emulator/console/users/parts.ts';
import { CognitoError } from '../../emulator/core/cognito-error.ts';
import { DEFAULT_CLIENT_ID, defaultConfig } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { testEmulator, USERNAME_POOL, usernamePool } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { admin, BASE, noticeOf, open, texts } from './console-pages.ts';

let clock = Date.UTC(2026, 0, 5, 9, 30);
let emulator: Emulator;

beforeEach(async () => {
  clock = Date.UTC(2026, 0, 5, 9, 30);
  const config = defaultConfig();
  emulator = await testEmulator({
    config: { pools: [...config.pools, usernamePool()] },
    now: () => clock,
  });
});

const base = { baseUrl: 'http://localhost' };

/** Signs `email` up on the site's client: an UNCONFIRMED user; answers their username (a UUID). */
async function signUp(email: string, attributes: Record<string, string> = {}): Promise<string> {
  clock += 60_000;
  const answer = await emulator.call(
    'SignUp',
    {
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: PASSWORD,
      UserAttributes: Object.entries({ email, ...attributes }).map(([Name, Value]) => ({
        Name,
        Value,
      })),
    },
    base,
  );
  return String(answer.UserSub);
}

async function signIn(email: string): Promise<Record<string, unknown>> {
  const answer = await emulator.call(
    'InitiateAuth',
    {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: PASSWORD },
    },
    base,
  );
  const result = answer.AuthenticationResult;
  if (typeof result !== 'object' || result === null) throw new Error('no tokens');
  return Object.fromEntries(Object.entries(result));
}

async function statusOf(username: string): Promise<unknown> {
  return (await admin(emulator, 'AdminGetUser', { Username: username })).UserStatus;
}

/** The path below the base that a link of the page points to. */
function target(link: Element | null): string {
  const href = link?.getAttribute('href') ?? '';
  expect(href.startsWith(BASE)).toBe(true);
  return href.slice(BASE.length);
}

/** The path below the base that a form posts to. */
function actionOf(form: Element | null | undefined): string {
  const action = form?.getAttribute('action') ?? '';
  expect(action.startsWith(BASE)).toBe(true);
  return action.slice(BASE.length);
}

describe('the Users table', () => {
  it('says the pool has no users yet, and how they come', async () => {
    const { document, status } = await open(emulator, '/users');
    expect(status).toBe(200);
    expect(texts(document, '.empty')).toEqual([
      'No users in this pool yet. People who sign up on the site appear here.',
    ]);
    expect(document.querySelector('table')).toBeNull();
  });

  it('shows each user as the Cognito console does: username, email, status, enabled, dates, groups', async () => {
    const jane = await signUp('jane@example.com');
    clock = Date.UTC(2026, 0, 6, 14, 5);
    const omar = await signUp('omar@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: omar });
    await admin(emulator, 'CreateGroup', { GroupName: 'riders', Precedence: 1 });
    await admin(emulator, 'CreateGroup', { GroupName: 'admins', Precedence: 0 });
    await admin(emulator, 'AdminAddUserToGroup', { Username: omar, GroupName: 'riders' });
    await admin(emulator, 'AdminAddUserToGroup', { Username: omar, GroupName: 'admins' });
    await admin(emulator, 'AdminDisableUser', { Username: omar });

    const { document } = await open(emulator, '/users');
    const rows = [...document.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => (cell.textContent ?? '').trim()),
    );
    expect(texts(document, 'thead th')).toEqual([
      'Username',
      'Email',
      'Status',
      'Enabled',
      'Created',
      'Last modified',
      'Groups',
    ]);
    expect(rows).toEqual([
      [
        jane,
        'jane@example.com',
        'UNCONFIRMED',
        'Yes',
        '2026-01-05 09:31 UTC',
        '2026-01-05 09:31 UTC',
        '',
      ],
      [
        omar,
        'omar@example.com',
        'CONFIRMED',
        'No',
        '2026-01-06 14:06 UTC',
        '2026-01-06 14:06 UTC',
        'admins, riders',
      ],
    ]);
    expect(target(document.querySelector('tbody a'))).toBe(`/users/${jane}`);
  });

  it('shows every status a user can be in', async () => {
    await signUp('unconfirmed@example.com');
    const confirmed = await signUp('confirmed@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: confirmed });
    const reset = await signUp('reset@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: reset });
    await admin(emulator, 'AdminResetUserPassword', { Username: reset });
    clock += 60_000;
    await admin(emulator, 'AdminCreateUser', {
      Username: 'invited@example.com',
      UserAttributes: [{ Name: 'email', Value: 'invited@example.com' }],
      MessageAction: 'SUPPRESS',
    });
    const { document } = await open(emulator, '/users');
    expect(texts(document, 'tbody td:nth-child(3)')).toEqual([
      'UNCONFIRMED',
      'CONFIRMED',
      'RESET_REQUIRED',
      'FORCE_CHANGE_PASSWORD',
    ]);
  });

  it('searches as ListUsers filters: email starts with what was typed, case aside', async () => {
    await signUp('jane@example.com');
    await signUp('janet@example.com');
    await signUp('omar@example.com');
    const { document } = await open(emulator, '/users?attr=email&match=prefix&q=JAN');
    expect(texts(document, 'tbody td:nth-child(2)')).toEqual([
      'jane@example.com',
      'janet@example.com',
    ]);
    expect(texts(document, '.search-summary')[0]).toContain('Users where email ^= "JAN"');
    expect(document.querySelector<HTMLInputElement>('#search-value')?.value).toBe('JAN');
    expect(document.querySelector<HTMLSelectElement>('#search-match')?.value).toBe('prefix');
  });

  it('searches on the attribute chosen from the select, exactly when asked', async () => {
    await signUp('jane@example.com');
    const omar = await signUp('omar@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: omar });
    const { document } = await open(
      emulator,
      '/users?attr=cognito%3Auser_status&match=exact&q=CONFIRMED',
    );
    expect(texts(document, 'tbody td:nth-child(2)')).toEqual(['omar@example.com']);
    expect(document.querySelector<HTMLSelectElement>('#search-attr')?.value).toBe(
      'cognito:user_status',
    );
  });

  it('says no user matches, naming the filter, and keeps quotes in the value as text', async () => {
    await signUp('jane@example.com');
    const { document, status } = await open(emulator, '/users?attr=email&q=%22%20or%20%22');
    expect(status).toBe(200);
    expect(texts(document, '.empty')).toEqual(['No users match email ^= "\\" or \\"".']);
  });

  it('shows ListUsers’ refusal at the search field when a paging token is not one', async () => {
    await signUp('jane@example.com');
    const { document, status } = await open(emulator, '/users?page=not-a-token');
    expect(status).toBe(400);
    expect(texts(document, '#search-value-error')).toEqual([
      'Invalid pagination token. (Cognito refused: InvalidParameterException)',
    ]);
    expect(document.querySelector('#search-value')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('table')).toBeNull();
  });

  it('pages with ListUsers’ PaginationToken, forward and back, keeping the search', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) await signUp(`${name}@example.com`);
    await signUp('zed@example.com');
    const emails = (document: Document) => texts(document, 'tbody td:nth-child(2)');
    const first = await open(emulator, '/users?q=a&limit=2');
    expect(emails(first.document)).toEqual(['a1@example.com', 'a2@example.com']);
    expect(first.document.querySelector('a[rel="prev"]')).toBeNull();

    const second = await open(emulator, target(first.document.querySelector('a[rel="next"]')));
    expect(emails(second.document)).toEqual(['a3@example.com', 'a4@example.com']);
    const third = await open(emulator, target(second.document.querySelector('a[rel="next"]')));
    expect(emails(third.document)).toEqual(['a5@example.com']);
    expect(third.document.querySelector('a[rel="next"]')).toBeNull();

    const back = await open(emulator, target(third.document.querySelector('a[rel="prev"]')));
    expect(emails(back.document)).toEqual(['a3@example.com', 'a4@example.com']);
    const start = await open(emulator, target(back.document.querySelector('a[rel="prev"]')));
    expect(emails(start.document)).toEqual(['a1@example.com', 'a2@example.com']);
    expect(texts(start.document, 'a[rel]')).toEqual(['Next page']);
  });

  it('escapes hostile data and links usernames with @, +, / and quotes so they open', async () => {
    const hostile = `<b>o'neil+"x"/y@z&`;
    await emulator.call(
      'SignUp',
      {
        ClientId: USERNAME_POOL.clientId,
        Username: hostile,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'x@example.com' }],
      },
      base,
    );
    const list = await open(emulator, `/users?pool=${USERNAME_POOL.id}`);
    expect(list.document.querySelector('tbody b')).toBeNull();
    const link = list.document.querySelector('tbody a');
    expect(link?.textContent).toBe(hostile);
    expect(link?.getAttribute('href')).toBe(
      `${BASE}/users/${encodeURIComponent(hostile)}?pool=${USERNAME_POOL.id}`,
    );
    const page = await open(emulator, target(link));
    expect(page.status).toBe(200);
    expect(page.document.querySelector('.facts code')?.textContent).toBe(hostile);
    expect(page.document.querySelector('main b')).toBeNull();
  });

  it('is in Korean when the reader reads Korean', async () => {
    const { document } = await open(emulator, '/users', { lang: 'ko' });
    expect(texts(document, '.empty')).toEqual([
      '아직 이 풀에 사용자가 없어요. 사이트에서 가입한 사람이 여기에 나타나요.',
    ]);
    expect(document.querySelector('[role="search"]')?.getAttribute('aria-label')).toBe(
      '사용자 검색',
    );
    expect(texts(document, 'h1')).toEqual(['사용자']);
  });
});

describe('a user’s page', () => {
  it('shows the attributes, status, dates and no MFA when none is set up', async () => {
    const jane = await signUp('jane@example.com', { name: '<i>Jane</i>' });
    const { document, status } = await open(emulator, `/users/${jane}`);
    expect(status).toBe(200);
    expect(texts(document, '.facts dd').slice(0, 6)).toEqual([
      jane,
      'jane@example.com',
      'UNCONFIRMED',
      'Yes',
      '2026-01-05 09:31 UTC',
      '2026-01-05 09:31 UTC',
    ]);
    const attributes = [...document.querySelectorAll('#attributes-heading ~ div tbody tr')].map(
      (tr) => [...tr.children].map((cell) => cell.textContent),
    );
    expect(attributes).toEqual([
      ['sub', jane],
      ['email', 'jane@example.com'],
      ['name', '<i>Jane</i>'],
      ['email_verified', 'false'],
    ]);
    expect(document.querySelector('main i')).toBeNull();
    expect(texts(document, 'section[aria-labelledby="mfa-heading"] dd')).toEqual(['none', 'none']);
    expect(texts(document, 'section[aria-labelledby="groups-heading"] p')[0]).toBe(
      'Not in any group.',
    );
  });

  it('answers 404 with a way back for a user the pool does not have', async () => {
    const { document, status } = await open(emulator, '/users/nobody%40example.com');
    expect(status).toBe(404);
    expect(texts(document, '.empty')).toEqual([
      'There is no user nobody@example.com in this pool.',
    ]);
    expect(target(document.querySelector('main a'))).toBe('/users');
  });

  it('offers Confirm only to an UNCONFIRMED user, and confirming redirects back with a notice', async () => {
    const jane = await signUp('jane@example.com');
    const before = await open(emulator, `/users/${jane}`);
    const form = before.document.querySelector('form[action$="/confirm"]');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.textContent?.trim()).toBe('Confirm user');

    const done = await open(emulator, actionOf(form), { method: 'POST' });
    expect(done.redirect).toBe(`/users/${jane}?done=confirmed`);
    expect(await statusOf(jane)).toBe('CONFIRMED');

    const after = await open(emulator, done.redirect ?? '');
    expect(noticeOf(after)).toEqual({ tone: 'success', message: 'Confirmed jane@example.com.' });
    expect(after.document.querySelector('form[action$="/confirm"]')).toBeNull();
  });

  it('shows AdminConfirmSignUp’s refusal when the user is confirmed already', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: jane });
    const refused = await open(emulator, `/users/${jane}/confirm`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(noticeOf(refused)).toEqual({
      tone: 'error',
      message:
        'User cannot be confirmed. Current status is CONFIRMED (Cognito refused: NotAuthorizedException)',
    });
  });

  it('asks before disabling, changes nothing until asked twice, and enables again with one press', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: jane });
    const page = await open(emulator, `/users/${jane}`);
    const ask = await open(emulator, target(page.document.querySelector('a[href*="/disable"]')));
    expect(texts(ask.document, '.question')).toEqual([
      'Disable jane@example.com? They cannot sign in, and their sessions end, until you enable them again.',
    ]);
    expect((await admin(emulator, 'AdminGetUser', { Username: jane })).Enabled).toBe(true);

    const button = ask.document.querySelector('form[method="post"]');
    expect(button?.textContent?.trim()).toBe('Disable user');
    const done = await open(emulator, actionOf(button), {
      method: 'POST',
    });
    expect(done.redirect).toBe(`/users/${jane}?done=disabled`);
    expect((await admin(emulator, 'AdminGetUser', { Username: jane })).Enabled).toBe(false);
    expect((await rejection(signIn('jane@example.com'), CognitoError)).type).toBe(
      'NotAuthorizedException',
    );

    const disabled = await open(emulator, done.redirect ?? '');
    expect(noticeOf(disabled)?.message).toBe('Disabled jane@example.com.');
    const enable = disabled.document.querySelector('form[action$="/enable"]');
    const enabled = await open(emulator, actionOf(enable), {
      method: 'POST',
    });
    expect(enabled.redirect).toBe(`/users/${jane}?done=enabled`);
    expect(Object.keys(await signIn('jane@example.com'))).toContain('IdToken');
  });

  it('asks before deleting — "This cannot be undone" — and the list then says who went', async () => {
    const jane = await signUp('jane@example.com');
    const ask = await open(emulator, `/users/${jane}/delete`);
    expect(texts(ask.document, '.question')).toEqual([
      'Delete jane@example.com? This cannot be undone.',
    ]);
    expect(target(ask.document.querySelector('.actions a'))).toBe(`/users/${jane}`);
    expect(await statusOf(jane)).toBe('UNCONFIRMED');

    const done = await open(emulator, `/users/${jane}/delete`, { method: 'POST' });
    expect(done.redirect).toBe('/users?done=deleted&user=jane%40example.com');
    const list = await open(emulator, done.redirect ?? '');
    expect(noticeOf(list)).toEqual({ tone: 'success', message: 'Deleted jane@example.com.' });
    expect((await open(emulator, `/users/${jane}`)).status).toBe(404);
  });

  it('resets a password after asking: the user must then reset it', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: jane });
    const ask = await open(emulator, `/users/${jane}/reset-password`, { lang: 'ko' });
    expect(texts(ask.document, '.question')[0]).toMatch(
      /^jane@example.com 사용자의 비밀번호를 재설정할까요\?/,
    );
    expect(await statusOf(jane)).toBe('CONFIRMED');
    const done = await open(emulator, `/users/${jane}/reset-password`, { method: 'POST' });
    expect(done.redirect).toBe(`/users/${jane}?done=reset`);
    expect(await statusOf(jane)).toBe('RESET_REQUIRED');
  });

  it('signs a user out everywhere after asking: their refresh token stops working', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: jane });
    const tokens = await signIn('jane@example.com');
    const ask = await open(emulator, `/users/${jane}/sign-out`);
    expect(texts(ask.document, '.question')).toEqual([
      'Sign jane@example.com out everywhere? Their refresh tokens stop working on every device.',
    ]);
    const done = await open(emulator, `/users/${jane}/sign-out`, { method: 'POST' });
    expect(done.redirect).toBe(`/users/${jane}?done=signed-out`);
    const refresh = emulator.call(
      'InitiateAuth',
      {
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: String(tokens.RefreshToken) },
      },
      base,
    );
    expect((await rejection(refresh, CognitoError)).type).toBe('NotAuthorizedException');
  });

  it('turns off a user’s authenticator app after asking: their next sign-in asks for no code', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'AdminConfirmSignUp', { Username: jane });
    const { AccessToken } = await signIn('jane@example.com');
    const { SecretCode } = await emulator.call('AssociateSoftwareToken', { AccessToken }, base);
    const code = OTPAuth.TOTP.generate({
      secret: OTPAuth.Secret.fromBase32(String(SecretCode)),
      timestamp: clock,
    });
    await emulator.call('VerifySoftwareToken', { AccessToken, UserCode: code }, base);
    await emulator.call(
      'SetUserMFAPreference',
      { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
      base,
    );
    const before = await open(emulator, `/users/${jane}`);
    expect(texts(before.document, 'section[aria-labelledby="mfa-heading"] dd')).toEqual([
      'SOFTWARE_TOKEN_MFA',
      'SOFTWARE_TOKEN_MFA',
    ]);
    expect(before.document.body.textContent).not.toContain(String(SecretCode));
    const ask = await open(emulator, `/users/${jane}/mfa-off`);
    expect(texts(ask.document, '.question')).toEqual([
      'Turn off two-step sign-in for jane@example.com? They sign in with the password alone until they set up an authenticator app again.',
    ]);
    expect((await admin(emulator, 'AdminGetUser', { Username: jane })).UserMFASettingList).toEqual([
      'SOFTWARE_TOKEN_MFA',
    ]);
    const done = await open(emulator, `/users/${jane}/mfa-off`, { method: 'POST' });
    expect(done.redirect).toBe(`/users/${jane}?done=mfa-off`);
    const after = await open(emulator, `/users/${jane}?done=mfa-off`);
    expect(noticeOf(after)).toEqual({
      tone: 'success',
      message: 'Turned off two-step sign-in for jane@example.com.',
    });
    expect(texts(after.document, 'section[aria-labelledby="mfa-heading"] dd')).toEqual([
      'none',
      'none',
    ]);
    expect(after.document.querySelector(`a[href$="/mfa-off"]`)).toBeNull();
    expect((await signIn('jane@example.com')).AccessToken).toEqual(expect.any(String));
  });

  it('refuses a weak password at the field, keeping what was typed and the permanent choice', async () => {
    const jane = await signUp('jane@example.com');
    const form = await open(emulator, `/users/${jane}/password`);
    expect(form.document.querySelector('#permanent')?.hasAttribute('checked')).toBe(false);
    const refused = await open(emulator, `/users/${jane}/password`, {
      method: 'POST',
      form: { password: 'short', permanent: 'yes' },
    });
    expect(refused.status).toBe(400);
    expect(texts(refused.document, '#new-password-error')).toEqual([
      'Password did not conform with policy: Password not long enough (Cognito refused: InvalidPasswordException)',
    ]);
    const input = refused.document.querySelector<HTMLInputElement>('#new-password');
    expect(input?.value).toBe('short');
    expect(input?.getAttribute('aria-describedby')).toBe('new-password-error');
    expect(refused.document.querySelector('#permanent')?.hasAttribute('checked')).toBe(true);
    expect(await statusOf(jane)).toBe('UNCONFIRMED');
  });

  it('sets a permanent password (CONFIRMED) or a temporary one (FORCE_CHANGE_PASSWORD)', async () => {
    const jane = await signUp('jane@example.com');
    const permanent = await open(emulator, `/users/${jane}/password`, {
      method: 'POST',
      form: { password: 'Another-Pass-7', permanent: 'yes' },
    });
    expect(permanent.redirect).toBe(`/users/${jane}?done=password`);
    expect(await statusOf(jane)).toBe('CONFIRMED');
    await open(emulator, `/users/${jane}/password`, {
      method: 'POST',
      form: { password: 'Another-Pass-8' },
    });
    expect(await statusOf(jane)).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('adds the user to a group, lists it, and removes them after asking', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'CreateGroup', { GroupName: 'riders+vip' });
    const page = await open(emulator, `/users/${jane}`);
    expect(texts(page.document, '#add-group option')).toEqual(['riders+vip']);

    const added = await open(emulator, `/users/${jane}/groups`, {
      method: 'POST',
      form: { group: 'riders+vip' },
    });
    expect(added.redirect).toBe(`/users/${jane}?done=added&group=riders%2Bvip`);
    const after = await open(emulator, added.redirect ?? '');
    expect(noticeOf(after)?.message).toBe('Added jane@example.com to riders+vip.');
    expect(texts(after.document, 'ul.groups li > a:first-child')).toEqual(['riders+vip']);
    expect(texts(after.document, '#groups-heading ~ p')).toEqual([
      'There are no other groups to add this user to. Create a group',
    ]);

    const ask = await open(emulator, target(after.document.querySelector('a.remove')));
    expect(texts(ask.document, '.question')).toEqual([
      'Remove jane@example.com from the group riders+vip?',
    ]);
    const removed = await open(emulator, actionOf(ask.document.querySelector('form')), {
      method: 'POST',
    });
    expect(removed.redirect).toBe(`/users/${jane}?done=removed&group=riders%2Bvip`);
    const groups = await admin(emulator, 'AdminListGroupsForUser', { Username: jane });
    expect(groups.Groups).toEqual([]);
  });

  it('shows Cognito’s refusal at the group field when the group went away meanwhile', async () => {
    const jane = await signUp('jane@example.com');
    await admin(emulator, 'CreateGroup', { GroupName: 'riders' });
    await admin(emulator, 'CreateGroup', { GroupName: 'admins' });
    const refused = await open(emulator, `/users/${jane}/groups`, {
      method: 'POST',
      form: { group: 'gone' },
    });
    expect(refused.status).toBe(400);
    expect(texts(refused.document, '#add-group-error')).toEqual([
      'Group not found. (Cognito refused: ResourceNotFoundException)',
    ]);
    expect(noticeOf(refused)).toBeUndefined();
  });

  it('keeps the chosen pool in its links, forms and redirects', async () => {
    await emulator.call(
      'SignUp',
      {
        ClientId: USERNAME_POOL.clientId,
        Username: 'jane+rides',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
      },
      base,
    );
    const pool = `pool=${USERNAME_POOL.id}`;
    const page = await open(emulator, `/users/jane%2Brides?${pool}`);
    expect(page.document.querySelector('form[action*="/confirm"]')?.getAttribute('action')).toBe(
      `${BASE}/users/jane%2Brides/confirm?${pool}`,
    );
    const done = await open(emulator, `/users/jane%2Brides/confirm?${pool}`, { method: 'POST' });
    expect(done.redirect).toBe(`/users/jane%2Brides?${pool}&done=confirmed`);
  });
});

describe('reading AdminGetUser’s answer', () => {
  it('takes the MFA settings when Cognito gives them (UserMFASettingList, PreferredMfaSetting)', () => {
    const user = readUser({
      Username: 'jane',
      UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }],
      UserCreateDate: 1_767_605_400,
      UserLastModifiedDate: 1_767_605_460,
      Enabled: true,
      UserStatus: 'CONFIRMED',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 7],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    expect(user.mfaMethods).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(user.preferredMfa).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses an answer that is not an object rather than drawing an empty user', () => {
    expect(() => readUser('jane')).toThrow('The emulator answered something other than an object.');
  });
});
