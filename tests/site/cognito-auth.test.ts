import { HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, idTokenEmail, NetworkError, unconfiguredAuth } from '../../src/cognito-auth.ts';
import { ConfigError } from '../../src/config.ts';
import { answer, cognitoError, memoryStorage, testAuth, useNetwork } from './helpers.ts';

const EMAIL = 'rider@example.com';
const PASSWORD = 'Giddy-Up-42';
const SUB = '8a1f6c2e-0000-4000-8000-00000000cafe';
const PREFIX = 'CognitoIdentityServiceProvider.testclient';

const network = useNetwork();

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Stores a session the way the library does after a sign-in. */
function signedIn(expiresInSeconds: number, extraClaims: Record<string, unknown> = {}) {
  const storage = memoryStorage();
  const now = Math.floor(Date.now() / 1000);
  const times = { iat: now - 60, exp: now + expiresInSeconds, auth_time: now - 60 };
  const idToken = jwt({ sub: SUB, email: EMAIL, token_use: 'id', ...times, ...extraClaims });
  const accessToken = jwt({
    sub: SUB,
    token_use: 'access',
    username: SUB,
    ...times,
    ...extraClaims,
  });
  storage.setItem(`${PREFIX}.LastAuthUser`, SUB);
  storage.setItem(`${PREFIX}.${SUB}.idToken`, idToken);
  storage.setItem(`${PREFIX}.${SUB}.accessToken`, accessToken);
  storage.setItem(`${PREFIX}.${SUB}.refreshToken`, 'opaque-refresh-token');
  storage.setItem(`${PREFIX}.${SUB}.clockDrift`, '0');
  return { storage, idToken, accessToken };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (failure) {
    return failure;
  }
  throw new Error('expected the promise to reject');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('register', () => {
  it('signs up with the email as username and as the email attribute', async () => {
    let body: unknown;
    network.server.use(
      answer('SignUp', (received) => {
        body = received;
        return HttpResponse.json({
          UserConfirmed: false,
          UserSub: SUB,
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        });
      }),
    );
    await expect(testAuth().register(EMAIL, PASSWORD)).resolves.toEqual({
      confirmed: false,
      destination: 'r***@e***',
    });
    expect(body).toMatchObject({
      ClientId: 'testclient',
      Username: EMAIL,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: EMAIL }],
    });
  });

  it('fails with the Cognito code and message when the email is taken', async () => {
    network.server.use(
      answer('SignUp', () =>
        cognitoError('UsernameExistsException', 'An account with the given email already exists.'),
      ),
    );
    const failure = await failureOf(testAuth().register(EMAIL, PASSWORD));
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure).toMatchObject({
      code: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    });
  });

  it('fails with a NetworkError when the service cannot be reached', async () => {
    network.server.use(answer('SignUp', () => HttpResponse.error()));
    const failure = await failureOf(testAuth().register(EMAIL, PASSWORD));
    expect(failure).toBeInstanceOf(NetworkError);
    expect(failure).toMatchObject({ code: 'NetworkError' });
  });

  it('reads the code from the x-amzn-ErrorType header when the body is not JSON', async () => {
    network.server.use(
      answer(
        'SignUp',
        () =>
          new HttpResponse('<html>busy</html>', {
            status: 400,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException:' },
          }),
      ),
    );
    expect(await failureOf(testAuth().register(EMAIL, PASSWORD))).toMatchObject({
      code: 'TooManyRequestsException',
    });
  });
});

describe('verify and resendCode', () => {
  it('confirms the sign-up with the email and the code', async () => {
    let body: unknown;
    network.server.use(
      answer('ConfirmSignUp', (received) => {
        body = received;
        return HttpResponse.json({});
      }),
    );
    await testAuth().verify(EMAIL, '123456');
    expect(body).toMatchObject({
      ClientId: 'testclient',
      Username: EMAIL,
      ConfirmationCode: '123456',
      ForceAliasCreation: false,
    });
  });

  it('reports an expired code with its own code', async () => {
    network.server.use(
      answer('ConfirmSignUp', () =>
        cognitoError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
      ),
    );
    expect(await failureOf(testAuth().verify(EMAIL, '123456'))).toMatchObject({
      code: 'ExpiredCodeException',
    });
  });

  it('tells where the new code went', async () => {
    network.server.use(
      answer('ResendConfirmationCode', () =>
        HttpResponse.json({
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        }),
      ),
    );
    await expect(testAuth().resendCode(EMAIL)).resolves.toEqual({ destination: 'r***@e***' });
  });
});

describe('signIn', () => {
  it('starts SRP with the email and reports a wrong password as NotAuthorizedException', async () => {
    let body: unknown;
    network.server.use(
      answer('InitiateAuth', (received) => {
        body = received;
        return cognitoError('NotAuthorizedException', 'Incorrect username or password.');
      }),
    );
    const failure = await failureOf(testAuth().signIn(EMAIL, PASSWORD));
    expect(failure).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: EMAIL } });
    expect(body).toHaveProperty('AuthParameters.SRP_A');
  });

  it('reports an unconfirmed user as UserNotConfirmedException', async () => {
    network.server.use(
      answer('InitiateAuth', () =>
        cognitoError('UserNotConfirmedException', 'User is not confirmed.'),
      ),
    );
    expect(await failureOf(testAuth().signIn(EMAIL, PASSWORD))).toMatchObject({
      code: 'UserNotConfirmedException',
    });
  });
});

describe('forgotPassword and confirmPassword', () => {
  it('tells where the reset code went', async () => {
    network.server.use(
      answer('ForgotPassword', () =>
        HttpResponse.json({
          CodeDeliveryDetails: {
            AttributeName: 'email',
            DeliveryMedium: 'EMAIL',
            Destination: 'r***@e***',
          },
        }),
      ),
    );
    await expect(testAuth().forgotPassword(EMAIL)).resolves.toEqual({ destination: 'r***@e***' });
  });

  it('sets the new password with the code', async () => {
    let body: unknown;
    network.server.use(
      answer('ConfirmForgotPassword', (received) => {
        body = received;
        return HttpResponse.json({});
      }),
    );
    await testAuth().confirmPassword(EMAIL, '654321', 'New-Pass-77');
    expect(body).toMatchObject({
      Username: EMAIL,
      ConfirmationCode: '654321',
      Password: 'New-Pass-77',
    });
  });

  it('reports a wrong reset code as CodeMismatchException', async () => {
    network.server.use(
      answer('ConfirmForgotPassword', () =>
        cognitoError(
          'CodeMismatchException',
          'Invalid verification code provided, please try again.',
        ),
      ),
    );
    expect(
      await failureOf(testAuth().confirmPassword(EMAIL, '000000', 'New-Pass-77')),
    ).toMatchObject({ code: 'CodeMismatchException' });
  });
});

describe('getIdToken', () => {
  it('is null when nobody signed in, without asking the network', async () => {
    await expect(testAuth().getIdToken()).resolves.toBeNull();
    expect(network.operations).toEqual([]);
  });

  it('returns the stored ID token while it is valid', async () => {
    const { storage, idToken } = signedIn(3600);
    await expect(testAuth(storage).getIdToken()).resolves.toBe(idToken);
    expect(network.operations).toEqual([]);
  });

  it('refreshes an expired session with the refresh token', async () => {
    const { storage } = signedIn(-10);
    const fresh = signedIn(3600, { jti: 'fresh' });
    let body: unknown;
    network.server.use(
      answer('InitiateAuth', (received) => {
        body = received;
        return HttpResponse.json({
          AuthenticationResult: {
            IdToken: fresh.idToken,
            AccessToken: fresh.accessToken,
            ExpiresIn: 3600,
            TokenType: 'Bearer',
          },
        });
      }),
    );
    await expect(testAuth(storage).getIdToken()).resolves.toBe(fresh.idToken);
    expect(body).toMatchObject({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: 'opaque-refresh-token' },
    });
    expect(storage.getItem(`${PREFIX}.${SUB}.idToken`)).toBe(fresh.idToken);
  });

  it('is null once the refresh token has been revoked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { storage } = signedIn(-10);
    network.server.use(
      answer('InitiateAuth', () =>
        cognitoError('NotAuthorizedException', 'Refresh Token has been revoked'),
      ),
    );
    const token = testAuth(storage).getIdToken();
    // The library retries a failed refresh with backoff for about 6 s.
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(token).resolves.toBeNull();
    expect(storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
  });

  it('fails with a NetworkError when the refresh cannot reach the service', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { storage } = signedIn(-10);
    network.server.use(answer('InitiateAuth', () => HttpResponse.error()));
    const token = failureOf(testAuth(storage).getIdToken());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await token).toBeInstanceOf(NetworkError);
  });
});

describe('signOut and signOutEverywhere', () => {
  it('forgets the session on this device', async () => {
    const { storage } = signedIn(3600);
    const auth = testAuth(storage);
    await auth.signOut();
    await expect(auth.getIdToken()).resolves.toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('revokes a revocable refresh token before forgetting it', async () => {
    const { storage } = signedIn(3600, { origin_jti: 'origin-1' });
    let body: unknown;
    network.server.use(
      answer('RevokeToken', (received) => {
        body = received;
        return HttpResponse.json({});
      }),
    );
    await testAuth(storage).signOut();
    expect(body).toEqual({ Token: 'opaque-refresh-token', ClientId: 'testclient' });
    expect(storage.data.size).toBe(0);
  });

  it('signs out everywhere with GlobalSignOut and forgets the session here', async () => {
    const { storage, accessToken } = signedIn(3600);
    let body: unknown;
    network.server.use(
      answer('GlobalSignOut', (received) => {
        body = received;
        return HttpResponse.json({});
      }),
    );
    await testAuth(storage).signOutEverywhere();
    expect(body).toEqual({ AccessToken: accessToken });
    expect(storage.getItem(`${PREFIX}.LastAuthUser`)).toBeNull();
  });

  it('keeps the session when signing out everywhere cannot reach the service', async () => {
    const { storage, idToken } = signedIn(3600);
    network.server.use(answer('GlobalSignOut', () => HttpResponse.error()));
    const auth = testAuth(storage);
    expect(await failureOf(auth.signOutEverywhere())).toBeInstanceOf(NetworkError);
    await expect(auth.getIdToken()).resolves.toBe(idToken);
  });
});

describe('helpers', () => {
  it('reads the email claim of an ID token', () => {
    expect(idTokenEmail(signedIn(3600).idToken)).toBe(EMAIL);
    expect(idTokenEmail(jwt({ sub: SUB }))).toBeNull();
    expect(idTokenEmail('not-a-jwt')).toBeNull();
  });

  it('makes every action of an unconfigured site fail with the configuration error', async () => {
    const reason = new ConfigError(
      'NotConfigured',
      'VITE_COGNITO_USER_POOL_ID',
      'No Cognito user pool is configured.',
    );
    const auth = unconfiguredAuth(reason);
    expect(await failureOf(auth.register(EMAIL, PASSWORD))).toBe(reason);
    expect(await failureOf(auth.signIn(EMAIL, PASSWORD))).toBe(reason);
    await expect(auth.getIdToken()).resolves.toBeNull();
  });

  it('sends requests to the configured endpoint (msw answers nowhere else)', async () => {
    network.server.use(answer('ResendConfirmationCode', () => HttpResponse.json({})));
    await expect(testAuth().resendCode(EMAIL)).resolves.toEqual({ destination: null });
    expect(network.operations).toEqual(['ResendConfirmationCode']);
  });
});
