/**
 * The stand-in's Google accounts: a few made-up people to pick with one click, and any email and
 * name typed in, which always gets the same `sub` (so signing in again finds the same user).
 */

import { toHex, utf8 } from '../../core/bytes.ts';
import { sha256 } from '../../core/crypto.ts';

/** What the stand-in's ID token says about a person. */
export interface GoogleAccount {
  /** Google's subject: a decimal string of 21 digits. */
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string;
  picture?: string;
}

/** The accounts offered as buttons, by the `account` value their button posts. */
export const TEST_ACCOUNTS: Readonly<Record<string, GoogleAccount>> = {
  alex: {
    sub: '104839201758493021733',
    email: 'alex.rider@example.com',
    emailVerified: true,
    name: 'Alex Rider',
    picture: 'https://example.com/avatars/alex-rider.png',
  },
  minji: {
    sub: '117283940561728394015',
    email: 'minji.kim@example.com',
    emailVerified: true,
    name: '김민지',
  },
  sam: {
    sub: '100000000000000000042',
    email: 'sam.unverified@example.com',
    emailVerified: false,
    name: 'Sam Lee',
  },
};

/** A typed-in account: the email's digest, as 21 digits, is its `sub`. */
export async function typedAccount(email: string, name: string): Promise<GoogleAccount> {
  const digest = toHex(await sha256(utf8(email.toLowerCase())));
  const digits = BigInt(`0x${digest.slice(0, 24)}`)
    .toString()
    .padStart(20, '0')
    .slice(0, 20);
  return { sub: `1${digits}`, email, emailVerified: true, name };
}
