/**
 * Signing in with a passkey and keeping the session where the library reads it, loaded when a
 * person presses "Sign in with a passkey".
 */
import { passkeyFailure } from './passkey-errors.ts';
import type { PasskeyFailure } from './passkey-support.ts';
import { createPasskeys, type PasskeysDeps } from './passkeys.ts';
import { storeAuthenticationResult, type TokenStoreDeps } from './token-store.ts';

/** What signing in needs: the pool, the browser's WebAuthn and the library's storage. */
export interface SignInAndKeepDeps extends PasskeysDeps {
  readonly storage?: TokenStoreDeps['storage'];
}

/** Signs in with a passkey of `email`'s account and keeps the session; the failure otherwise. */
export async function signInAndKeep(
  deps: SignInAndKeepDeps,
  email: string,
): Promise<PasskeyFailure | null> {
  try {
    const result = await createPasskeys(deps).signInWithPasskey(email);
    storeAuthenticationResult(
      { cognito: deps.cognito, ...(deps.storage === undefined ? {} : { storage: deps.storage }) },
      result,
    );
    return null;
  } catch (failure) {
    return passkeyFailure(failure);
  }
}
