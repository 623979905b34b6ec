/**
 * A pool's identity providers: CreateIdentityProvider and its siblings through the AWS SDK v3 as
 * the workshop's CLI steps use them, the config file's `identityProviders`, and the check Cognito
 * makes of a provider's ID token before it trusts a claim (signature, issuer, audience, expiry,
 * nonce), fed forged tokens.
 */

import {
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  ListIdentityProvidersCommand,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from 'arctic';
import { decodeJwt, exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { verifyProviderIdToken } from '../../emulator/hosted/provider-token.ts';
import {
  CALLBACK,
  csrfOf,
  type HostedFixture,
  startHosted,
  TestBrowser,
} from '../support/hosted.ts';
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

const deleteGoogle = () =>
  sdk.send(
    new DeleteIdentityProviderCommand({ UserPoolId: DEFAULT_POOL_ID, ProviderName: 'Google' }),
  );

const createGoogle = (details: Record<string, string>, mapping?: Record<string, string>) =>
  sdk.send(
    new CreateIdentityProviderCommand({
      UserPoolId: DEFAULT_POOL_ID,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: details,
      ...(mapping === undefined ? {} : { AttributeMapping: mapping }),
    }),
  );

const DETAILS = {
  client_id: '1234-abc.apps.googleusercontent.com',
  client_secret: 'GOCSPX-made-up',
  authorize_scopes: 'openid email profile',
};

describe('the local pool', () => {
  it('has a Google provider from the start, which DescribeIdentityProvider shows', async () => {
    const { IdentityProvider } = await sdk.send(
      new DescribeIdentityProviderCommand({ UserPoolId: DEFAULT_POOL_ID, ProviderName: 'Google' }),
    );
    expect(IdentityProvider).toMatchObject({
      UserPoolId: DEFAULT_POOL_ID,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: {
        client_id: 'local-google-client.apps.localhost',
        client_secret: 'local-google-secret',
        authorize_scopes: 'openid email profile',
      },
      AttributeMapping: {
        email: 'email',
        email_verified: 'email_verified',
        name: 'name',
        picture: 'picture',
        username: 'sub',
      },
      IdpIdentifiers: [],
    });
    const { Providers } = await sdk.send(
      new ListIdentityProvidersCommand({ UserPoolId: DEFAULT_POOL_ID }),
    );
    expect(Providers?.map((p) => [p.ProviderName, p.ProviderType])).toEqual([['Google', 'Google']]);
  });
});

describe('CreateIdentityProvider', () => {
  it('makes a provider whose client id the stand-in then serves, for clients that list it again', async () => {
    await deleteGoogle();
    const { IdentityProvider } = await createGoogle(DETAILS, { email: 'email' });
    expect(IdentityProvider?.ProviderDetails).toEqual(DETAILS);
    // Cognito maps `username` from the provider's `sub` whatever the request says.
    expect(IdentityProvider?.AttributeMapping).toEqual({ email: 'email', username: 'sub' });
    // Deleting Google took it off the local client; creating it again does not put it back.
    const local = await sdk.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientId: DEFAULT_CLIENT_ID,
      }),
    );
    expect(local.UserPoolClient?.SupportedIdentityProviders).toEqual(['COGNITO']);

    const created = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ClientName: 'GoogleOnly',
        CallbackURLs: ['https://app.example/cb'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        SupportedIdentityProviders: ['Google'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    const browser = new TestBrowser(hosted.url);
    const login = new URL(
      `/login?${new URLSearchParams({
        client_id: created.UserPoolClient?.ClientId ?? '',
        response_type: 'code',
        redirect_uri: 'https://app.example/cb',
        state: 'st',
      })}`,
      hosted.url,
    );
    const page = await browser.visit(login);
    // Google only: its button, and no password form.
    expect(page.text).toContain('Continue with Google');
    expect(page.text).not.toContain('name="password"');
    const href = /<a class="provider" href="([^"]+)"/.exec(page.text)?.[1] ?? '';
    const standIn = (await browser.visit(href.replace(/&amp;/g, '&'))).location as URL;
    expect(standIn.searchParams.get('client_id')).toBe(DETAILS.client_id);
    const form = await browser.visit(standIn);
    const idp = await browser.visit(standIn, { _csrf: csrfOf(form.text), account: 'minji' });
    const back = (await browser.visit(idp.location as URL)).location as URL;
    expect(`${back.origin}${back.pathname}`).toBe('https://app.example/cb');
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('st');
  });

  it('signs people in with the new provider’s mapping', async () => {
    await sdk.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: DEFAULT_POOL_ID,
        ProviderName: 'Google',
        ProviderDetails: { client_secret: 'rotated-secret' },
        AttributeMapping: { email: 'email', nickname: 'name' },
      }),
    );
    const client = new OAuth2Client(DEFAULT_CLIENT_ID, null, CALLBACK);
    const verifier = generateCodeVerifier();
    const url = client.createAuthorizationURLWithPKCE(
      `${hosted.url}/oauth2/authorize`,
      generateState(),
      CodeChallengeMethod.S256,
      verifier,
      ['openid', 'email', 'profile'],
    );
    url.searchParams.set('identity_provider', 'Google');
    const browser = new TestBrowser(hosted.url);
    const standIn = (await browser.visit(url)).location as URL;
    const page = await browser.visit(standIn);
    const idp = await browser.visit(standIn, { _csrf: csrfOf(page.text), account: 'alex' });
    const back = (await browser.visit(idp.location as URL)).location as URL;
    const tokens = await client.validateAuthorizationCode(
      `${hosted.url}/oauth2/token`,
      back.searchParams.get('code') ?? '',
      verifier,
    );
    const id = decodeJwt(tokens.idToken());
    expect(id).toMatchObject({ email: 'alex.rider@example.com', nickname: 'Alex Rider' });
    expect(id.name).toBeUndefined();
    expect(id.picture).toBeUndefined();
  });

  it.each([
    [
      'a second Google provider',
      () => createGoogle(DETAILS),
      'DuplicateProviderException',
      'A provider with the name Google already exists in this user pool.',
    ],
    [
      'a provider type the emulator does not serve',
      () =>
        sdk.send(
          new CreateIdentityProviderCommand({
            UserPoolId: DEFAULT_POOL_ID,
            ProviderName: 'Facebook',
            ProviderType: 'Facebook',
            ProviderDetails: DETAILS,
          }),
        ),
      'InvalidParameterException',
      'The local emulator serves Google providers only, through its Google stand-in; Facebook is not served.',
    ],
    [
      'Google details without a secret',
      async () => {
        await deleteGoogle();
        return createGoogle({ client_id: 'x' });
      },
      'InvalidParameterException',
      'ProviderDetails of a Google provider need client_id and client_secret.',
    ],
    [
      'scopes without openid, which the federation needs for the ID token',
      async () => {
        await deleteGoogle();
        return createGoogle({ ...DETAILS, authorize_scopes: 'email profile' });
      },
      'InvalidParameterException',
      'Authorize_scopes must include openid (got "email profile").',
    ],
    [
      'a mapping to an attribute the pool cannot have',
      async () => {
        await deleteGoogle();
        return createGoogle(DETAILS, { shoe_size: 'shoe' });
      },
      'InvalidParameterException',
      'Attribute mapping names shoe_size, which is not a user pool attribute.',
    ],
  ] as const)('refuses %s', async (_, attempt, name, message) => {
    const error = await rejection(attempt());
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });
});

describe('DescribeIdentityProvider and DeleteIdentityProvider', () => {
  it('answer ResourceNotFoundException for a provider the pool does not have', async () => {
    await deleteGoogle();
    const error = await rejection(deleteGoogle());
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(
      `Identity provider Google does not exist in user pool ${DEFAULT_POOL_ID}.`,
    );
    const described = await rejection(
      sdk.send(
        new DescribeIdentityProviderCommand({
          UserPoolId: DEFAULT_POOL_ID,
          ProviderName: 'Google',
        }),
      ),
    );
    expect(described.name).toBe('ResourceNotFoundException');
  });

  it('leave no client naming a deleted provider, and let none name it afterwards', async () => {
    await deleteGoogle();
    const error = await rejection(
      sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: DEFAULT_POOL_ID,
          ClientName: 'WantsGoogle',
          CallbackURLs: ['https://app.example/cb'],
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid'],
          SupportedIdentityProviders: ['COGNITO', 'Google'],
          AllowedOAuthFlowsUserPoolClient: true,
        }),
      ),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toBe('The provider Google does not exist for User Pool local_WildRydes');
  });
});

describe('the config file’s identityProviders', () => {
  const withProviders = (identityProviders: unknown) =>
    readEmulatorConfig({
      pools: [{ id: 'eu-west-1_Test', identityProviders, clients: [{ id: 'webclient' }] }],
    });

  it('reads a Google provider with its defaults', () => {
    const config = withProviders({ Google: { clientId: 'id', clientSecret: 'secret' } });
    expect(config.pools[1]?.identityProviders).toEqual([
      expect.objectContaining({
        name: 'Google',
        clientId: 'id',
        clientSecret: 'secret',
        authorizeScopes: 'openid email profile',
      }),
    ]);
  });

  it.each([
    [
      { Facebook: {} },
      'config.pools[0].identityProviders.Facebook: the emulator serves Google only (its local stand-in)',
    ],
    [
      { Google: { clientId: 'id' } },
      'config.pools[0].identityProviders.Google needs clientId and clientSecret',
    ],
    [
      { Google: { clientId: 'id', clientSecret: 's', authorizeScopes: 'email' } },
      'config.pools[0].identityProviders.Google: authorize_scopes must include openid (got "email")',
    ],
    [
      { Google: { clientId: 'id', clientSecret: 's', attributeMapping: { email: 3 } } },
      'config.pools[0].identityProviders.Google.attributeMapping must map attribute names to claim names',
    ],
    [[], 'config.pools[0].identityProviders must be an object'],
  ])('refuses %j with a message naming the value', (providers, message) => {
    expect(() => withProviders(providers)).toThrow(new ConfigError(message));
  });

  it('refuses a client that lists Google in a pool configured without it', () => {
    expect(() =>
      readEmulatorConfig({
        pools: [
          {
            id: 'eu-west-1_Test',
            identityProviders: {},
            clients: [
              {
                id: 'webclient',
                callbackUrls: ['https://app.example/cb'],
                allowedOAuthFlows: ['code'],
                allowedOAuthScopes: ['openid'],
                supportedIdentityProviders: ['Google'],
                allowedOAuthFlowsUserPoolClient: true,
              },
            ],
          },
        ],
      }),
    ).toThrow(
      new ConfigError(
        'config.pools[0].clients[0].supportedIdentityProviders: The provider Google does not exist for User Pool eu-west-1_Test',
      ),
    );
  });
});

describe('the check of a provider’s ID token', () => {
  const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
  const ISSUER = 'http://127.0.0.1:9229/google';
  const AUDIENCE = 'local-google-client.apps.localhost';

  async function keyPair(kid: string) {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
  }

  async function token(
    key: CryptoKey,
    kid: string,
    overrides: { iss?: string; aud?: string; nonce?: string; exp?: number } = {},
  ) {
    const iat = Math.floor(NOW / 1000);
    return new SignJWT({ nonce: overrides.nonce ?? 'the-nonce', email: 'a@example.com' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setSubject('104839201758493021733')
      .setIssuedAt(iat)
      .setExpirationTime(overrides.exp ?? iat + 3600)
      .sign(key);
  }

  let google: Awaited<ReturnType<typeof keyPair>>;
  let jwks: JSONWebKeySet;
  const expected = () => ({
    jwks,
    issuer: ISSUER,
    audience: AUDIENCE,
    nonce: 'the-nonce',
    now: NOW,
  });

  beforeEach(async () => {
    google = await keyPair('google-key');
    jwks = { keys: [google.jwk] };
  });

  it('accepts a token the provider signed for this client and sign-in', async () => {
    const claims = await verifyProviderIdToken(
      await token(google.privateKey, 'google-key'),
      expected(),
    );
    expect(claims.sub).toBe('104839201758493021733');
  });

  it.each([
    [
      'signed by another key under the provider’s kid',
      'signature verification failed',
      async () => {
        const forger = await keyPair('google-key');
        return token(forger.privateKey, 'google-key');
      },
    ],
    [
      'from another issuer',
      'unexpected "iss" claim value',
      () => token(google.privateKey, 'google-key', { iss: 'https://accounts.google.com' }),
    ],
    [
      'for another client',
      'unexpected "aud" claim value',
      () => token(google.privateKey, 'google-key', { aud: 'someone-else' }),
    ],
    [
      'expired',
      '"exp" claim timestamp check failed',
      () => token(google.privateKey, 'google-key', { exp: Math.floor(NOW / 1000) - 1 }),
    ],
    [
      'of another sign-in (nonce)',
      'the ID token carries another nonce',
      () => token(google.privateKey, 'google-key', { nonce: 'replayed' }),
    ],
  ])('refuses a token %s', async (_, message, make) => {
    const error = await rejection(verifyProviderIdToken(await make(), expected()));
    expect(error.message).toBe(message);
  });
});
