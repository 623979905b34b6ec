/**
 * Reading the session without the library: what the real library stored after a real sign-in
 * against the emulator, and only as long as its ID token is valid.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { siteSession, storedSession } from '../../src/session.ts';
import { claimsOf } from '../support/jwt.ts';
import { memoryStorage } from '../support/storage.ts';
import { signedInRider, useEmulatedSite } from './emulator.ts';

const site = useEmulatedSite();

describe('the stored session', () => {
  it('finds the session the library stored on signing in, with the rider’s email', async () => {
    const { storage } = await signedInRider(site, 'rider@example.com');
    const clientId = site.config.cognito.userPoolClientId;
    expect(storedSession({ clientId, storage, now: () => site.clock })).toEqual({
      email: 'rider@example.com',
    });
  });

  it('finds none once the ID token has expired', async () => {
    const { storage, idToken } = await signedInRider(site);
    const clientId = site.config.cognito.userPoolClientId;
    const exp = Number(claimsOf(idToken).exp) * 1000;
    expect(storedSession({ clientId, storage, now: () => exp - 1 })).not.toBeNull();
    expect(storedSession({ clientId, storage, now: () => exp })).toBeNull();
  });

  it('finds none after signing out', async () => {
    const { auth, storage } = await signedInRider(site);
    await auth.signOut();
    const clientId = site.config.cognito.userPoolClientId;
    expect(storedSession({ clientId, storage, now: () => site.clock })).toBeNull();
  });

  it('finds none for another app client, in empty storage, or where storage is blocked', async () => {
    const { storage } = await signedInRider(site);
    const now = () => site.clock;
    expect(storedSession({ clientId: 'otherclient', storage, now })).toBeNull();
    const clientId = site.config.cognito.userPoolClientId;
    expect(storedSession({ clientId, storage: memoryStorage(), now })).toBeNull();
    const blocked = {
      getItem(): string | null {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    expect(storedSession({ clientId, storage: blocked, now })).toBeNull();
    expect(storedSession({ clientId, storage: null, now })).toBeNull();
  });

  it('finds none when the stored ID token is not a readable token', async () => {
    const { storage } = await signedInRider(site);
    const clientId = site.config.cognito.userPoolClientId;
    const key = [...storage.data.keys()].find((name) => name.endsWith('.idToken')) ?? '';
    storage.setItem(key, 'not-a-token');
    expect(storedSession({ clientId, storage, now: () => site.clock })).toBeNull();
  });

  it('has no session to read where the site is not configured', () => {
    expect(siteSession(readConfig({}))).toBeNull();
  });
});
