/**
 * The browser tests' side door into the emulator: its HTTP API (as the AWS CLI or another device
 * would use it) and its mailbox, where the codes a person would find in their email arrive.
 */
import { expect, inject } from 'vitest';
import { eventually } from './eventually.ts';

/** The emulator's pool and app client, as the local builds are configured. */
export const LOCAL_POOL = { userPoolId: 'local_WildRydes', clientId: 'wildrydeslocalclient' };

/** A password that meets the pool's policy. */
export const PASSWORD = 'Giddy-Up-42!';

/** What a code was sent for. */
export type Purpose = 'sign-up' | 'forgot-password' | 'sign-in';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let addressesMade = 0;

/**
 * A fresh address per test, so tests sharing one emulator never meet: the label, the run's seed
 * (printed when the run starts; `E2E_SEED` replays it) and a count within the test file.
 */
export function newEmail(label: string): string {
  addressesMade += 1;
  return `${label}-${inject('runSeed')}-${addressesMade}@example.com`;
}

/** The emulator mounted at `base` (ending in `/`): `POST base` for Cognito, `base/mailbox`. */
export class EmulatorClient {
  constructor(readonly base: string) {}

  /** Calls one Cognito operation; returns the answer, or throws with Cognito's error type. */
  async call(operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(this.base, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok || !isRecord(answer)) {
      throw new Error(`${operation} failed: ${response.status} ${JSON.stringify(answer)}`);
    }
    return answer;
  }

  /** Every code the mailbox holds for `to` and `purpose`, oldest first. */
  async codes(to: string, purpose: Purpose): Promise<string[]> {
    const response = await fetch(new URL('mailbox', this.base));
    const mails: unknown = await response.json();
    if (!Array.isArray(mails)) throw new Error('the mailbox is not a list');
    return mails
      .filter(isRecord)
      .filter((mail) => String(mail.to).toLowerCase() === to.toLowerCase())
      .filter((mail) => mail.purpose === purpose)
      .map((mail) => String(mail.code));
  }

  /**
   * Waits until the mailbox has more than `seen` codes for `to` and `purpose`, and returns the
   * newest: the code a person would copy from the latest email.
   */
  async nextCode(to: string, purpose: Purpose, seen = 0): Promise<string> {
    const codes = await eventually(
      () => this.codes(to, purpose),
      (found) => expect(found.length, `${purpose} codes for ${to}`).toBeGreaterThan(seen),
    );
    const code = codes.at(-1);
    if (code === undefined) throw new Error('unreachable: the mailbox had a code');
    return code;
  }

  /** Signs a user up as another device would, leaving the email unconfirmed. */
  async unconfirmedUser(email: string, password = PASSWORD): Promise<void> {
    await this.call('SignUp', {
      ClientId: LOCAL_POOL.clientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    });
  }

  /** A user who signed up and confirmed the email with the mailed code (so it is verified). */
  async confirmedUser(email: string, password = PASSWORD): Promise<void> {
    await this.unconfirmedUser(email, password);
    const code = await this.nextCode(email, 'sign-up');
    await this.call('ConfirmSignUp', {
      ClientId: LOCAL_POOL.clientId,
      Username: email,
      ConfirmationCode: code,
    });
  }

  /** GlobalSignOut with an access token: every refresh token of that user stops working. */
  async globalSignOut(accessToken: string): Promise<void> {
    await this.call('GlobalSignOut', { AccessToken: accessToken });
  }
}
