/**
 * A fast SRP client for load generation: the protocol of amazon-cognito-identity-js with
 * native math. It signs in against the emulator, which the library tests hold to the library's
 * behaviour, so every bench sign-in is a real one. To measure the server rather than itself, it
 * makes its ephemeral keys (a, A = g^a) before the timed window and remembers g^x per user;
 * the server's work per sign-in is unchanged.
 */

import { DEFAULT_POOL_ID } from '../emulator/core/config.ts';
import { webRandomBytes } from '../emulator/core/crypto.ts';
import { randomInteger } from '../emulator/core/ids.ts';
import {
  authenticationKey,
  claimSignature,
  clientSecretS,
  g,
  hexToBigInt,
  N,
  privateKeyX,
  scramblingU,
  srpTimestamp,
} from '../emulator/core/srp.ts';
import { nativeMath } from '../emulator/node/native-math.ts';

const math = nativeMath();

/** A JSON-protocol call: operation name and body in, parsed body out; throws on errors. */
export type Call = (operation: string, body: unknown) => Promise<Record<string, unknown>>;

/** A JSON-protocol caller for an endpoint, throwing on Cognito errors. */
export function cognitoCaller(endpoint: string): Call {
  return async (operation, body) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${operation}: ${String(json.__type)}: ${String(json.message)}`);
    return json;
  };
}

/** A confirmed user with a permanent password, made with the admin API (no code, no mail). */
export async function createConfirmedUser(
  call: Call,
  email: string,
  password: string,
): Promise<void> {
  const user = { UserPoolId: DEFAULT_POOL_ID, Username: email };
  await call('AdminCreateUser', { ...user, MessageAction: 'SUPPRESS' });
  await call('AdminSetUserPassword', { ...user, Password: password, Permanent: true });
}

interface Ephemeral {
  a: bigint;
  A: bigint;
}

export class FastSrpClient {
  private readonly ephemerals: Ephemeral[] = [];
  private readonly secrets = new Map<string, { x: bigint; gx: bigint }>();

  constructor(
    private readonly call: Call,
    private readonly poolId: string,
    private readonly clientId: string,
  ) {}

  /** Makes `count` single-use ephemeral key pairs ahead of time. */
  prepare(count: number): void {
    for (let i = 0; i < count; i++) {
      const a = randomInteger(webRandomBytes, 32);
      this.ephemerals.push({ a, A: math.modPow(g, a, N) });
    }
  }

  /** One complete SRP sign-in (InitiateAuth + RespondToAuthChallenge); returns the ID token. */
  async signIn(username: string, password: string): Promise<string> {
    const poolName = this.poolId.split('_')[1] ?? '';
    if (this.ephemerals.length === 0) this.prepare(1);
    const { a, A } = this.ephemerals.pop() as Ephemeral;
    const started = await this.call('InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: this.clientId,
      AuthParameters: { USERNAME: username, SRP_A: A.toString(16) },
    });
    const params = started.ChallengeParameters as Record<string, string>;
    const userId = params.USER_ID_FOR_SRP ?? '';
    const B = hexToBigInt(params.SRP_B ?? '');
    const saltHex = params.SALT ?? '';
    const cacheKey = `${userId}:${saltHex}:${password}`;
    let secret = this.secrets.get(cacheKey);
    if (!secret) {
      const x = await privateKeyX(math, poolName, userId, password, hexToBigInt(saltHex));
      secret = { x, gx: math.modPow(g, x, N) };
      this.secrets.set(cacheKey, secret);
    }
    const u = await scramblingU(math, A, B);
    const S = await clientSecretS(math, B, secret.x, u, a, secret.gx);
    const key = await authenticationKey(math, S, u);
    const timestamp = srpTimestamp(new Date());
    const secretBlock = params.SECRET_BLOCK ?? '';
    const signature = await claimSignature(math, key, poolName, userId, secretBlock, timestamp);
    const done = await this.call('RespondToAuthChallenge', {
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: this.clientId,
      ChallengeResponses: {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: signature,
      },
      Session: started.Session,
    });
    const result = done.AuthenticationResult as Record<string, unknown> | undefined;
    if (typeof result?.IdToken !== 'string') throw new Error('sign-in returned no ID token');
    return result.IdToken;
  }
}
