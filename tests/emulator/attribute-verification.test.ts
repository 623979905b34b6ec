/**
 * Changing and verifying the email through the real library: the pool keeps the old address until
 * the new one is proven, as Cognito's AttributesRequireVerificationBeforeUpdate does.
 */

import { type CognitoUser, CognitoUserAttribute } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { otherCode, useEmulator } from '../support/emulator.ts';
import { attributesOf, failure, signIn } from '../support/library.ts';
import { PASSWORD } from '../support/passwords.ts';

const h = useEmulator();

const OLD = 'rider@example.com';
const NEW = 'new.rider@example.org';

function updateAttributes(
  cognitoUser: CognitoUser,
  attributes: Record<string, string>,
): Promise<unknown> {
  const list = Object.entries(attributes).map(
    ([Name, Value]) => new CognitoUserAttribute({ Name, Value }),
  );
  return new Promise((resolve, reject) =>
    cognitoUser.updateAttributes(list, (err, _result, details) =>
      err ? reject(err) : resolve(details),
    ),
  );
}

function requestCode(cognitoUser: CognitoUser, name: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    cognitoUser.getAttributeVerificationCode(name, {
      onSuccess: () => reject(new Error('expected inputVerificationCode')),
      onFailure: reject,
      inputVerificationCode: (data: unknown) => resolve(data),
    }),
  );
}

function verify(cognitoUser: CognitoUser, name: string, code: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    cognitoUser.verifyAttribute(name, code, { onSuccess: resolve, onFailure: reject }),
  );
}

async function signedInRider(): Promise<CognitoUser> {
  await h.confirmedUser(OLD);
  return (await signIn(h.pool, OLD)).cognitoUser;
}

describe('changing the email', () => {
  it('mails a code to the new address and says where it went', async () => {
    const rider = await signedInRider();
    const details = await updateAttributes(rider, { email: NEW });
    expect(details).toEqual({
      CodeDeliveryDetailsList: [
        { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***' },
      ],
    });
    const mail = h.emulator.mailbox().at(-1);
    expect(mail).toEqual(
      expect.objectContaining({ to: NEW, purpose: 'verify-attribute', code: expect.any(String) }),
    );
    expect(mail?.code).toMatch(/^\d{6}$/);
  });

  it('keeps the old, verified email in force until the new one is verified', async () => {
    const rider = await signedInRider();
    await updateAttributes(rider, { email: NEW, name: 'Rider' });
    expect(await attributesOf(rider)).toEqual(
      expect.objectContaining({ email: OLD, email_verified: 'true', name: 'Rider' }),
    );
    // The old address still signs in; the new one does not yet.
    await signIn(h.pool, OLD);
    const error = await failure(signIn(h.pool, NEW));
    expect(error.code).toBe('NotAuthorizedException');
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('switches to the new email once its code is verified, and the new email signs in', async () => {
    const rider = await signedInRider();
    await updateAttributes(rider, { email: NEW });
    await verify(rider, 'email', h.code(NEW, 'verify-attribute'));
    expect(await attributesOf(rider)).toEqual(
      expect.objectContaining({ email: NEW, email_verified: 'true' }),
    );
    await signIn(h.pool, NEW);
    const error = await failure(signIn(h.pool, OLD));
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('refuses a wrong code with CodeMismatchException and keeps the old email', async () => {
    const rider = await signedInRider();
    await updateAttributes(rider, { email: NEW });
    const error = await failure(verify(rider, 'email', otherCode(h.code(NEW, 'verify-attribute'))));
    expect(error.code).toBe('CodeMismatchException');
    expect(error.message).toBe('Invalid verification code provided, please try again.');
    expect((await attributesOf(rider)).email).toBe(OLD);
  });

  it('sends no code when only the case of the email changes', async () => {
    const rider = await signedInRider();
    const before = h.emulator.mailbox().length;
    expect(await updateAttributes(rider, { email: OLD.toUpperCase() })).toEqual({});
    expect(h.emulator.mailbox()).toHaveLength(before);
    expect(await attributesOf(rider)).toEqual(
      expect.objectContaining({ email: OLD.toUpperCase(), email_verified: 'true' }),
    );
  });

  it('refuses, at verification, an address another user took meanwhile (AliasExistsException)', async () => {
    const rider = await signedInRider();
    await updateAttributes(rider, { email: NEW });
    const code = h.code(NEW, 'verify-attribute');
    await h.confirmedUser(NEW);
    const error = await failure(verify(rider, 'email', code));
    expect(error.code).toBe('AliasExistsException');
    expect(error.message).toBe('An account with the given email already exists.');
    expect((await attributesOf(rider)).email).toBe(OLD);
  });
});

describe('GetUserAttributeVerificationCode', () => {
  it('sends another code to the address waiting for verification, and only the newest works', async () => {
    const rider = await signedInRider();
    await updateAttributes(rider, { email: NEW });
    const first = h.code(NEW, 'verify-attribute');
    const details = await requestCode(rider, 'email');
    expect(details).toEqual({
      CodeDeliveryDetails: {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: 'n***@e***',
      },
    });
    const second = h.code(NEW, 'verify-attribute');
    // Codes are drawn at random: two in a row are equal once in a million runs.
    const stale = await failure(verify(rider, 'email', first));
    expect(stale.code).toBe('CodeMismatchException');
    await verify(rider, 'email', second);
    expect((await attributesOf(rider)).email).toBe(NEW);
  });

  it('verifies an unverified current email when no change is waiting', async () => {
    await h.confirmedUser(OLD);
    await h.api.call('AdminUpdateUserAttributes', {
      UserPoolId: h.pool.getUserPoolId(),
      Username: OLD,
      UserAttributes: [{ Name: 'email_verified', Value: 'false' }],
    });
    const { cognitoUser } = await signIn(h.pool, OLD, PASSWORD);
    await requestCode(cognitoUser, 'email');
    expect(h.emulator.mailbox().at(-1)).toEqual(
      expect.objectContaining({ to: OLD, purpose: 'verify-attribute' }),
    );
    await verify(cognitoUser, 'email', h.code(OLD, 'verify-attribute'));
    expect(await attributesOf(cognitoUser)).toEqual(
      expect.objectContaining({ email: OLD, email_verified: 'true' }),
    );
  });

  it('refuses attributes it cannot send a code to, with InvalidParameterException', async () => {
    const rider = await signedInRider();
    for (const name of ['phone_number', 'name', '__proto__', 'toString']) {
      const error = await failure(requestCode(rider, name));
      expect(error.code).toBe('InvalidParameterException');
      expect(error.message).toBe(`Attribute ${name} cannot be verified.`);
    }
  });

  it('answers ExpiredCodeException to VerifyUserAttribute when no code was sent', async () => {
    const rider = await signedInRider();
    const error = await failure(verify(rider, 'email', '123456'));
    expect(error.code).toBe('ExpiredCodeException');
    expect(error.message).toBe('Invalid code provided, please request a code again.');
  });
});
