/**
 * The sign-in page's deferred auth: the library loads on first use (or on preload, when the person
 * moves into the form), once; a failed load is a NetworkError and the next use tries again; the
 * loaded auth signs in against the emulator like the eager one.
 */
import { describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../../src/auth-errors.ts';
import { deferredAuth, type SigninAuth } from '../../src/signin-site.ts';
import { PASSWORD } from '../support/passwords.ts';
import { rejection } from '../support/rejection.ts';
import { useEmulatedCognito } from './emulator.ts';
import { testAuth } from './helpers.ts';

const EMAIL = 'rider@example.com';
const cognito = useEmulatedCognito();

describe('the sign-in page’s deferred auth', () => {
  it('loads nothing until used, then loads once and signs in through the loaded auth', async () => {
    await cognito.confirmedUser(EMAIL);
    const load = vi.fn(async (): Promise<SigninAuth> => testAuth());
    const auth = deferredAuth(load);
    expect(load).not.toHaveBeenCalled();

    await expect(auth.signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
    await expect(auth.forgotPassword(EMAIL)).resolves.toEqual({
      destination: expect.any(String),
    });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('starts loading on preload, and the first use waits for that same load', async () => {
    await cognito.confirmedUser(EMAIL);
    const load = vi.fn(async (): Promise<SigninAuth> => testAuth());
    const auth = deferredAuth(load);
    auth.preload();
    auth.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await expect(auth.signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports a load that fails (offline) as a network error, and tries again next time', async () => {
    await cognito.confirmedUser(EMAIL);
    const load = vi
      .fn<() => Promise<SigninAuth>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockImplementation(async () => testAuth());
    const auth = deferredAuth(load);
    auth.preload();
    await rejection(auth.signIn(EMAIL, PASSWORD), NetworkError);
    await expect(auth.signIn(EMAIL, PASSWORD)).resolves.toEqual({ kind: 'signed-in' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
