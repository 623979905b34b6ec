import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { passkeysOf } from '../flows/passkeys.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { requiredString } from '../input.ts';
import { authenticate } from '../pool/sessions.ts';

/** DeleteWebAuthnCredential: removes one of the signed-in user's passkeys. */
export const deleteWebAuthnCredential: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const id = requiredString(input, 'CredentialId', { min: 1, max: 1024 });
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  const passkeys = passkeysOf(user);
  if (!passkeys.some((passkey) => passkey.id === id)) {
    throw new CognitoError('ResourceNotFoundException', 'Credential not found.');
  }
  pool.update(user, { passkeys: passkeys.filter((passkey) => passkey.id !== id) });
  return {};
};
