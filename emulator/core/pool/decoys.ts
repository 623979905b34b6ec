/** Stand-ins for users who do not exist, for clients that prevent user-existence errors. */

import { toHex, utf8 } from '../bytes.ts';
import { uuid } from '../ids.ts';
import { isEmail, maskEmail } from './email.ts';
import type { Pool } from './pool.ts';

/** Each pool's decoy secret, derived once. */
const secrets = new WeakMap<Pool, Promise<Uint8Array>>();

/**
 * Stand-ins for a user who does not exist, so that answers about them look like answers about
 * a real user: the same name always gets the same salt, UUID-shaped user id and masked
 * address. They come from a secret derived from the pool's signing key, which persists with
 * the pool's data, so they survive restarts and cannot be computed from outside.
 */
export async function decoyFor(
  pool: Pool,
  name: string,
): Promise<{ salt: string; userId: string; destination: string }> {
  let derived = secrets.get(pool);
  if (!derived) {
    derived = Promise.resolve(
      pool.deps.math.hmacSha256(
        utf8(pool.signer.keys.id.privateJwk.d ?? ''),
        utf8('wild-rydes user-existence decoys'),
      ),
    );
    secrets.set(pool, derived);
  }
  const secret = await derived;
  const derive = async (label: string) =>
    pool.deps.math.hmacSha256(secret, utf8(`${label}:${pool.id}:${name.toLowerCase()}`));
  const [salt, id, letters] = await Promise.all([derive('salt'), derive('id'), derive('mask')]);
  const letter = (byte = 0) => 'abcdefghijklmnopqrstuvwxyz'.charAt(byte % 26);
  return {
    salt: toHex(salt.slice(0, 16)),
    userId: uuid(() => id.slice(0, 16)),
    destination: isEmail(name)
      ? maskEmail(name)
      : `${letter(letters[0])}***@${letter(letters[1])}***`,
  };
}
