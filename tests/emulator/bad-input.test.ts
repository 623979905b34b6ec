/**
 * Bad input, property-based: whatever arrives at the JSON protocol endpoint, the emulator answers
 * with a Cognito-style 4xx (`__type`, `message`, `x-amzn-ErrorType`, `x-amzn-ErrorMessage`), never
 * a 5xx or a crash, and its data stays whole. Requests go straight to the fetch-style handler the
 * adapters share.
 */

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import type { Emulator } from '../../emulator/core/emulator.ts';
import { createHttpHandler } from '../../emulator/core/http.ts';
import { operations } from '../../emulator/core/operations/index.ts';
import { N } from '../../emulator/core/srp.ts';
import { mailLine } from '../../emulator/node/node-emulator.ts';
import { type Mail, testEmulator } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import {
  type CognitoApi,
  cognitoApi,
  exchange,
  outcomeOf,
  type Send,
  stringAt,
  TARGET_PREFIX,
  type WireAnswer,
} from '../support/wire.ts';

const URL = 'http://emulator.test/';
const SENTINEL = 'sentinel@example.com';
/** The sentinel's own password, which no fuzzed request carries. */
const SENTINEL_PASSWORD = 'Sentinel-Passw0rd!';

/** Each operation's request members, as Cognito's API reference lists them. */
const FIELDS: Record<string, string[]> = {
  SignUp: [
    'ClientId',
    'Username',
    'Password',
    'UserAttributes',
    'SecretHash',
    'ValidationData',
    'ClientMetadata',
  ],
  ConfirmSignUp: [
    'ClientId',
    'Username',
    'ConfirmationCode',
    'SecretHash',
    'ForceAliasCreation',
    'Session',
  ],
  ResendConfirmationCode: ['ClientId', 'Username', 'SecretHash'],
  InitiateAuth: ['ClientId', 'AuthFlow', 'AuthParameters', 'ClientMetadata', 'Session'],
  RespondToAuthChallenge: ['ClientId', 'ChallengeName', 'ChallengeResponses', 'Session'],
  ForgotPassword: ['ClientId', 'Username', 'SecretHash'],
  ConfirmForgotPassword: ['ClientId', 'Username', 'ConfirmationCode', 'Password', 'SecretHash'],
  ChangePassword: ['AccessToken', 'PreviousPassword', 'ProposedPassword'],
  GetUser: ['AccessToken'],
  UpdateUserAttributes: ['AccessToken', 'UserAttributes'],
  GlobalSignOut: ['AccessToken'],
  RevokeToken: ['Token', 'ClientId', 'ClientSecret'],
  DeleteUser: ['AccessToken'],
  ListUsers: ['UserPoolId', 'AttributesToGet', 'Limit', 'PaginationToken', 'Filter'],
  AdminGetUser: ['UserPoolId', 'Username'],
  AdminCreateUser: [
    'UserPoolId',
    'Username',
    'UserAttributes',
    'TemporaryPassword',
    'MessageAction',
    'DesiredDeliveryMediums',
  ],
  AdminConfirmSignUp: ['UserPoolId', 'Username'],
  AdminSetUserPassword: ['UserPoolId', 'Username', 'Password', 'Permanent'],
  AdminDeleteUser: ['UserPoolId', 'Username'],
  AdminDisableUser: ['UserPoolId', 'Username'],
  AdminEnableUser: ['UserPoolId', 'Username'],
  GetUserAttributeVerificationCode: ['AccessToken', 'AttributeName', 'ClientMetadata'],
  VerifyUserAttribute: ['AccessToken', 'AttributeName', 'Code'],
  AdminInitiateAuth: [
    'UserPoolId',
    'ClientId',
    'AuthFlow',
    'AuthParameters',
    'ClientMetadata',
    'AnalyticsMetadata',
    'ContextData',
    'Session',
  ],
  AdminRespondToAuthChallenge: [
    'UserPoolId',
    'ClientId',
    'ChallengeName',
    'ChallengeResponses',
    'Session',
    'AnalyticsMetadata',
    'ContextData',
    'ClientMetadata',
  ],
  AdminUpdateUserAttributes: ['UserPoolId', 'Username', 'UserAttributes', 'ClientMetadata'],
  AdminUserGlobalSignOut: ['UserPoolId', 'Username'],
  AdminResetUserPassword: ['UserPoolId', 'Username', 'ClientMetadata'],
  CreateGroup: ['GroupName', 'UserPoolId', 'Description', 'RoleArn', 'Precedence'],
  GetGroup: ['GroupName', 'UserPoolId'],
  ListGroups: ['UserPoolId', 'Limit', 'NextToken'],
  DeleteGroup: ['GroupName', 'UserPoolId'],
  AdminAddUserToGroup: ['UserPoolId', 'Username', 'GroupName'],
  AssociateSoftwareToken: ['AccessToken', 'Session'],
  VerifySoftwareToken: ['AccessToken', 'Session', 'UserCode', 'FriendlyDeviceName'],
  SetUserMFAPreference: [
    'AccessToken',
    'SMSMfaSettings',
    'SoftwareTokenMfaSettings',
    'EmailMfaSettings',
  ],
  AdminSetUserMFAPreference: [
    'UserPoolId',
    'Username',
    'SMSMfaSettings',
    'SoftwareTokenMfaSettings',
    'EmailMfaSettings',
  ],
  AdminRemoveUserFromGroup: ['UserPoolId', 'Username', 'GroupName'],
  AdminListGroupsForUser: ['Username', 'UserPoolId', 'Limit', 'NextToken'],
  ListUsersInGroup: ['UserPoolId', 'GroupName', 'Limit', 'NextToken'],
  GetTokensFromRefreshToken: ['RefreshToken', 'ClientId', 'ClientSecret', 'ClientMetadata'],
  CreateUserPoolClient: [
    'UserPoolId',
    'ClientName',
    'GenerateSecret',
    'CallbackURLs',
    'AllowedOAuthFlows',
    'AllowedOAuthScopes',
    'AllowedOAuthFlowsUserPoolClient',
  ],
  UpdateUserPoolClient: [
    'UserPoolId',
    'ClientId',
    'ClientName',
    'CallbackURLs',
    'AllowedOAuthFlows',
    'AllowedOAuthScopes',
    'AllowedOAuthFlowsUserPoolClient',
  ],
  DescribeUserPoolClient: ['UserPoolId', 'ClientId'],
  CreateIdentityProvider: [
    'UserPoolId',
    'ProviderName',
    'ProviderType',
    'ProviderDetails',
    'AttributeMapping',
    'IdpIdentifiers',
  ],
  DescribeIdentityProvider: ['UserPoolId', 'ProviderName'],
  ListIdentityProviders: ['UserPoolId', 'MaxResults', 'NextToken'],
  UpdateIdentityProvider: [
    'UserPoolId',
    'ProviderName',
    'ProviderDetails',
    'AttributeMapping',
    'IdpIdentifiers',
  ],
  DeleteIdentityProvider: ['UserPoolId', 'ProviderName'],
  StartWebAuthnRegistration: ['AccessToken'],
  CompleteWebAuthnRegistration: ['AccessToken', 'Credential'],
  ListWebAuthnCredentials: ['AccessToken', 'NextToken', 'MaxResults'],
  DeleteWebAuthnCredential: ['AccessToken', 'CredentialId'],
};

const OPERATIONS = Object.keys(operations);

let emulator: Emulator;
let handle: Send;
let api: CognitoApi;

beforeAll(async () => {
  emulator = await testEmulator();
  handle = createHttpHandler(emulator);
  api = cognitoApi(handle, URL);
  await api.confirmedUser(SENTINEL, SENTINEL_PASSWORD);
  const riders = await api.call('CreateGroup', {
    UserPoolId: DEFAULT_POOL_ID,
    GroupName: 'riders',
  });
  expect(riders.status).toBe(200);
});

/** A request to the API endpoint with any body and any (or no) X-Amz-Target. */
function rawRequest(target: string | null, body: string | Uint8Array): Request {
  const headers = new Headers({ 'Content-Type': 'application/x-amz-json-1.1' });
  if (target !== null) headers.set('X-Amz-Target', target);
  return new Request(URL, { method: 'POST', headers, body: body as BodyInit });
}

function send(operation: string, body: string | Uint8Array): Promise<WireAnswer> {
  return exchange(handle, rawRequest(`${TARGET_PREFIX}${operation}`, body));
}

/** Cognito's refusal: a 4xx with a JSON `{__type, message}` and the matching error header. */
function expectRefusal(answer: WireAnswer): void {
  if (answer.status < 400 || answer.status > 499) {
    throw new Error(`expected a 4xx, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  expectErrorShape(answer);
}

/** A success, or a refusal with Cognito's shape; never a 5xx. */
function expectAnswer(answer: WireAnswer): void {
  if (answer.status === 200) return;
  expectRefusal(answer);
}

function expectErrorShape(answer: WireAnswer): void {
  const type = stringAt(answer.body, '__type');
  expect(type).toMatch(/^[A-Z][A-Za-z]+Exception$/);
  expect(stringAt(answer.body, 'message')).not.toBe('');
  expect(answer.headers.get('x-amzn-ErrorType')).toMatch(new RegExp(`^${type}:`));
  // The message again as a header (Latin-1 only: anything else is `?`), as Cognito sends it.
  expect(answer.headers.get('x-amzn-ErrorMessage')).toBe(
    stringAt(answer.body, 'message').replace(/[^\x20-\x7e]/g, '?'),
  );
}

/** Strings that break naive code: empty, control characters, lone surrogates, huge, unicode. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '"',
    '\\',
    '{',
    'null',
    '__proto__',
    'constructor',
    '🚲'.repeat(5000),
    'a'.repeat(300_000),
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.integer({ min: 129, max: 70_000 }).map((n) => 'é'.repeat(n)),
);

/** Any JSON value, or a nasty string. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString);

/** An object with some of the operation's real member names, holding random values. */
function realFieldsRandomValues(operation: string) {
  const fields = FIELDS[operation] ?? [];
  return fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] });
}

/** Checks the sentinel user, whom no fuzzed request names, can still sign in. */
async function expectSentinelSignsIn(on: Send = handle): Promise<void> {
  const answer = await cognitoApi(on, URL).passwordSignIn(SENTINEL, SENTINEL_PASSWORD);
  expect(answer.status).toBe(200);
}

const RUNS = { numRuns: 100 };

describe('the fuzzing table', () => {
  it('names the members of every operation the emulator serves', () => {
    expect(Object.keys(FIELDS).sort()).toEqual([...OPERATIONS].sort());
  });
});

describe.each(OPERATIONS)('%s with bad input', (operation) => {
  it('answers any JSON value with a Cognito-style 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectRefusal(await send(operation, JSON.stringify(value) ?? ''));
      }),
      { numRuns: 40 },
    );
  });

  it('answers its own member names holding values of random types with a Cognito-style 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(realFieldsRandomValues(operation), async (body) => {
        expectRefusal(await send(operation, JSON.stringify(body)));
      }),
      { numRuns: 60 },
    );
    await expectSentinelSignsIn();
  });
});

describe('bad input to any operation', () => {
  it('answers random objects with a Cognito-style 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), fc.object(), async (operation, body) => {
        expectRefusal(await send(operation, JSON.stringify(body)));
      }),
      RUNS,
    );
  });

  it('answers bodies that are not JSON with a Cognito-style 4xx', async () => {
    const notJson = fc.oneof(
      nastyString,
      fc.uint8Array({ maxLength: 512 }),
      fc.jsonValue().map((v) => `${JSON.stringify(v)}}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), notJson, async (operation, body) => {
        expectRefusal(await send(operation, body));
      }),
      RUNS,
    );
    await expectSentinelSignsIn();
  });

  it('refuses a body that is JSON but not an object with SerializationException', async () => {
    for (const body of ['[]', '1', '"SignUp"', 'null', 'true']) {
      const answer = await send('SignUp', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        __type: 'SerializationException',
        message: 'Request body must be a JSON object.',
      });
    }
  });

  it('refuses malformed JSON with SerializationException', async () => {
    const answer = await send('SignUp', '{"ClientId": ');
    expect(answer.body).toEqual({
      __type: 'SerializationException',
      message: 'Request body is not valid JSON.',
    });
  });

  it('refuses a body of more than 256 KiB with InvalidParameterException', async () => {
    const answer = await send('SignUp', JSON.stringify({ ClientId: 'x'.repeat(300_000) }));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Request body is too large.',
    });
  });
});

describe('unknown and odd operation names', () => {
  it('answers any X-Amz-Target that is not an operation with UnknownOperationException', async () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
      maxLength: 80,
    });
    const targetHeader = fc.oneof(
      printable,
      printable.map((name) => `${TARGET_PREFIX}${name}`),
      fc.constantFrom(...OPERATIONS).map((op) => `${TARGET_PREFIX.toLowerCase()}${op}`),
      fc.constantFrom(...OPERATIONS).map((op) => `${TARGET_PREFIX}${op.toLowerCase()}`),
      fc.constantFrom(...OPERATIONS).map((op) => `AWSCognitoIdentityService.${op}`),
    );
    await fc.assert(
      fc.asyncProperty(
        targetHeader.filter((t) => !OPERATIONS.some((op) => t === `${TARGET_PREFIX}${op}`)),
        fc.oneof(
          fc.constant('{}'),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        async (header, body) => {
          const answer = await exchange(handle, rawRequest(header, body));
          expectRefusal(answer);
          expect(stringAt(answer.body, '__type')).toBe('UnknownOperationException');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers a request without X-Amz-Target with UnknownOperationException', async () => {
    const answer = await exchange(handle, rawRequest(null, '{}'));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      __type: 'UnknownOperationException',
      message: 'Unknown operation: (no X-Amz-Target header)',
    });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''])(
    'does not take the object property %j for an operation',
    async (name) => {
      const answer = await send(name, '{}');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        __type: 'UnknownOperationException',
        message: `Operation ${name} is not supported.`,
      });
    },
  );

  it('refuses an operation Cognito has but the emulator does not serve', async () => {
    const answer = await send('StartUserImportJob', '{}');
    expect(answer.body).toEqual({
      __type: 'UnknownOperationException',
      message: 'Operation StartUserImportJob is not supported.',
    });
  });
});

describe('nearly valid input', () => {
  /** A confirmed, signed-in user for one operation's fuzzing (some operations delete or disable). */
  async function freshTarget(label: string) {
    const email = `${label.toLowerCase()}.target@example.com`;
    const tokens = await api.signedInUser(email, PASSWORD);
    const sub = stringAt((await api.adminGetUser(email)).body, 'Username');
    return { email, sub, ...tokens };
  }

  /**
   * Values for each member that are well-formed, or wrong only in meaning (an unknown user, a
   * wrong password, a filter that does not parse); `undefined` leaves an optional member out.
   */
  function wellFormed(user: Awaited<ReturnType<typeof freshTarget>>) {
    const pick = (...values: unknown[]) => fc.constantFrom(...values);
    /** The first value four times in five: members every request needs stay valid mostly. */
    const mostly = (value: unknown, ...others: unknown[]) =>
      fc.oneof(
        { arbitrary: fc.constant(value), weight: 4 },
        { arbitrary: fc.constantFrom(...others), weight: 1 },
      );
    const username = pick(user.email, user.email.toUpperCase(), user.sub, 'nobody@example.com');
    const password = pick(PASSWORD, 'New-Passw0rd!', 'short', 'alllowercase1!');
    const [header = '', payload = ''] = user.accessToken.split('.');
    const hex = fc.stringMatching(/^[0-9a-f]{1,800}$/);
    const members: Record<string, fc.Arbitrary<unknown>> = {
      ClientId: mostly(DEFAULT_CLIENT_ID, 'nosuchclient'),
      UserPoolId: mostly(DEFAULT_POOL_ID, 'local_Nope'),
      Username: username,
      Password: password,
      PreviousPassword: password,
      ProposedPassword: password,
      TemporaryPassword: pick(undefined, 'Temp-Passw0rd!', 'weak'),
      AccessToken: pick(
        user.accessToken,
        `${user.accessToken.slice(0, -4)}AAAA`,
        `${header}.${payload}`,
        `${header}.e30.`,
      ),
      Token: pick(user.refreshToken, user.accessToken, 'unknownrefreshtoken'),
      ConfirmationCode: pick('123456', '000000', '1'),
      AuthFlow: pick(
        'USER_SRP_AUTH',
        'USER_PASSWORD_AUTH',
        'REFRESH_TOKEN_AUTH',
        'ADMIN_USER_PASSWORD_AUTH',
        'CUSTOM_AUTH',
        'toString',
      ),
      AuthParameters: fc.oneof(
        pick(
          { USERNAME: user.email, PASSWORD: PASSWORD },
          { USERNAME: user.email, PASSWORD: 'Wrong-Passw0rd!' },
          { USERNAME: 'nobody@example.com', PASSWORD: PASSWORD },
          { REFRESH_TOKEN: user.refreshToken },
          { USERNAME: user.email, PASSWORD: 5 },
          {},
        ),
        fc.record({ USERNAME: username, SRP_A: hex }),
      ),
      ChallengeName: pick(
        'PASSWORD_VERIFIER',
        'NEW_PASSWORD_REQUIRED',
        'SMS_MFA',
        'SOFTWARE_TOKEN_MFA',
        'MFA_SETUP',
      ),
      ChallengeResponses: fc.record({
        USERNAME: username,
        PASSWORD_CLAIM_SECRET_BLOCK: fc.base64String({ minLength: 4, maxLength: 88 }),
        PASSWORD_CLAIM_SIGNATURE: fc.base64String({ maxLength: 44 }),
        TIMESTAMP: pick('Tue Mar 4 09:05:07 UTC 2025', 'yesterday'),
        NEW_PASSWORD: password,
        SOFTWARE_TOKEN_MFA_CODE: pick('123456', '12345', 'abcdef'),
      }),
      Session: pick(undefined, 'c2Vzc2lvbg'),
      UserAttributes: fc.array(
        fc.record({
          Name: pick('email', 'name', 'email_verified', 'sub', 'custom:team', 'unknown'),
          Value: fc.oneof(
            { arbitrary: pick('x@example.com', 'not an email', 'true', 'maybe', ''), weight: 4 },
            { arbitrary: anyValue, weight: 1 },
          ),
        }),
        { maxLength: 3 },
      ),
      Limit: mostly(undefined, 0, 1, 2, 60, 61, -1),
      NextToken: pick(undefined, 'MQ==', 'MTAwMA==', 'not base64!'),
      GroupName: mostly('riders', 'Riders', 'admins', 'no such group', 'nosuchgroup'),
      Description: pick(undefined, 'People who ride unicorns', ''),
      RoleArn: pick(undefined, 'arn:aws:iam::123456789012:role/Riders', 'not an arn'),
      Precedence: pick(undefined, 0, 7, -1, 2 ** 31),
      Filter: pick(
        undefined,
        `email = "${user.email}"`,
        'email ^= "t"',
        'status = "Enabled"',
        'x = "',
      ),
      PaginationToken: pick(undefined, 'MQ==', 'MTAwMA==', 'LTE=', 'not base64!', 'QUJD'),
      AttributesToGet: pick(undefined, ['email'], ['sub', 'email'], []),
      MessageAction: pick(undefined, 'SUPPRESS', 'RESEND', 'SHOUT'),
      DesiredDeliveryMediums: pick(undefined, ['EMAIL']),
      Permanent: pick(undefined, true, false),
      AttributeName: pick('email', 'phone_number', 'name', '__proto__'),
      Code: pick('123456', '000000', '1'),
      UserCode: pick('123456', '000000', '12345', 'abcdef'),
      FriendlyDeviceName: pick(undefined, 'My phone', ''),
      SMSMfaSettings: pick(undefined, { Enabled: false }, { Enabled: true, PreferredMfa: true }),
      EmailMfaSettings: pick(undefined, { Enabled: false }, { Enabled: true }),
      SoftwareTokenMfaSettings: pick(
        undefined,
        { Enabled: true, PreferredMfa: true },
        { Enabled: false },
        { PreferredMfa: 'yes' },
      ),
    };
    return (operation: string) => {
      const fields = FIELDS[operation] ?? [];
      const body = fc.record(
        Object.fromEntries(fields.map((f) => [f, members[f] ?? fc.constant(undefined)])),
      );
      const broken = fc.uniqueArray(fc.constantFrom(...fields), { maxLength: 2 });
      return fc
        .tuple(body, broken, fc.array(anyValue, { minLength: 2, maxLength: 2 }))
        .map(([valid, names, values]) => ({
          ...valid,
          ...Object.fromEntries(names.map((name, i) => [name, values[i]])),
        }));
    };
  }

  /** What the nearly-valid requests got back, to show they reached past the first check. */
  const seen = new Map<string, number>();

  it.each(OPERATIONS)(
    'answers %s with well-formed requests, up to two members broken, without a 5xx',
    async (operation) => {
      const requests = wellFormed(await freshTarget(operation))(operation);
      await fc.assert(
        fc.asyncProperty(requests, async (body) => {
          const answer = await send(operation, JSON.stringify(body));
          expectAnswer(answer);
          const outcome = outcomeOf(answer);
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        }),
        { numRuns: 100 },
      );
    },
  );

  it('got successes and many kinds of refusal from the nearly-valid requests', async () => {
    expect(seen.get('200')).toBeGreaterThan(0);
    expect([...seen.keys()]).toEqual(
      expect.arrayContaining([
        'CodeMismatchException',
        'GroupExistsException',
        'InvalidParameterException',
        'InvalidPasswordException',
        'NotAuthorizedException',
        'ResourceNotFoundException',
        'SerializationException',
        'UserNotFoundException',
      ]),
    );
    await expectSentinelSignsIn();
  });

  it('never signs anyone in from an SRP handshake with random A values and random proofs', async () => {
    let counter = 0;
    const srpA = fc.oneof(
      fc.stringMatching(/^[0-9a-f]{1,800}$/),
      fc.constantFrom('0', '1', 'ff'.repeat(384), 'FF'.repeat(1024), '-1', '0x1f', 'g'),
      nastyString,
    );
    const proof = fc.record({
      signature: fc.oneof(fc.base64String({ maxLength: 64 }), nastyString),
      timestamp: fc.constantFrom(
        'Tue Mar 4 09:05:07 UTC 2025',
        'Mon Jan 01 00:00:00 UTC 2024',
        'now',
      ),
    });
    await fc.assert(
      fc.asyncProperty(srpA, proof, async (a, { signature, timestamp }) => {
        counter += 1;
        const email = `srp.${counter}@example.com`;
        await api.confirmedUser(email, PASSWORD);
        const started = await api.call('InitiateAuth', {
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: email, SRP_A: a },
        });
        expectAnswer(started);
        if (started.status !== 200) return;
        const answer = await api.call('RespondToAuthChallenge', {
          ClientId: DEFAULT_CLIENT_ID,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: {
            USERNAME: stringAt(started.body, 'ChallengeParameters', 'USER_ID_FOR_SRP'),
            PASSWORD_CLAIM_SECRET_BLOCK: stringAt(
              started.body,
              'ChallengeParameters',
              'SECRET_BLOCK',
            ),
            PASSWORD_CLAIM_SIGNATURE: signature,
            TIMESTAMP: timestamp,
          },
        });
        expectRefusal(answer);
      }),
      { numRuns: 100 },
    );
  });
});

describe('SRP_A values that would give away the session key', () => {
  // With A ≡ 0 (mod N) the server's S is 0, so anyone could sign the challenge without the password.
  it.each([
    ['0', '0'],
    ['N', N.toString(16)],
    ['2N', (2n * N).toString(16)],
    ['N in upper case', N.toString(16).toUpperCase()],
  ])('refuses SRP_A = %s with InvalidParameterException', async (_name, srpA) => {
    const answer = await api.call('InitiateAuth', {
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: SENTINEL, SRP_A: srpA },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Invalid SRP_A value.',
    });
  });
});

describe('the data after all of the above', () => {
  it('is still plain JSON, reloads into a new emulator, and the sentinel user signs in on both', async () => {
    const dump = emulator.dump();
    const copy: unknown = JSON.parse(JSON.stringify(dump));
    expect(copy).toStrictEqual(dump);

    for (const user of dump[DEFAULT_POOL_ID]?.users ?? []) {
      expect(Object.values(user.attributes).every((v) => typeof v === 'string')).toBe(true);
      expect(['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED']).toContain(
        user.status,
      );
    }
    await expectSentinelSignsIn();

    const reloaded = await testEmulator({ data: copy as ReturnType<Emulator['dump']> });
    expect(reloaded.dump()).toStrictEqual(dump);
    await expectSentinelSignsIn(createHttpHandler(reloaded));
  });
});

describe('control characters in an email address', () => {
  const controls = [
    ['ESC', '\u001b[31m'],
    ['BEL', '\u0007'],
    ['NUL', '\u0000'],
    ['a right-to-left override', '\u202e'],
  ];

  it.each(controls)(
    'refuses %s in the email attribute at SignUp, sending nothing',
    async (_name, control) => {
      const before = emulator.mailbox().length;
      const answer = await api.call('SignUp', {
        ClientId: DEFAULT_CLIENT_ID,
        Username: 'controls@example.com',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: `con${control}trols@example.com` }],
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        __type: 'InvalidParameterException',
        message: 'Invalid email address format.',
      });
      expect(emulator.mailbox()).toHaveLength(before);
    },
  );

  it.each(controls)(
    'refuses %s in a new email from UpdateUserAttributes',
    async (_name, control) => {
      const email = `update.${_name.replace(/\W/g, '')}@example.com`;
      const { accessToken } = await api.signedInUser(email, PASSWORD);
      const answer = await api.call('UpdateUserAttributes', {
        AccessToken: accessToken,
        UserAttributes: [{ Name: 'email', Value: `new${control}@example.com` }],
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        __type: 'InvalidParameterException',
        message: 'Invalid email address format.',
      });
    },
  );

  it('still takes addresses in other scripts', async () => {
    const answer = await api.signUp('ünïcödé.사용자@example.com', PASSWORD);
    expect(answer.status).toBe(200);
  });
});

describe('a mail line printed on the console', () => {
  const mail = (to: string, code = '123456'): Mail => ({
    to,
    code,
    purpose: 'sign-up',
    sentAt: '2025-03-04T09:05:07.000Z',
    userPoolId: DEFAULT_POOL_ID,
    username: to,
  });

  it('shows control, format and line-break characters as escapes, never raw', () => {
    expect(mailLine(mail('a\u001b[2Jb\u0007c\u0000d\u202ee\r\nf@example.com'))).toBe(
      'sign-up code for a\\u{1b}[2Jb\\u{7}c\\u{0}d\\u{202e}e\\u{d}\\u{a}f@example.com: 123456',
    );
  });

  it('prints ordinary addresses in any script as they are', () => {
    expect(
      mailLine({ ...mail('사용자@example.com', 'Temp-Passw0rd!'), purpose: 'invitation' }),
    ).toBe('temporary password for 사용자@example.com: Temp-Passw0rd!');
  });
});
