/**
 * `Limit` on the list operations. The API reference gives 0 to 60, but Cognito refuses 0 with a
 * validation error on `maxItems` (https://github.com/aws/aws-sdk-js/issues/2193): the emulator
 * does the same on ListUsers, ListGroups, AdminListGroupsForUser and ListUsersInGroup.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { testEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { type CognitoApi, cognitoApi } from '../support/wire.ts';

const EMAIL = 'limits@example.com';
const pool = { UserPoolId: DEFAULT_POOL_ID };

let api: CognitoApi;

beforeAll(async () => {
  api = cognitoApi(createHttpHandler(await testEmulator()), 'http://emulator.test/');
  await api.signUp(EMAIL, PASSWORD);
  await api.call('CreateGroup', { ...pool, GroupName: 'riders' });
  await api.call('AdminAddUserToGroup', { ...pool, GroupName: 'riders', Username: EMAIL });
});

const LISTS: [string, Record<string, unknown>][] = [
  ['ListUsers', pool],
  ['ListGroups', pool],
  ['AdminListGroupsForUser', { ...pool, Username: EMAIL }],
  ['ListUsersInGroup', { ...pool, GroupName: 'riders' }],
];

describe.each(LISTS)('%s', (operation, input) => {
  it('refuses Limit 0 with InvalidParameterException, as Cognito does', async () => {
    const answer = await api.call(operation, { ...input, Limit: 0 });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it('answers Limit 1 and Limit 60 with one item', async () => {
    for (const Limit of [1, 60]) {
      const answer = await api.call(operation, { ...input, Limit });
      expect(answer.status).toBe(200);
      const items = Object.values(answer.body as Record<string, unknown>).find(Array.isArray);
      expect(items).toHaveLength(1);
    }
  });
});
