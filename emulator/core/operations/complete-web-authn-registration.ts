import { CognitoError } from '../cognito-error.ts';
import type { Operation } from '../context.ts';
import { completeRegistration } from '../flows/passkeys.ts';
import { accessTokenOf, tokenPool } from '../flows/request.ts';
import { isJsonObject } from '../input.ts';
import { authenticate } from '../pool/sessions.ts';

/** CompleteWebAuthnRegistration: verifies and keeps the passkey the browser made (`Credential`). */
export const completeWebAuthnRegistration: Operation = async (ctx, input) => {
  const token = accessTokenOf(input);
  const credential = input.Credential;
  if (!isJsonObject(credential)) {
    throw new CognitoError(
      'InvalidParameterException',
      'Credential must be the RegistrationResponseJSON of a new passkey.',
    );
  }
  const pool = tokenPool(ctx, token);
  const user = await authenticate(pool, token);
  await completeRegistration(ctx, pool, user, credential);
  return {};
};
