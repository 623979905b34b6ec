/**
 * Refreshing a session, through the real library and the typed client against the emulator: the
 * auth module refreshes expired tokens through GetTokensFromRefreshToken (which an app client
 * that rotates refresh tokens requires) and keeps the new refresh token; the old one works for
 * the grace period, then is refused; a refused refresh token signs the device out at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../../src/auth-errors.ts';
import { createCognitoClient } from '../../src/cognito-client.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { memoryStorage } from '../support/storage.ts';
import { useEmulatedCognito } from './emulator.ts';
import { ENDPOINT, TEST_CLIENT_ID, TEST_POOL_ID, testAuth } from './helpers.ts';

const EMAIL = 'rider@example.com';
const COGNITO = {
  userPoolId: TEST_POOL_ID,
  userPoolClientId: TEST_CLIENT_ID,
  region: 'us-east-1',
  endpoint: ENDPOINT,
};
const PREFIX = `CognitoIdentityServiceProvider.${TEST_CLIENT_ID}`;
const TWO_HOURS = 2 * 3600 * 1000;
const cognito = useEmulatedCognito();
afterEach(() => vi.useRealTimers());

/** A rider signed in with the password on a device of their own; returns its storage. */
async function signedIn() {
  await cognito.confirmedUser(EMAIL);
  const storage = memoryStorage();
  await expect(testAuth(storage).signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
  return storage;
}

function storedRefreshToken(storage: Storage): string | null {
  const username = storage.getItem(`${PREFIX}.LastAuthUser`);
  return storage.getItem(`${PREFIX}.${username}.refreshToken`);
}

/** Two hours later, for the pool and for the library's clock alike: the ID token has expired. */
function twoHoursLater(): void {
  cognito.clock.advance(TWO_HOURS);
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + TWO_HOURS });
}

describe('refreshing on a client that rotates refresh tokens', () => {
  it('refreshes through GetTokensFromRefreshToken and keeps the new refresh token', async () => {
    await cognito.restart({
      refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 60 },
    });
    const storage = await signedIn();
    const auth = testAuth(storage);
    const firstIdToken = await auth.getIdToken();
    const firstRefreshToken = storedRefreshToken(storage);
    twoHoursLater();
    cognito.requests.length = 0;

    const idToken = await auth.getIdToken();
    expect(idToken).not.toBeNull();
    expect(idToken).not.toBe(firstIdToken);
    expect(cognito.operations).toEqual(['GetTokensFromRefreshToken']);
    expect(storedRefreshToken(storage)).not.toBe(firstRefreshToken);
    // Fresh tokens are now in storage: the next call needs no request at all.
    await auth.getIdToken();
    expect(cognito.operations).toHaveLength(1);
  });

  it('refuses the old refresh token once its grace period is over', async () => {
    await cognito.restart({
      refreshTokenRotation: { feature: 'ENABLED', retryGracePeriodSeconds: 60 },
    });
    const storage = await signedIn();
    const old = storedRefreshToken(storage) ?? '';
    const { call } = createCognitoClient({ cognito: COGNITO });
    const first = await call('GetTokensFromRefreshToken', { RefreshToken: old });
    expect(first.AuthenticationResult.RefreshToken).toEqual(expect.any(String));
    expect(first.AuthenticationResult.RefreshToken).not.toBe(old);

    cognito.clock.advance(30 * 1000);
    await expect(call('GetTokensFromRefreshToken', { RefreshToken: old })).resolves.toBeDefined();
    cognito.clock.advance(31 * 1000);
    const failure = await rejection(
      call('GetTokensFromRefreshToken', { RefreshToken: old }),
      AuthError,
    );
    expect(failure.code).toBe('NotAuthorizedException');
  });
});

describe('refreshing on a client without rotation', () => {
  it('keeps the same refresh token, which Cognito does not replace', async () => {
    const storage = await signedIn();
    const refreshToken = storedRefreshToken(storage);
    twoHoursLater();
    cognito.requests.length = 0;
    await expect(testAuth(storage).getIdToken()).resolves.not.toBeNull();
    expect(cognito.operations).toEqual(['GetTokensFromRefreshToken']);
    expect(storedRefreshToken(storage)).toBe(refreshToken);
  });

  it('does not refresh tokens that are still fresh', async () => {
    const storage = await signedIn();
    cognito.requests.length = 0;
    await expect(testAuth(storage).getIdToken()).resolves.not.toBeNull();
    expect(cognito.operations).toEqual([]);
  });

  it('signs this device out at once when Cognito refuses the refresh token', async () => {
    const storage = await signedIn();
    await cognito.emulator.call(
      'RevokeToken',
      { Token: storedRefreshToken(storage) ?? '', ClientId: TEST_CLIENT_ID },
      { baseUrl: ENDPOINT },
    );
    twoHoursLater();
    cognito.requests.length = 0;
    await expect(testAuth(storage).getIdToken()).resolves.toBeNull();
    // One refused request, not the library's six seconds of retries.
    expect(cognito.operations).toEqual(['GetTokensFromRefreshToken']);
    expect(storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
  });
});
