/** An emulator wired for Node: OpenSSL's modexp, a data folder (or none), mail on the console. */

import { readFileSync } from 'node:fs';
import { defaultConfig, type EmulatorConfig, readEmulatorConfig } from '../core/config.ts';
import { Emulator } from '../core/emulator.ts';
import type { Mail } from '../core/pool/pool.ts';
import type { Change } from '../core/store.ts';
import { simpleWebAuthnVerifier } from '../passkey-verifier.ts';
import { opensslModPow } from './modpow.ts';
import { nodeHashes } from './native-math.ts';
import { DataDir } from './persistence.ts';

export interface NodeEmulatorOptions {
  /** Folder for the pool data; omit to keep everything in memory. */
  dataDir?: string;
  config?: EmulatorConfig;
  onMail?: (mail: Mail) => void;
  warn?: (message: string) => void;
  now?: () => number;
}

/** Reads and checks an emulator config file (JSON). */
export function loadConfigFile(path: string): EmulatorConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read emulator config ${path}: ${(error as Error).message}`);
  }
  return readEmulatorConfig(parsed);
}

/** Starts an emulator whose changes go to the data folder as they happen. */
export async function createNodeEmulator(options: NodeEmulatorOptions = {}): Promise<Emulator> {
  const config = options.config ?? defaultConfig();
  const common = {
    config,
    modPow: opensslModPow(),
    hashes: nodeHashes,
    passkeyVerifier: simpleWebAuthnVerifier,
    ...(options.onMail ? { onMail: options.onMail } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  if (options.dataDir === undefined) return Emulator.create(common);

  const { dir, data } = DataDir.open(options.dataDir, options.warn ? { warn: options.warn } : {});
  const served = new Set(config.pools.map((pool) => pool.id));
  for (const [poolId, pool] of Object.entries(data)) {
    if (served.has(poolId)) continue;
    // Kept in the folder as they are, so that a config without the pool loses nothing.
    options.warn?.(
      `${options.dataDir} holds ${pool.users.length} user(s) of pool ${poolId}, which the configuration does not serve; they are kept, not served`,
    );
  }
  let emulator: Emulator | undefined;
  const pending: Change[] = [];
  const created = await Emulator.create({
    ...common,
    data,
    onChange: (change) => {
      // Keys made during create() arrive before `emulator` exists; they are written right after.
      if (!emulator) pending.push(change);
      else dir.record(change, () => emulator?.dump() ?? {});
    },
  });
  emulator = created;
  for (const change of pending) dir.record(change, () => created.dump());
  return created;
}

/**
 * Text that came from a request, made safe to print: control and format characters (ESC, BEL,
 * NUL, bidi overrides, line breaks) are shown as `\u{…}` instead of reaching the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

/** One mail in words, e.g. `sign-up code for rider@example.com: 402719`: what `mailNotice` shows. */
export function mailLine(mail: Mail): string {
  const what = mail.purpose === 'invitation' ? 'temporary password' : `${mail.purpose} code`;
  return `${what} for ${printable(mail.to)}: ${printable(mail.code)}`;
}

/**
 * A mail as the emulator shows it to people, on the CLI's console and in the dev server's log
 * alike: `📬  sign-up code for rider@example.com: 402719  http://127.0.0.1:9229/mailbox?to=…`,
 * the address being the console's mailbox for that address when `mailboxUrl` is given.
 */
export function mailNotice(mail: Mail, mailboxUrl?: string): string {
  const where =
    mailboxUrl === undefined ? '' : `  ${mailboxUrl}?${new URLSearchParams({ to: mail.to })}`;
  return `📬  ${mailLine(mail)}${where}`;
}
