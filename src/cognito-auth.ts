/**
 * Promise API over amazon-cognito-identity-js, the typed mirror of the workshop's
 * `js/cognito-auth.js`. The pool uses the email address as the username.
 */
import {
  AuthenticationDetails,
  CognitoIdToken,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { AuthError, NetworkError, toAuthFailure } from './auth-errors.ts';
import type { CognitoConfig } from './config.ts';
import type { CodeDelivery } from './sign-up.ts';
import { sessionExpired, storedSession } from './token-store.ts';

export { AUTH_ERROR_CODES, AuthError, type AuthErrorCode, NetworkError } from './auth-errors.ts';
export type { CodeDelivery } from './sign-up.ts';

/**
 * Where a sign-in stands after the password. `code-required`: the account has two-step sign-in
 * (SOFTWARE_TOKEN_MFA). `setup-required`: the pool requires MFA and the account has no factor yet
 * (MFA_SETUP), so `secret` goes into an authenticator app first. `submit` sends a code from the
 * app and resolves once signed in; a wrong code rejects with `CodeMismatchException` and the
 * same step can be submitted again.
 */
export type SignInStep =
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'code-required'; submit(code: string): Promise<void> }
  | {
      readonly kind: 'setup-required';
      readonly secret: string;
      submit(code: string): Promise<void>;
    };

/**
 * What the pages do with Cognito through the library; sign-up and its confirmation go through
 * the typed client instead (sign-up.ts), which keeps the Session the library drops.
 */
export interface Auth {
  /** Signs in with SRP; the session is kept in storage once no step is left. */
  signIn(email: string, password: string): Promise<SignInStep>;
  /** Sends a password-reset code. */
  forgotPassword(email: string): Promise<CodeDelivery>;
  /** Sets a new password with the reset code. */
  confirmPassword(email: string, code: string, newPassword: string): Promise<void>;
  /** Signs out on this device (revoking its refresh token when Cognito can). */
  signOut(): Promise<void>;
  /** Signs out on every device (GlobalSignOut), then here. */
  signOutEverywhere(): Promise<void>;
  /** The current ID token, refreshed when needed; null when signed out. */
  getIdToken(): Promise<string | null>;
  /** The current access token (for the operations on one's own account), refreshed like the ID token. */
  getAccessToken(): Promise<string | null>;
  /** Whether the signed-in account asks for an authenticator app's code at sign-in. */
  twoStepEnabled(): Promise<boolean>;
  /** A new authenticator secret (base32) for the signed-in account; not in use until confirmed. */
  startTwoStep(): Promise<string>;
  /** Confirms the secret with the app's first code and makes the app the sign-in's second step. */
  confirmTwoStep(code: string): Promise<void>;
  /** Stops asking for the app's code at sign-in. */
  turnOffTwoStep(): Promise<void>;
}

/** What `createAuth` needs. */
export interface AuthDeps {
  readonly cognito: CognitoConfig;
  /** Where the library keeps tokens; defaults to the library's choice (localStorage). */
  readonly storage?: ICognitoStorage;
}

type Settle<T> = (resolve: (value: T) => void, reject: (failure: unknown) => void) => void;

/**
 * The one place where library callbacks become promises, so every failure leaves here as an
 * `AuthError` or a `NetworkError`.
 */
function settle<T>(run: Settle<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    run(resolve, (failure) => reject(toAuthFailure(failure)));
  });
}

function destinationOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null) return null;
  const inner =
    'CodeDeliveryDetails' in details && typeof details.CodeDeliveryDetails === 'object'
      ? details.CodeDeliveryDetails
      : details;
  if (typeof inner !== 'object' || inner === null) return null;
  return 'Destination' in inner && typeof inner.Destination === 'string' ? inner.Destination : null;
}

function poolOf({ cognito, storage }: AuthDeps): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: cognito.userPoolId,
    ClientId: cognito.userPoolClientId,
    ...(cognito.endpoint === undefined ? {} : { endpoint: cognito.endpoint }),
    ...(storage === undefined ? {} : { Storage: storage }),
  });
}

/** Builds the auth API for one user pool client. */
export function createAuth({ cognito, storage }: AuthDeps): Auth {
  const pool = poolOf({ cognito, ...(storage === undefined ? {} : { storage }) });

  const userFor = (email: string): CognitoUser =>
    new CognitoUser({
      Username: email,
      Pool: pool,
      ...(storage === undefined ? {} : { Storage: storage }),
    });

  const librarySession = (user: CognitoUser): Promise<CognitoUserSession> =>
    settle((resolve, reject) => {
      user.getSession((error: Error | null, session: CognitoUserSession | null) => {
        if (error !== null || session === null) reject(error);
        else resolve(session);
      });
    });

  // Expired tokens are refreshed through GetTokensFromRefreshToken before the library looks
  // (token-refresh.ts says why), loaded only when a refresh is due.
  const sessionOf = async (user: CognitoUser): Promise<CognitoUserSession> => {
    const store = { cognito, ...(storage === undefined ? {} : { storage }) };
    const session = storedSession(store);
    if (session !== null && sessionExpired(store, session)) {
      const { refreshStoredSession } = await import('./token-refresh.ts');
      await refreshStoredSession(store);
    }
    return librarySession(user);
  };

  return {
    signIn: (email, password) =>
      settle((resolve, reject) => {
        const user = userFor(email);
        const details = new AuthenticationDetails({ Username: email, Password: password });
        const fail = (name: string) => () => reject(unsupportedError(name));
        const signedIn: SignInStep = { kind: 'signed-in' };
        user.authenticateUser(details, {
          onSuccess: () => resolve(signedIn),
          onFailure: reject,
          newPasswordRequired: fail('a new password'),
          mfaRequired: fail('an SMS code'),
          totpRequired: () =>
            resolve({
              kind: 'code-required',
              submit: (code) =>
                settle((done, refuse) => {
                  user.sendMFACode(
                    code,
                    { onSuccess: () => done(), onFailure: refuse },
                    'SOFTWARE_TOKEN_MFA',
                  );
                }),
            }),
          customChallenge: fail('a custom challenge'),
          // The pool requires MFA and the account has none: the secret is asked for with the
          // challenge's session, and verifying the first code answers MFA_SETUP with tokens.
          mfaSetup: () => {
            user.associateSoftwareToken({
              associateSecretCode: (secret) =>
                resolve({
                  kind: 'setup-required',
                  secret,
                  submit: (code) =>
                    settle((done, refuse) => {
                      user.verifySoftwareToken(code, TOTP_DEVICE_NAME, {
                        onSuccess: () => done(),
                        onFailure: (failure: unknown) => refuse(verifyFailure(failure)),
                      });
                    }),
                }),
              onFailure: reject,
            });
          },
          selectMFAType: fail('an MFA choice'),
        });
      }),

    forgotPassword: (email) =>
      settle((resolve, reject) => {
        userFor(email).forgotPassword({
          onSuccess: (data: unknown) => resolve({ destination: destinationOf(data) }),
          onFailure: reject,
        });
      }),

    confirmPassword: (email, code, newPassword) =>
      settle((resolve, reject) => {
        userFor(email).confirmPassword(code, newPassword, {
          onSuccess: () => resolve(),
          onFailure: reject,
        });
      }),

    async signOut() {
      const user = pool.getCurrentUser();
      if (user === null) return;
      // Revocation is best effort: this device forgets its tokens whether or not Cognito answered,
      // because signing out here must never fail.
      await new Promise<void>((resolve) => {
        user.signOut(() => resolve());
      });
      user.signOut();
    },

    async signOutEverywhere() {
      const user = pool.getCurrentUser();
      if (user === null) return;
      try {
        await sessionOf(user);
        await settle<void>((resolve, reject) => {
          user.globalSignOut({ onSuccess: () => resolve(), onFailure: reject });
        });
      } catch (failure) {
        // A refused token means the session was already revoked: the goal is reached.
        if (!(failure instanceof AuthError && failure.code === 'NotAuthorizedException')) {
          throw failure;
        }
      }
      user.signOut();
    },

    getIdToken: async () => (await currentSession())?.getIdToken().getJwtToken() ?? null,

    getAccessToken: async () => (await currentSession())?.getAccessToken().getJwtToken() ?? null,

    async twoStepEnabled() {
      const user = await signedInUser();
      const data = await settle<unknown>((resolve, reject) => {
        // bypassCache: the library would otherwise answer from its copy, stale after a change.
        user.getUserData((error, result) => (error ? reject(error) : resolve(result)), {
          bypassCache: true,
        });
      });
      const list =
        typeof data === 'object' && data !== null && 'UserMFASettingList' in data
          ? data.UserMFASettingList
          : [];
      return Array.isArray(list) && list.includes('SOFTWARE_TOKEN_MFA');
    },

    async startTwoStep() {
      const user = await signedInUser();
      return settle((resolve, reject) => {
        user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject });
      });
    },

    async confirmTwoStep(code) {
      const user = await signedInUser();
      await settle<void>((resolve, reject) => {
        user.verifySoftwareToken(code, TOTP_DEVICE_NAME, {
          onSuccess: () => resolve(),
          onFailure: (failure: unknown) => reject(verifyFailure(failure)),
        });
      });
      await setTotpPreference(user, true);
    },

    async turnOffTwoStep() {
      await setTotpPreference(await signedInUser(), false);
    },
  };

  /** The signed-in session, refreshed when needed; null when signed out. */
  async function currentSession(): Promise<CognitoUserSession | null> {
    const user = pool.getCurrentUser();
    if (user === null) return null;
    try {
      return await sessionOf(user);
    } catch (failure) {
      if (failure instanceof NetworkError) throw failure;
      // NotAuthorized: the refresh token expired or was revoked. A code-less error is the
      // library saying that storage holds no usable session. Both mean "signed out".
      if (
        failure instanceof AuthError &&
        (failure.code === 'NotAuthorizedException' || failure.serverCode === '')
      ) {
        return null;
      }
      throw failure;
    }
  }

  /** The current user with a live session, so the library can send its access token. */
  async function signedInUser(): Promise<CognitoUser> {
    const user = pool.getCurrentUser();
    if (user === null) {
      throw new AuthError('NotAuthorizedException', 'Nobody is signed in on this device.');
    }
    await sessionOf(user);
    return user;
  }
}

/** The name the app's token gets in Cognito (VerifySoftwareToken's FriendlyDeviceName). */
const TOTP_DEVICE_NAME = 'Authenticator app';

function setTotpPreference(user: CognitoUser, enabled: boolean): Promise<void> {
  return settle((resolve, reject) => {
    user.setUserMfaPreference(null, { Enabled: enabled, PreferredMfa: enabled }, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/**
 * VerifySoftwareToken answers a wrong code with EnableSoftwareTokenMFAException ("thrown when
 * there is a code mismatch and the service fails to configure the software token TOTP MFA",
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html):
 * to a person it is the same wrong code as CodeMismatchException, so it leaves as that code,
 * the server's own kept in `serverCode`.
 */
function verifyFailure(failure: unknown): unknown {
  const converted = toAuthFailure(failure);
  if (
    converted instanceof AuthError &&
    converted.serverCode === 'EnableSoftwareTokenMFAException'
  ) {
    return new AuthError('CodeMismatchException', converted.message, converted.serverCode);
  }
  return converted;
}

function unsupportedError(name: string): AuthError {
  return new AuthError(
    'UnsupportedChallenge',
    `Sign-in needs ${name}, which this site does not offer.`,
  );
}

/** The `email` claim of an ID token, or null when the token has none. */
export function idTokenEmail(idToken: string): string | null {
  const claims: unknown = new CognitoIdToken({ IdToken: idToken }).decodePayload();
  if (typeof claims !== 'object' || claims === null) return null;
  return 'email' in claims && typeof claims.email === 'string' ? claims.email : null;
}

/** An `Auth` for a site without a usable configuration: every action fails with `reason`. */
export function unconfiguredAuth(reason: Error): Auth {
  const fail = (): Promise<never> => Promise.reject(reason);
  return {
    signIn: fail,
    forgotPassword: fail,
    confirmPassword: fail,
    signOut: () => Promise.resolve(),
    signOutEverywhere: () => Promise.resolve(),
    getIdToken: () => Promise.resolve(null),
    getAccessToken: () => Promise.resolve(null),
    twoStepEnabled: fail,
    startTwoStep: fail,
    confirmTwoStep: fail,
    turnOffTwoStep: fail,
  };
}
