/** `npm run emulator`: the local Cognito User Pool emulator on http://127.0.0.1:9229. */

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CLIENT_ID, DEFAULT_POOL_ID } from '../core/config.ts';
import { createNodeEmulator, loadConfigFile, mailNotice } from './node-emulator.ts';
import { exposureWarning, readAllowedOrigins, startServer } from './server.ts';

const USAGE = `Usage: npm run emulator -- [options]

  --port N          port to listen on (default 9229, or $PORT)
  --host HOST       address to listen on (default 127.0.0.1; anything else is reachable
                    by others, and a warning says so)
  --allow-origin O  a web origin whose pages may call the emulator, besides localhost,
                    127.0.0.1 and [::1] on any port (repeatable; or $EMULATOR_ALLOWED_ORIGINS,
                    comma-separated)
  --data-dir DIR    where users and keys are kept (default .emulator/)
  --in-memory       keep nothing on disk
  --config FILE     extra user pools and app clients (JSON)
  --site-url URL    where the site is served (e.g. http://localhost:4173), so the console's
                    mailbox links each code to the site's page that takes it (or
                    $EMULATOR_SITE_URL)
  --help            this text`;

function fail(message: string): never {
  console.error(`emulator: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        config: { type: 'string' },
        'site-url': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  }
  try {
    args = parse();
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const portText = args.port ?? process.env.PORT ?? '9229';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`port must be 0-65535, got ${portText}`);
  if (args['in-memory'] && args['data-dir']) fail('--in-memory and --data-dir exclude each other');
  let allowedOrigins: string[] = [];
  try {
    allowedOrigins = readAllowedOrigins([
      process.env.EMULATOR_ALLOWED_ORIGINS ?? '',
      ...(args['allow-origin'] ?? []),
    ]);
  } catch (error) {
    fail((error as Error).message);
  }

  const siteText = (args['site-url'] ?? process.env.EMULATOR_SITE_URL ?? '').trim();
  const siteUrl = siteText === '' ? undefined : siteText.replace(/\/+$/, '');
  if (siteUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(siteUrl)) {
    fail(`--site-url must be an http(s) URL such as http://localhost:4173, got ${siteText}`);
  }

  const dataDir = args['in-memory'] ? undefined : resolve(args['data-dir'] ?? '.emulator');
  const config = args.config ? loadConfigFile(args.config) : undefined;
  let url = '';
  const emulator = await createNodeEmulator({
    ...(dataDir ? { dataDir } : {}),
    ...(config ? { config } : {}),
    // The server's address is known once it listens; codes can only be sent after that.
    onMail: (mail) => console.log(mailNotice(mail, `${url}/mailbox`)),
    warn: (message) => console.warn(`emulator: ${message}`),
  });
  const server = await startServer(emulator, {
    port,
    allowedOrigins,
    ...(siteUrl ? { siteUrl } : {}),
    ...(args.host ? { host: args.host } : {}),
    ...(config?.rideApi ? { rideApi: config.rideApi } : {}),
  });
  url = server.url;
  const warning = exposureWarning(args.host ?? '127.0.0.1');
  if (warning) console.warn(`emulator: ${warning}`);
  console.log(`Local Cognito emulator on ${server.url}
  user pool     ${emulator.poolIds().join(', ')}   app client ${DEFAULT_CLIENT_ID}
  data          ${dataDir ?? '(in memory)'}
  console       ${server.url}/ (open it in a browser: mailbox, users, groups, pool)
  mailbox       ${server.url}/mailbox (JSON for scripts)
  JWKS          ${server.url}/${DEFAULT_POOL_ID}/.well-known/jwks.json
  AWS CLI       aws cognito-idp list-users --user-pool-id ${DEFAULT_POOL_ID} --endpoint-url ${server.url}
Codes sent to users are printed below.`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`);
  process.exit(1);
});
