import type { Operation } from '../context.ts';
import { registrationOptions } from '../flows/passkeys.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { authenticate } from '../pool/sessions.ts';

/**
 * StartWebAuthnRegistration: the CredentialCreationOptions for a new passkey of the signed-in
 * user; CompleteWebAuthnRegistration must follow with the browser's answer.
 */
export const startWebAuthnRegistration: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  return { CredentialCreationOptions: registrationOptions(ctx, pool, user) };
};
