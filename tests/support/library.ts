/**
 * The real amazon-cognito-identity-js, its callbacks made promises: tests drive the library as
 * the site does and mock only the network (msw routes it to the emulator).
 */

import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
  type ISignUpResult,
} from 'amazon-cognito-identity-js';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../../emulator/core/config.ts';
import { PASSWORD } from './passwords.ts';
import { rejection } from './rejection.ts';
import { memoryStorage } from './storage.ts';

/** A library pool object for an app client, keeping its sessions in `storage`. */
export function userPool(
  clientId = DEFAULT_CLIENT_ID,
  poolId = DEFAULT_POOL_ID,
  storage: ICognitoStorage = memoryStorage(),
): CognitoUserPool {
  return new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, Storage: storage });
}

/** The library's error shape: an Error with a Cognito `code`. */
export interface LibraryError extends Error {
  code: string;
}

/** The library's refusal: an Error with Cognito's `code`; fails the test on anything else. */
export async function failure(promise: Promise<unknown>): Promise<LibraryError> {
  const error = await rejection(promise);
  if (!('code' in error) || typeof error.code !== 'string') {
    throw new Error(`failed without a Cognito code: ${error.message}`, { cause: error });
  }
  return error as LibraryError;
}

/** SignUp through the library, with email as username. */
export function signUp(
  pool: CognitoUserPool,
  email: string,
  password = PASSWORD,
): Promise<ISignUpResult> {
  return new Promise((resolve, reject) => {
    const attributes = [new CognitoUserAttribute({ Name: 'email', Value: email })];
    pool.signUp(email, password, attributes, [], (err, result) =>
      err || !result ? reject(err) : resolve(result),
    );
  });
}

/** A CognitoUser for this email in the pool, sharing the pool's storage. */
export function user(pool: CognitoUserPool, email: string): CognitoUser {
  return new CognitoUser({
    Username: email,
    Pool: pool,
    Storage: (pool as unknown as { storage: ICognitoStorage }).storage,
  });
}

/** ConfirmSignUp through the library. */
export function confirm(pool: CognitoUserPool, email: string, code: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).confirmRegistration(code, true, (err, result) =>
      err ? reject(err) : resolve(result),
    ),
  );
}

/** ResendConfirmationCode through the library. */
export function resend(pool: CognitoUserPool, email: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).resendConfirmationCode((err, result) =>
      err ? reject(err) : resolve(result),
    ),
  );
}

/** SRP sign-in through the library; resolves with the session and the CognitoUser. */
export function signIn(
  pool: CognitoUserPool,
  email: string,
  password = PASSWORD,
): Promise<{ session: CognitoUserSession; cognitoUser: CognitoUser }> {
  const cognitoUser = user(pool, email);
  return new Promise((resolve, reject) =>
    cognitoUser.authenticateUser(
      new AuthenticationDetails({ Username: email, Password: password }),
      {
        onSuccess: (session) => resolve({ session, cognitoUser }),
        onFailure: reject,
        newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      },
    ),
  );
}

/** ForgotPassword through the library; resolves with where the code went. */
export function forgotPassword(pool: CognitoUserPool, email: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).forgotPassword({ onSuccess: resolve, onFailure: reject }),
  );
}

/** ConfirmForgotPassword through the library: the mailed code and the new password. */
export function confirmPassword(
  pool: CognitoUserPool,
  email: string,
  code: string,
  password: string,
): Promise<unknown> {
  return new Promise((resolve, reject) =>
    user(pool, email).confirmPassword(code, password, { onSuccess: resolve, onFailure: reject }),
  );
}

/** GetUser through the library: a signed-in user's attributes by name. */
export function attributesOf(cognitoUser: CognitoUser): Promise<Record<string, string>> {
  return new Promise((resolve, reject) =>
    cognitoUser.getUserAttributes((err, attributes) =>
      err || !attributes
        ? reject(err)
        : resolve(Object.fromEntries(attributes.map((a) => [a.getName(), a.getValue()]))),
    ),
  );
}
