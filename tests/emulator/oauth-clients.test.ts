/**
 * App clients' OAuth settings: the local client's defaults, the config file's checks, and
 * CreateUserPoolClient / UpdateUserPoolClient / DescribeUserPoolClient through the AWS SDK v3, as
 * the workshop's CLI steps use them.
 */

import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { type HostedFixture, startHosted, TestBrowser } from '../support/hosted.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';

let hosted: HostedFixture;
let sdk: ReturnType<typeof sdkClient>;

beforeEach(async () => {
  hosted = await startHosted();
  sdk = sdkClient(hosted.url);
});
afterEach(async () => {
  sdk.destroy();
  await hosted.server.close();
});

describe('the local web client', () => {
  it('allows the code grant back to the dev server’s callback and landing pages', async () => {
    const { UserPoolClient } = await sdk.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
      }),
    );
    expect(UserPoolClient).toMatchObject({
      CallbackURLs: ['http://localhost:5173/callback.html', 'http://127.0.0.1:5173/callback.html'],
      LogoutURLs: ['http://localhost:5173/', 'http://127.0.0.1:5173/'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      SupportedIdentityProviders: ['COGNITO', 'Google'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
  });
});

describe('CreateUserPoolClient', () => {
  it('makes a client with a secret whose hosted sign-in works at once', async () => {
    const { UserPoolClient } = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientName: 'ServerApp',
        GenerateSecret: true,
        CallbackURLs: ['https://server.example/callback'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: ['COGNITO'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    expect(UserPoolClient?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient?.ClientSecret).toMatch(/^[a-z0-9]{40,}$/);
    const page = await new TestBrowser(hosted.url).visit(
      `/oauth2/authorize?${new URLSearchParams({
        client_id: UserPoolClient?.ClientId ?? '',
        response_type: 'code',
        redirect_uri: 'https://server.example/callback',
      })}`,
    );
    expect(page.location?.pathname).toBe('/login');
    const described = await sdk.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: UserPoolClient?.ClientId,
      }),
    );
    expect(described.UserPoolClient?.ClientSecret).toBe(UserPoolClient?.ClientSecret);
  });

  it.each([
    [
      'a callback URL over plain http off this machine',
      {
        CallbackURLs: ['http://app.example/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
      },
      'InvalidParameterException',
      'http://app.example/cb must use HTTPS (plain http is allowed for localhost only)',
    ],
    [
      'client credentials without a secret',
      { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api.example/read'] },
      'InvalidOAuthFlowException',
      'client_credentials flow can not be selected if client does not have a client secret.',
    ],
    [
      'a scope that does not exist',
      {
        CallbackURLs: ['https://app.example/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'rides'],
      },
      'ScopeDoesNotExistException',
      'Invalid scope requested: rides',
    ],
    [
      'an identity provider the pool does not have',
      {
        CallbackURLs: ['https://app.example/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: ['Facebook'],
      },
      'InvalidParameterException',
      'The provider Facebook does not exist for User Pool local_WildRydes',
    ],
    [
      'OAuth switched on with no flows',
      { CallbackURLs: ['https://app.example/cb'], AllowedOAuthScopes: ['openid'] },
      'InvalidOAuthFlowException',
      'AllowedOAuthFlows are required when AllowedOAuthFlowsUserPoolClient is true.',
    ],
  ] as const)('refuses %s', async (_, settings, name, message) => {
    const error = await rejection(
      sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: DEFAULT_POOL_ID,
          ClientName: 'Refused',
          AllowedOAuthFlowsUserPoolClient: true,
          ...settings,
          AllowedOAuthFlows:
            'AllowedOAuthFlows' in settings ? [...settings.AllowedOAuthFlows] : undefined,
          AllowedOAuthScopes: [...settings.AllowedOAuthScopes],
          CallbackURLs: 'CallbackURLs' in settings ? [...settings.CallbackURLs] : undefined,
          SupportedIdentityProviders:
            'SupportedIdentityProviders' in settings
              ? [...settings.SupportedIdentityProviders]
              : undefined,
        }),
      ),
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });
});

describe('UpdateUserPoolClient', () => {
  it('replaces the settings and sets the ones left out back to their defaults, as Cognito does', async () => {
    const { UserPoolClient } = await sdk.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
        CallbackURLs: ['https://rides.example/callback.html'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: ['COGNITO'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    expect(UserPoolClient).toMatchObject({
      ClientName: 'WildRydesWebApp',
      CallbackURLs: ['https://rides.example/callback.html'],
      LogoutURLs: [],
      AllowedOAuthScopes: ['openid'],
    });
    const old = await new TestBrowser(hosted.url).visit(
      `/oauth2/authorize?${new URLSearchParams({
        client_id: DEFAULT_CLIENT_ID,
        response_type: 'code',
        redirect_uri: 'http://localhost:5173/callback.html',
      })}`,
    );
    expect(old.status).toBe(400);
  });

  // ALLOW_USER_AUTH is one of ExplicitAuthFlows' values (choice-based sign-in):
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolClient.html
  it('takes back what DescribeUserPoolClient gave, ALLOW_USER_AUTH included, with a callback URL added', async () => {
    const { UserPoolClient: described } = await sdk.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
      }),
    );
    expect(described?.ExplicitAuthFlows).toContain('ALLOW_USER_AUTH');
    const { UserPoolClient: updated } = await sdk.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
        ExplicitAuthFlows: described?.ExplicitAuthFlows,
        CallbackURLs: [...(described?.CallbackURLs ?? []), 'http://127.0.0.1:4000/callback.html'],
        LogoutURLs: described?.LogoutURLs,
        AllowedOAuthFlows: described?.AllowedOAuthFlows,
        AllowedOAuthScopes: described?.AllowedOAuthScopes,
        SupportedIdentityProviders: described?.SupportedIdentityProviders,
        AllowedOAuthFlowsUserPoolClient: described?.AllowedOAuthFlowsUserPoolClient,
      }),
    );
    expect(updated?.ExplicitAuthFlows).toEqual(described?.ExplicitAuthFlows);
    expect(updated?.CallbackURLs).toEqual([
      'http://localhost:5173/callback.html',
      'http://127.0.0.1:5173/callback.html',
      'http://127.0.0.1:4000/callback.html',
    ]);
  });

  it('refuses an unknown client with ResourceNotFoundException', async () => {
    const error = await rejection(
      sdk.send(
        new UpdateUserPoolClientCommand({ UserPoolId: DEFAULT_POOL_ID, ClientId: 'nosuchclient' }),
      ),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('User pool client nosuchclient does not exist.');
  });
});

describe('OAuth settings in the config file', () => {
  it('are read and checked with the path of the offending value', () => {
    const config = readEmulatorConfig({
      pools: [
        {
          id: 'local_Other',
          clients: [
            {
              id: 'otherclient',
              callbackUrls: ['https://app.example/cb'],
              allowedOAuthFlows: ['code'],
              allowedOAuthScopes: ['openid'],
              supportedIdentityProviders: ['COGNITO'],
              allowedOAuthFlowsUserPoolClient: true,
            },
          ],
        },
      ],
    });
    expect(config.pools[1]?.clients[0]?.callbackUrls).toEqual(['https://app.example/cb']);
    expect(() =>
      readEmulatorConfig({
        pools: [
          { id: 'local_Other', clients: [{ id: 'c', callbackUrls: ['https://app.example/cb#x'] }] },
        ],
      }),
    ).toThrow(
      new ConfigError(
        'config.pools[0].clients[0].callbackUrls: https://app.example/cb#x has a fragment (#…)',
      ),
    );
    expect(() =>
      readEmulatorConfig({
        pools: [{ id: 'local_Other', clients: [{ id: 'c', allowedOAuthFlows: 'code' }] }],
      }),
    ).toThrow(
      new ConfigError('config.pools[0].clients[0].allowedOAuthFlows must be a list of strings'),
    );
  });
});
