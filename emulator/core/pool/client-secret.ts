/** App clients with a secret: each request proves it with SECRET_HASH. */

import { timingSafeEqual, toBase64, utf8 } from '../bytes.ts';
import { CognitoError } from '../cognito-error.ts';
import type { ClientConfig } from '../config.ts';
import type { Pool } from './pool.ts';

/** Checks SECRET_HASH for clients that have a secret, with Cognito's wording. */
export async function checkSecretHash(
  pool: Pool,
  client: ClientConfig,
  username: string,
  secretHash: string | undefined,
): Promise<void> {
  if (client.secret === undefined) return;
  const refuse = () =>
    new CognitoError(
      'NotAuthorizedException',
      `Unable to verify secret hash for client ${client.id}`,
    );
  if (secretHash === undefined) throw refuse();
  const expected = toBase64(
    await pool.deps.math.hmacSha256(utf8(client.secret), utf8(username + client.id)),
  );
  if (!timingSafeEqual(utf8(expected), utf8(secretHash))) throw refuse();
}
