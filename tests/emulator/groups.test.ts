/**
 * User pool groups (the console's "Users and groups") through the AWS SDK v3 client against the
 * standalone server, and the `cognito:groups` claim they put in tokens, checked with `jose`
 * against the published JWKS. The emulator's clock is frozen, so dates are exact.
 */

import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  type CreateGroupCommandInput,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { createNodeEmulator } from '../../emulator/node/node-emulator.ts';
import { type RunningServer, startServer } from '../../emulator/node/server.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';
import { type CognitoApi, cognitoApi, stringAt, tokensOf } from '../support/wire.ts';

const POOL = { UserPoolId: DEFAULT_POOL_ID };
const ROLE_A = 'arn:aws:iam::123456789012:role/UnicornRiders';
const ROLE_B = 'arn:aws:iam::123456789012:role/UnicornStable';

/** The emulator's clock in milliseconds: whole seconds, moved on by tests that need order. */
let clock = Date.UTC(2026, 0, 5, 9, 30);
let server: RunningServer;
let cognito: CognitoIdentityProviderClient;
let api: CognitoApi;
let issuer: string;
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  server = await startServer(await createNodeEmulator({ now: () => clock }), { port: 0 });
  cognito = sdkClient(server.url);
  api = cognitoApi(fetch, `${server.url}/`);
  issuer = `${server.url}/${DEFAULT_POOL_ID}`;
  jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
});

afterAll(async () => {
  cognito.destroy();
  await server.close();
});

let counter = 0;
beforeEach(() => {
  counter += 1;
});

/** A name no other test uses, since all tests share one server. */
function unique(label: string): string {
  return `${label}-${counter}`;
}

function createGroup(input: Omit<CreateGroupCommandInput, 'UserPoolId'>) {
  return cognito.send(new CreateGroupCommand({ ...POOL, ...input }));
}

/** A confirmed user; returns their email and internal username (the sub, in this pool). */
async function confirmedUser(label: string): Promise<{ email: string; username: string }> {
  const email = `${unique(label)}@example.com`;
  const { UserSub } = await cognito.send(
    new SignUpCommand({
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await cognito.send(new AdminConfirmSignUpCommand({ ...POOL, Username: email }));
  return { email, username: UserSub ?? '' };
}

function addToGroup(username: string, groupName: string) {
  return cognito.send(
    new AdminAddUserToGroupCommand({ ...POOL, Username: username, GroupName: groupName }),
  );
}

async function groupNamesOf(username: string): Promise<(string | undefined)[]> {
  const { Groups } = await cognito.send(
    new AdminListGroupsForUserCommand({ ...POOL, Username: username }),
  );
  return (Groups ?? []).map((group) => group.GroupName);
}

describe('CreateGroup and GetGroup', () => {
  it('creates a group with its description, role and precedence, and GetGroup answers the same', async () => {
    const name = unique('riders');
    const created = await createGroup({
      GroupName: name,
      Description: 'People who ride unicorns',
      RoleArn: ROLE_A,
      Precedence: 3,
    });
    const expected = {
      GroupName: name,
      UserPoolId: DEFAULT_POOL_ID,
      Description: 'People who ride unicorns',
      RoleArn: ROLE_A,
      Precedence: 3,
      CreationDate: new Date(clock),
      LastModifiedDate: new Date(clock),
    };
    expect(created.Group).toEqual(expected);
    const fetched = await cognito.send(new GetGroupCommand({ ...POOL, GroupName: name }));
    expect(fetched.Group).toEqual(expected);
  });

  it('leaves Description, RoleArn and Precedence out of a group created with a name alone', async () => {
    const name = unique('plain');
    const { Group } = await createGroup({ GroupName: name });
    expect(Object.keys(Group ?? {}).sort()).toEqual(
      ['CreationDate', 'GroupName', 'LastModifiedDate', 'UserPoolId'].sort(),
    );
  });

  it('refuses a second group of the same name, whatever its case, with GroupExistsException', async () => {
    const name = unique('Stable');
    await createGroup({ GroupName: name });
    for (const again of [name, name.toUpperCase(), name.toLowerCase()]) {
      const error = await rejection(createGroup({ GroupName: again }));
      expect(error.name).toBe('GroupExistsException');
      expect(error.message).toBe('A group with the name already exists.');
    }
  });

  it('finds a group by its name in another case, answering with the name as created', async () => {
    const name = unique('MixedCase');
    await createGroup({ GroupName: name });
    const { Group } = await cognito.send(
      new GetGroupCommand({ ...POOL, GroupName: name.toLowerCase() }),
    );
    expect(Group?.GroupName).toBe(name);
  });

  it('refuses names and values outside the API reference with InvalidParameterException', async () => {
    const cases: [Omit<CreateGroupCommandInput, 'UserPoolId'>, string][] = [
      [
        { GroupName: 'two words' },
        "1 validation error detected: Value at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$",
      ],
      [
        { GroupName: 'g'.repeat(129) },
        "1 validation error detected: Value at 'groupName' failed to satisfy constraint: Member must have length less than or equal to 128",
      ],
      [
        { GroupName: unique('negative'), Precedence: -1 },
        "1 validation error detected: Value at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0",
      ],
      [
        { GroupName: unique('role'), RoleArn: 'role/UnicornRiders-not-an-arn' },
        "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?$",
      ],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(createGroup(input));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toBe(message);
    }
  });

  it('answers GetGroup and DeleteGroup for an unknown group with ResourceNotFoundException', async () => {
    const input = { ...POOL, GroupName: 'nosuchgroup' };
    for (const error of [
      await rejection(cognito.send(new GetGroupCommand(input))),
      await rejection(cognito.send(new DeleteGroupCommand(input))),
    ]) {
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.message).toBe('Group not found.');
    }
  });
});

describe('ListGroups', () => {
  it('pages through the groups with Limit and NextToken, oldest first, each group once', async () => {
    const names = [1, 2, 3, 4, 5].map((n) => unique(`paged${n}`));
    for (const name of names) {
      clock += 1000;
      await createGroup({ GroupName: name });
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await cognito.send(
        new ListGroupsCommand({ ...POOL, Limit: 2, ...(token ? { NextToken: token } : {}) }),
      );
      expect((page.Groups ?? []).length).toBeLessThanOrEqual(2);
      seen.push(...(page.Groups ?? []).map((group) => group.GroupName ?? ''));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(seen.filter((name) => names.includes(name))).toEqual(names);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));
  });
});

describe('memberships', () => {
  it("lists a user's groups by precedence, 0 first and groups without one last", async () => {
    const { username } = await confirmedUser('ordered');
    const none = unique('none');
    const low = unique('low');
    const high = unique('high');
    await createGroup({ GroupName: none });
    await createGroup({ GroupName: low, Precedence: 9 });
    await createGroup({ GroupName: high, Precedence: 0 });
    for (const group of [none, low, high]) await addToGroup(username, group);
    expect(await groupNamesOf(username)).toEqual([high, low, none]);
  });

  it('finds the user by their email as well as by their username', async () => {
    const { email, username } = await confirmedUser('alias');
    const group = unique('alias');
    await createGroup({ GroupName: group });
    await addToGroup(email, group);
    expect(await groupNamesOf(username)).toEqual([group]);
  });

  it('keeps one membership when a user is added twice, and removing a non-member succeeds', async () => {
    const { username } = await confirmedUser('twice');
    const group = unique('twice');
    await createGroup({ GroupName: group });
    await addToGroup(username, group);
    await addToGroup(username, group);
    const { Users } = await cognito.send(
      new ListUsersInGroupCommand({ ...POOL, GroupName: group }),
    );
    expect((Users ?? []).map((user) => user.Username)).toEqual([username]);

    const remove = new AdminRemoveUserFromGroupCommand({
      ...POOL,
      Username: username,
      GroupName: group,
    });
    await cognito.send(remove);
    await cognito.send(remove);
    expect(await groupNamesOf(username)).toEqual([]);
  });

  it('refuses an unknown group with ResourceNotFoundException and an unknown user with UserNotFoundException', async () => {
    const { username } = await confirmedUser('unknowns');
    const group = unique('unknowns');
    await createGroup({ GroupName: group });

    const noGroup = await rejection(addToGroup(username, 'nosuchgroup'));
    expect(noGroup.name).toBe('ResourceNotFoundException');
    expect(noGroup.message).toBe('Group not found.');

    const noUser = await rejection(addToGroup('nobody@example.com', group));
    expect(noUser.name).toBe('UserNotFoundException');
    expect(noUser.message).toBe('User does not exist.');

    const listing = await rejection(
      cognito.send(new AdminListGroupsForUserCommand({ ...POOL, Username: 'nobody@example.com' })),
    );
    expect(listing.name).toBe('UserNotFoundException');
  });

  it("pages through a group's members with ListUsersInGroup, oldest user first", async () => {
    const group = unique('members');
    await createGroup({ GroupName: group });
    const members: string[] = [];
    for (const n of [1, 2, 3]) {
      clock += 1000;
      const { username } = await confirmedUser(`member${n}`);
      members.push(username);
    }
    for (const username of [...members].reverse()) await addToGroup(username, group);

    const first = await cognito.send(
      new ListUsersInGroupCommand({ ...POOL, GroupName: group, Limit: 2 }),
    );
    const second = await cognito.send(
      new ListUsersInGroupCommand({
        ...POOL,
        GroupName: group,
        Limit: 2,
        NextToken: first.NextToken,
      }),
    );
    expect((first.Users ?? []).map((user) => user.Username)).toEqual(members.slice(0, 2));
    expect((second.Users ?? []).map((user) => user.Username)).toEqual(members.slice(2));
    expect(second.NextToken).toBeUndefined();
    expect(first.Users?.[0]).toMatchObject({ UserStatus: 'CONFIRMED', Enabled: true });
  });

  it('takes a deleted user out of every group', async () => {
    const { username } = await confirmedUser('deleted');
    const stays = await confirmedUser('stays');
    const group = unique('deleted');
    await createGroup({ GroupName: group });
    await addToGroup(username, group);
    await addToGroup(stays.username, group);

    await cognito.send(new AdminDeleteUserCommand({ ...POOL, Username: username }));
    const { Users } = await cognito.send(
      new ListUsersInGroupCommand({ ...POOL, GroupName: group }),
    );
    expect((Users ?? []).map((user) => user.Username)).toEqual([stays.username]);
  });

  it('forgets the members of a deleted group: a new group of that name starts empty', async () => {
    const { username } = await confirmedUser('regroup');
    const group = unique('regroup');
    await createGroup({ GroupName: group });
    await addToGroup(username, group);

    await cognito.send(new DeleteGroupCommand({ ...POOL, GroupName: group }));
    expect(await groupNamesOf(username)).toEqual([]);
    await createGroup({ GroupName: group });
    const { Users } = await cognito.send(
      new ListUsersInGroupCommand({ ...POOL, GroupName: group }),
    );
    expect(Users).toEqual([]);
  });
});

describe('group claims in tokens', () => {
  async function signedInMember(groups: Omit<CreateGroupCommandInput, 'UserPoolId'>[]) {
    const { email, username } = await confirmedUser('claims');
    for (const group of groups) {
      await createGroup(group);
      await addToGroup(username, group.GroupName ?? '');
    }
    return { username, ...tokensOf(await api.passwordSignIn(email, PASSWORD)) };
  }

  it('lists the groups in both tokens, highest precedence first', async () => {
    const [first, second, last] = [unique('first'), unique('second'), unique('last')];
    const { idToken, accessToken } = await signedInMember([
      { GroupName: last },
      { GroupName: second, Precedence: 5 },
      { GroupName: first, Precedence: 1 },
    ]);
    // jose checks expiry against the emulator's frozen clock, not the machine's.
    const currentDate = new Date(clock);
    const id = await jwtVerify(idToken, jwks, {
      issuer,
      audience: DEFAULT_CLIENT_ID,
      currentDate,
    });
    const access = await jwtVerify(accessToken, jwks, { issuer, currentDate });
    expect(id.payload['cognito:groups']).toEqual([first, second, last]);
    expect(access.payload['cognito:groups']).toEqual([first, second, last]);
  });

  it('puts the roles and the preferred role in the ID token only', async () => {
    const [stable, riders] = [unique('stable'), unique('riders')];
    const { idToken, accessToken } = await signedInMember([
      { GroupName: stable, Precedence: 4, RoleArn: ROLE_B },
      { GroupName: riders, Precedence: 2, RoleArn: ROLE_A },
    ]);
    expect(decodeJwt(idToken)).toMatchObject({
      'cognito:groups': [riders, stable],
      'cognito:roles': [ROLE_A, ROLE_B],
      'cognito:preferred_role': ROLE_A,
    });
    expect(decodeJwt(accessToken)).not.toHaveProperty('cognito:roles');
    expect(decodeJwt(accessToken)).not.toHaveProperty('cognito:preferred_role');
  });

  it('sets no preferred role when two groups of equal precedence have different roles', async () => {
    const { idToken } = await signedInMember([
      { GroupName: unique('tieA'), Precedence: 1, RoleArn: ROLE_A },
      { GroupName: unique('tieB'), Precedence: 1, RoleArn: ROLE_B },
    ]);
    const claims = decodeJwt(idToken);
    expect(claims['cognito:roles']).toEqual([ROLE_A, ROLE_B]);
    expect(claims).not.toHaveProperty('cognito:preferred_role');
  });

  it('shows membership changes and a deleted group from the next refresh on, not in tokens already issued', async () => {
    const [kept, dropped, joined] = [unique('kept'), unique('dropped'), unique('joined')];
    const { username, idToken, refreshToken } = await signedInMember([
      { GroupName: kept, Precedence: 1 },
      { GroupName: dropped, Precedence: 2 },
    ]);
    await cognito.send(new DeleteGroupCommand({ ...POOL, GroupName: dropped }));
    await createGroup({ GroupName: joined, Precedence: 0 });
    await addToGroup(username, joined);

    expect(decodeJwt(idToken)['cognito:groups']).toEqual([kept, dropped]);
    const refreshed = await api.refresh(refreshToken);
    const newId = stringAt(refreshed.body, 'AuthenticationResult', 'IdToken');
    const newAccess = stringAt(refreshed.body, 'AuthenticationResult', 'AccessToken');
    expect(decodeJwt(newId)['cognito:groups']).toEqual([joined, kept]);
    expect(decodeJwt(newAccess)['cognito:groups']).toEqual([joined, kept]);
  });

  it('leaves the claim out of the tokens of a user who was removed from their last group', async () => {
    const group = unique('only');
    const { username, refreshToken } = await signedInMember([{ GroupName: group }]);
    await cognito.send(
      new AdminRemoveUserFromGroupCommand({ ...POOL, Username: username, GroupName: group }),
    );
    const refreshed = await api.refresh(refreshToken);
    const newId = stringAt(refreshed.body, 'AuthenticationResult', 'IdToken');
    expect(decodeJwt(newId)).not.toHaveProperty('cognito:groups');
  });
});
