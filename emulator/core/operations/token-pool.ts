import { fromBase64, fromUtf8 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import type { Emulator } from '../emulator.ts';
import { isJsonObject } from '../input.ts';
import type { Pool } from '../pool.ts';

/**
 * The pool that issued an access token, read from its unverified `iss` (the pool then verifies
 * the signature with its own key). Token operations carry no ClientId or UserPoolId.
 */
export function tokenPool(emulator: Emulator, token: string): Pool {
  const invalid = () => new CognitoError('NotAuthorizedException', 'Invalid Access Token');
  let claims: unknown;
  try {
    claims = JSON.parse(fromUtf8(fromBase64(token.split('.')[1] ?? '')));
  } catch {
    throw invalid();
  }
  if (!isJsonObject(claims) || typeof claims.iss !== 'string') throw invalid();
  const poolId = claims.iss.slice(claims.iss.lastIndexOf('/') + 1);
  if (!emulator.poolIds().includes(poolId)) throw invalid();
  return emulator.pool(poolId);
}
