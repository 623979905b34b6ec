/**
 * GetTokensFromRefreshToken and the app client's refresh-token rotation, through the AWS SDK v3
 * with a frozen clock: without rotation the same refresh token keeps working; with it, each
 * refresh hands out a new one, the old one works for the grace period and is then refused, and
 * REFRESH_TOKEN_AUTH is refused
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html).
 */

import {
  type CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  NotAuthorizedException,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_POOL_ID,
  defaultClient,
  defaultPool,
  readEmulatorConfig,
} from '../../emulator/core/config.ts';
import { useEmulator } from '../support/emulator.ts';
import { claimsOf } from '../support/jwt.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';

const h = useEmulator();
const EMAIL = 'returning@example.com';

let cognito: CognitoIdentityProviderClient;
beforeEach(() => {
  cognito = sdkClient(h.endpoint);
});
afterEach(() => cognito.destroy());

/** Serves the default pool with its client rotating refresh tokens (grace period in seconds). */
async function rotating(retryGracePeriodSeconds: number): Promise<void> {
  await h.restart({
    config: {
      pools: [
        defaultPool({
          clients: [
            defaultClient({
              refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds },
            }),
          ],
        }),
      ],
    },
  });
}

/** A confirmed user's first refresh token. */
async function refreshTokenOfNewUser(): Promise<string> {
  await h.confirmedUser(EMAIL);
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: EMAIL, PASSWORD },
    }),
  );
  const token = signedIn.AuthenticationResult?.RefreshToken;
  if (token === undefined) throw new Error('no refresh token');
  return token;
}

function refresh(token: string) {
  return cognito.send(
    new GetTokensFromRefreshTokenCommand({ ClientId: DEFAULT_CLIENT_ID, RefreshToken: token }),
  );
}

describe('GetTokensFromRefreshToken without rotation', () => {
  it('returns new ID and access tokens and no refresh token', async () => {
    const token = await refreshTokenOfNewUser();
    h.clock.advance(60_000);
    const result = (await refresh(token)).AuthenticationResult;
    expect(claimsOf(result?.IdToken ?? '').email).toBe(EMAIL);
    expect(claimsOf(result?.AccessToken ?? '').token_use).toBe('access');
    expect(result?.RefreshToken).toBeUndefined();
    expect(result?.ExpiresIn).toBe(3600);
    expect(result?.TokenType).toBe('Bearer');
  });

  it('keeps accepting the same refresh token, as REFRESH_TOKEN_AUTH does', async () => {
    const token = await refreshTokenOfNewUser();
    await refresh(token);
    await refresh(token);
    const again = await cognito.send(
      new InitiateAuthCommand({
        ClientId: DEFAULT_CLIENT_ID,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: token },
      }),
    );
    expect(again.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a token it never issued', async () => {
    await refreshTokenOfNewUser();
    const error = await rejection(refresh('not-a-refresh-token'), NotAuthorizedException);
    expect(error.message).toBe('Invalid Refresh Token');
  });

  it('refuses a revoked token', async () => {
    const token = await refreshTokenOfNewUser();
    await cognito.send(new RevokeTokenCommand({ ClientId: DEFAULT_CLIENT_ID, Token: token }));
    const error = await rejection(refresh(token), NotAuthorizedException);
    expect(error.message).toBe('Refresh Token has been revoked');
  });
});

describe('GetTokensFromRefreshToken with rotation', () => {
  it('hands out a new refresh token each time, in the same session', async () => {
    await rotating(0);
    const first = await refreshTokenOfNewUser();
    const second = (await refresh(first)).AuthenticationResult;
    expect(second?.RefreshToken).toBeTruthy();
    expect(second?.RefreshToken).not.toBe(first);
    const third = (await refresh(second?.RefreshToken ?? '')).AuthenticationResult;
    expect(third?.RefreshToken).not.toBe(second?.RefreshToken);
    expect(claimsOf(third?.AccessToken ?? '').origin_jti).toBe(
      claimsOf(second?.AccessToken ?? '').origin_jti,
    );
  });

  it('refuses the old token at once when the grace period is 0', async () => {
    await rotating(0);
    const old = await refreshTokenOfNewUser();
    await refresh(old);
    const error = await rejection(refresh(old), NotAuthorizedException);
    expect(error.message).toBe('Invalid Refresh Token');
  });

  it('accepts the old token during the grace period, answering with the same new token', async () => {
    await rotating(30);
    const old = await refreshTokenOfNewUser();
    const rotated = (await refresh(old)).AuthenticationResult?.RefreshToken;
    h.clock.advance(29_000);
    const retried = (await refresh(old)).AuthenticationResult;
    expect(retried?.RefreshToken).toBe(rotated);
    expect(retried?.AccessToken).toBeTruthy();
  });

  it('refuses the old token once the grace period is over, and the new one still works', async () => {
    await rotating(30);
    const old = await refreshTokenOfNewUser();
    const rotated = (await refresh(old)).AuthenticationResult?.RefreshToken ?? '';
    h.clock.advance(30_000);
    const error = await rejection(refresh(old), NotAuthorizedException);
    expect(error.message).toBe('Invalid Refresh Token');
    expect((await refresh(rotated)).AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('refuses REFRESH_TOKEN_AUTH, which cannot rotate', async () => {
    await rotating(0);
    const token = await refreshTokenOfNewUser();
    const error = await rejection(
      cognito.send(
        new InitiateAuthCommand({
          ClientId: DEFAULT_CLIENT_ID,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: token },
        }),
      ),
      InvalidParameterException,
    );
    expect(error.message).toBe('REFRESH_TOKEN_AUTH flow not enabled for this client');
  });

  it('ends with the session: revoking the new token refuses the old one in its grace period', async () => {
    await rotating(60);
    const old = await refreshTokenOfNewUser();
    const rotated = (await refresh(old)).AuthenticationResult?.RefreshToken ?? '';
    await cognito.send(new RevokeTokenCommand({ ClientId: DEFAULT_CLIENT_ID, Token: rotated }));
    const error = await rejection(refresh(old), NotAuthorizedException);
    expect(error.message).toBe('Refresh Token has been revoked');
  });

  it('keeps the rotated tokens across a restart from the saved data', async () => {
    await rotating(30);
    const old = await refreshTokenOfNewUser();
    const rotated = (await refresh(old)).AuthenticationResult?.RefreshToken ?? '';
    const saved = structuredClone(h.emulator.dump());
    await h.restart({
      data: saved,
      config: {
        pools: [
          defaultPool({
            clients: [
              defaultClient({
                refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 30 },
              }),
            ],
          }),
        ],
      },
    });
    expect((await refresh(old)).AuthenticationResult?.RefreshToken).toBe(rotated);
    h.clock.advance(30_000);
    await rejection(refresh(old), NotAuthorizedException);
    expect(h.emulator.dump()[DEFAULT_POOL_ID]?.sessions).toHaveLength(1);
  });
});

describe('the refreshTokenRotation setting', () => {
  const withRotation = (refreshTokenRotation: unknown) => () =>
    readEmulatorConfig({ pools: [{ id: 'x_1', clients: [{ id: 'a', refreshTokenRotation }] }] });

  it('is off unless configured', () => {
    expect(defaultClient().refreshTokenRotation).toEqual({
      feature: 'DISABLED',
      retryGracePeriodSeconds: 0,
    });
  });

  it('reads ENABLED with a grace period of up to 60 seconds', () => {
    const config = withRotation({ feature: 'ENABLED', retryGracePeriodSeconds: 60 })();
    expect(config.pools[1]?.clients[0]?.refreshTokenRotation).toEqual({
      feature: 'ENABLED',
      retryGracePeriodSeconds: 60,
    });
  });

  it.each([
    [{ feature: 'ON' }, /refreshTokenRotation\.feature must be ENABLED or DISABLED/],
    [
      { feature: 'ENABLED', retryGracePeriodSeconds: 61 },
      /retryGracePeriodSeconds must be a whole number from 0 to 60/,
    ],
    [
      { feature: 'ENABLED', retryGracePeriodSeconds: -1 },
      /retryGracePeriodSeconds must be a whole number from 0 to 60/,
    ],
    ['ENABLED', /refreshTokenRotation must be an object/],
  ])('refuses %j', (value, message) => {
    expect(withRotation(value)).toThrow(message);
  });
});
