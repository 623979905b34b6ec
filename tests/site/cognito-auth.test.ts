import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idTokenEmail, NetworkError, unconfiguredAuth } from '../../src/cognito-auth.ts';
import { ConfigError } from '../../src/config.ts';
import { otherCode } from '../support/emulator.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { memoryStorage } from '../support/storage.ts';
import { useEmulatedCognito } from './emulator.ts';
import { answer, ENDPOINT, TEST_CLIENT_ID, testAuth } from './helpers.ts';

const EMAIL = 'rider@example.com';
const NEW_PASSWORD = 'New-Pass-77';
const HOUR = 3600 * 1000;
const PREFIX = `CognitoIdentityServiceProvider.${TEST_CLIENT_ID}`;

const cognito = useEmulatedCognito();

/** A browser (its own storage) where the confirmed user has signed in for real. */
async function signedInDevice() {
  const storage = memoryStorage();
  const auth = testAuth(storage);
  await auth.signIn(EMAIL, PASSWORD);
  const idToken = await auth.getIdToken();
  if (idToken === null) throw new Error('the sign-in stored no session');
  cognito.requests.length = 0;
  return { storage, auth, idToken };
}

/** Moves the browser's clock and the emulator's past the ID and access tokens' hour. */
function anHourAndMoreLater(): void {
  vi.setSystemTime(Date.now() + HOUR + 60_000);
  cognito.clock.advance(HOUR + 60_000);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signIn', () => {
  it('signs in with SRP (the password is never sent) and keeps the session', async () => {
    await cognito.confirmedUser(EMAIL);
    const storage = memoryStorage();
    await testAuth(storage).signIn(EMAIL, PASSWORD);
    expect(cognito.operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(cognito.requests[0]?.body).toMatchObject({
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: EMAIL },
    });
    expect(cognito.requests[0]?.body).toHaveProperty('AuthParameters.SRP_A');
    expect(JSON.stringify(cognito.requests.map((r) => r.body))).not.toContain(PASSWORD);
    const idToken = await testAuth(storage).getIdToken();
    expect(idToken === null ? null : idTokenEmail(idToken)).toBe(EMAIL);
  });

  it('reports a wrong password as NotAuthorizedException, and stores nothing', async () => {
    await cognito.confirmedUser(EMAIL);
    const storage = memoryStorage();
    expect(await rejection(testAuth(storage).signIn(EMAIL, 'Wrong-Pass-1'))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(storage.data.size).toBe(0);
  });

  it('reports an unconfirmed user as UserNotConfirmedException', async () => {
    await cognito.unconfirmedUser(EMAIL);
    expect(await rejection(testAuth().signIn(EMAIL, PASSWORD))).toMatchObject({
      code: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
  });
});

describe('forgotPassword and confirmPassword', () => {
  it('mails a reset code and tells where; the new password then signs in and the old one not', async () => {
    await cognito.confirmedUser(EMAIL);
    await expect(testAuth().forgotPassword(EMAIL)).resolves.toEqual({ destination: 'r***@e***' });
    await testAuth().confirmPassword(EMAIL, cognito.code(EMAIL, 'forgot-password'), NEW_PASSWORD);
    await testAuth().signIn(EMAIL, NEW_PASSWORD);
    expect(await rejection(testAuth().signIn(EMAIL, PASSWORD))).toMatchObject({
      code: 'NotAuthorizedException',
    });
  });

  it('reports a wrong reset code as CodeMismatchException, and the old password still works', async () => {
    await cognito.confirmedUser(EMAIL);
    await testAuth().forgotPassword(EMAIL);
    const wrong = otherCode(cognito.code(EMAIL, 'forgot-password'));
    expect(await rejection(testAuth().confirmPassword(EMAIL, wrong, NEW_PASSWORD))).toMatchObject({
      code: 'CodeMismatchException',
    });
    await testAuth().signIn(EMAIL, PASSWORD);
  });
});

describe('getIdToken', () => {
  it('is null when nobody signed in, without asking the network', async () => {
    await expect(testAuth().getIdToken()).resolves.toBeNull();
    expect(cognito.operations).toEqual([]);
  });

  it('returns the stored ID token while it is valid, without asking the network', async () => {
    await cognito.confirmedUser(EMAIL);
    const { storage, idToken } = await signedInDevice();
    await expect(testAuth(storage).getIdToken()).resolves.toBe(idToken);
    expect(cognito.operations).toEqual([]);
  });

  it('refreshes an expired session with the refresh token', async () => {
    await cognito.confirmedUser(EMAIL);
    const { storage, idToken } = await signedInDevice();
    vi.useFakeTimers({ toFake: ['Date'] });
    anHourAndMoreLater();
    const fresh = await testAuth(storage).getIdToken();
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(idToken);
    expect(idTokenEmail(fresh ?? '')).toBe(EMAIL);
    // GetTokensFromRefreshToken works on every app client, rotating or not (token-refresh.ts).
    expect(cognito.operations).toEqual(['GetTokensFromRefreshToken']);
    const stored = storage.getItem(
      `${PREFIX}.${storage.getItem(`${PREFIX}.LastAuthUser`)}.idToken`,
    );
    expect(stored).toBe(fresh);
  });

  it('is null once another device has signed out everywhere', async () => {
    await cognito.confirmedUser(EMAIL);
    const here = await signedInDevice();
    const elsewhere = await signedInDevice();
    await elsewhere.auth.signOutEverywhere();
    vi.useFakeTimers({ toFake: ['Date'] });
    anHourAndMoreLater();
    // One refused refresh, without the library's six seconds of retries.
    await expect(here.auth.getIdToken()).resolves.toBeNull();
    expect(here.storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
  });

  it('fails with a NetworkError when the refresh cannot reach the service', async () => {
    await cognito.confirmedUser(EMAIL);
    const { auth } = await signedInDevice();
    cognito.server.use(answer('GetTokensFromRefreshToken', () => HttpResponse.error()));
    vi.useFakeTimers({ toFake: ['Date'] });
    anHourAndMoreLater();
    await rejection(auth.getIdToken(), NetworkError);
  });
});

describe('signOut and signOutEverywhere', () => {
  it('revokes the refresh token and forgets the session on this device', async () => {
    await cognito.confirmedUser(EMAIL);
    const { storage, auth } = await signedInDevice();
    const copy = memoryStorage();
    for (const [key, value] of storage.data) copy.setItem(key, value);
    await auth.signOut();
    expect(cognito.operations).toEqual(['RevokeToken']);
    await expect(auth.getIdToken()).resolves.toBeNull();
    expect(storage.data.size).toBe(0);

    // A copy of the revoked session (a stolen one) can no longer be refreshed.
    vi.useFakeTimers({ toFake: ['Date'] });
    anHourAndMoreLater();
    await expect(testAuth(copy).getIdToken()).resolves.toBeNull();
  });

  it('signs out everywhere with GlobalSignOut and forgets the session here', async () => {
    await cognito.confirmedUser(EMAIL);
    const { storage, auth } = await signedInDevice();
    await auth.signOutEverywhere();
    expect(cognito.operations).toEqual(['GlobalSignOut']);
    expect(cognito.requests.at(-1)?.body).toHaveProperty('AccessToken');
    expect(storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
    await expect(auth.getIdToken()).resolves.toBeNull();
  });

  it('keeps the session when signing out everywhere cannot reach the service', async () => {
    await cognito.confirmedUser(EMAIL);
    const { auth, idToken } = await signedInDevice();
    cognito.server.use(answer('GlobalSignOut', () => HttpResponse.error()));
    expect(await rejection(auth.signOutEverywhere())).toBeInstanceOf(NetworkError);
    await expect(auth.getIdToken()).resolves.toBe(idToken);
  });
});

describe('helpers', () => {
  it('reads the email claim of an ID token, and null from anything else', async () => {
    await cognito.confirmedUser(EMAIL);
    const { idToken, storage } = await signedInDevice();
    expect(idTokenEmail(idToken)).toBe(EMAIL);
    const accessToken = storage.getItem(
      `${PREFIX}.${storage.getItem(`${PREFIX}.LastAuthUser`)}.accessToken`,
    );
    expect(idTokenEmail(accessToken ?? '')).toBeNull();
    expect(idTokenEmail('not-a-jwt')).toBeNull();
  });

  it('makes every action of an unconfigured site fail with the configuration error', async () => {
    const reason = new ConfigError(
      'NotConfigured',
      'VITE_COGNITO_USER_POOL_ID',
      'No Cognito user pool is configured.',
    );
    const auth = unconfiguredAuth(reason);
    expect(await rejection(auth.signIn(EMAIL, PASSWORD))).toBe(reason);
    await expect(auth.getIdToken()).resolves.toBeNull();
    expect(cognito.operations).toEqual([]);
  });

  it('sends requests to the configured endpoint', async () => {
    await cognito.confirmedUser(EMAIL);
    cognito.requests.length = 0;
    await testAuth().forgotPassword(EMAIL);
    expect(cognito.requests.map((r) => [r.url, r.operation])).toEqual([
      [ENDPOINT, 'ForgotPassword'],
    ]);
  });
});
