/**
 * Sign-up → confirm → signed in, through the AWS SDK v3: SignUp's Session goes to ConfirmSignUp,
 * whose Session signs the person in through USER_AUTH once, within the authentication session
 * duration, without the password typed again.
 */

import {
  CodeMismatchException,
  type CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, defaultPool } from '../../emulator/core/config.ts';
import { otherCode, useEmulator } from '../support/emulator.ts';
import { claimsOf } from '../support/jwt.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { sdkClient } from '../support/sdk.ts';

const h = useEmulator();
const EMAIL = 'new.rider@example.com';

let cognito: CognitoIdentityProviderClient;
beforeEach(() => {
  cognito = sdkClient(h.endpoint);
});
afterEach(() => cognito.destroy());

function signUp(email = EMAIL) {
  return cognito.send(
    new SignUpCommand({
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
}

function confirm(session: string | undefined, email = EMAIL) {
  return cognito.send(
    new ConfirmSignUpCommand({
      ClientId: DEFAULT_CLIENT_ID,
      Username: email,
      ConfirmationCode: h.code(email),
      Session: session,
    }),
  );
}

function signInWith(session: string | undefined, email = EMAIL) {
  return cognito.send(
    new InitiateAuthCommand({
      ClientId: DEFAULT_CLIENT_ID,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email },
      Session: session,
    }),
  );
}

describe('sign-in after sign-up', () => {
  it('signs the new user in with the Session ConfirmSignUp returns', async () => {
    const signedUp = await signUp();
    expect(signedUp.Session).toBeTruthy();
    const confirmed = await confirm(signedUp.Session);
    expect(confirmed.Session).toBeTruthy();
    const done = await signInWith(confirmed.Session);
    const claims = claimsOf(done.AuthenticationResult?.IdToken ?? '');
    expect(claims.email).toBe(EMAIL);
    expect(claims.sub).toBe(signedUp.UserSub);
    expect(done.AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('signs in once only', async () => {
    const confirmed = await confirm((await signUp()).Session);
    await signInWith(confirmed.Session);
    const error = await rejection(signInWith(confirmed.Session), NotAuthorizedException);
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('refuses the Session after the three-minute authentication session', async () => {
    const confirmed = await confirm((await signUp()).Session);
    h.clock.advance(180_000);
    const error = await rejection(signInWith(confirmed.Session), NotAuthorizedException);
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it("refuses the Session for someone else's name", async () => {
    await h.confirmedUser('other@example.com');
    const confirmed = await confirm((await signUp()).Session);
    const error = await rejection(
      signInWith(confirmed.Session, 'other@example.com'),
      NotAuthorizedException,
    );
    expect(error.message).toBe('Incorrect username or password.');
  });

  it("refuses SignUp's own Session, which only ConfirmSignUp takes", async () => {
    const signedUp = await signUp();
    const error = await rejection(signInWith(signedUp.Session), NotAuthorizedException);
    expect(error.message).toBe('Invalid session for the user, session is expired.');
  });

  it('confirms without a Session to sign in with when none was given', async () => {
    await signUp();
    const confirmed = await confirm(undefined);
    expect(confirmed.Session).toBeUndefined();
  });

  it("confirms without a Session to sign in with when given another user's", async () => {
    const other = await signUp('other@example.com');
    await signUp();
    const confirmed = await confirm(other.Session);
    expect(confirmed.Session).toBeUndefined();
  });

  it('leaves the SignUp Session usable after a wrong code', async () => {
    const signedUp = await signUp();
    const wrong = await rejection(
      cognito.send(
        new ConfirmSignUpCommand({
          ClientId: DEFAULT_CLIENT_ID,
          Username: EMAIL,
          ConfirmationCode: otherCode(h.code(EMAIL)),
          Session: signedUp.Session,
        }),
      ),
      CodeMismatchException,
    );
    expect(wrong.message).toBe('Invalid verification code provided, please try again.');
    const confirmed = await confirm(signedUp.Session);
    expect(confirmed.Session).toBeTruthy();
  });

  it('asks for MFA set-up first where the pool requires MFA', async () => {
    await h.restart({ config: { pools: [defaultPool({ mfaConfiguration: 'ON' })] } });
    const confirmed = await confirm((await signUp()).Session);
    const next = await signInWith(confirmed.Session);
    expect(next.ChallengeName).toBe('MFA_SETUP');
    expect(next.AuthenticationResult).toBeUndefined();
  });
});
