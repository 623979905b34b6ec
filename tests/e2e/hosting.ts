/**
 * Hosting as Amplify (or CloudFront in front of S3) does it: the build's files with the response
 * headers of `customHttp.yml`, at the root and under a sub-path, and the emulator proxied onto the
 * same origin, so that `connect-src 'self'` covers it as it covers a same-origin API.
 */
import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  request as proxyRequest,
  type ServerResponse,
} from 'node:http';
import { resolve } from 'node:path';
import { ROOT, type SiteServer, sendBuildFile } from './site.ts';

/** One `customHeaders` entry of customHttp.yml: a path pattern and its headers, in order. */
export interface CustomHeaders {
  readonly pattern: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/** The headers customHttp.yml sets for every path (`pattern: "**"`), in file order. */
export function amplifyHeaders(file = resolve(ROOT, 'customHttp.yml')): [string, string][] {
  const rules = readCustomHttp(readFileSync(file, 'utf8'));
  const all = rules.filter((rule) => rule.pattern === '**');
  if (all.length !== rules.length) {
    throw new Error(
      'customHttp.yml has patterns other than "**"; teach the e2e reader to match them',
    );
  }
  return all.flatMap((rule) =>
    rule.headers.map(([name, value]): [string, string] => [name, value]),
  );
}

/**
 * Reads the small part of YAML that customHttp.yml uses: a `customHeaders` list of
 * `pattern` + `headers` (a list of `key` / `value`), scalars plain or quoted. Anything else is an
 * error, so a file this reader would misread fails the tests instead of passing them.
 */
export function readCustomHttp(yaml: string): CustomHeaders[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  let pendingKey: string | null = null;
  let inHeaders = false;
  for (const [index, raw] of yaml.split('\n').entries()) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const where = `customHttp.yml line ${index + 1}`;
    const entry = /^(\s*)(- )?([A-Za-z]+):(?: (.*))?$/.exec(line);
    if (entry === null) throw new Error(`${where}: cannot read "${line}"`);
    const [, , dash = '', name = '', rawValue] = entry;
    const value = rawValue === undefined ? null : scalar(rawValue, where);
    const rule = rules.at(-1);
    if (name === 'customHeaders' && dash === '' && value === null) continue;
    if (name === 'pattern' && dash !== '' && value !== null) {
      rules.push({ pattern: value, headers: [] });
      inHeaders = false;
    } else if (name === 'headers' && dash === '' && value === null && rule !== undefined) {
      inHeaders = true;
    } else if (
      name === 'key' &&
      dash !== '' &&
      value !== null &&
      inHeaders &&
      pendingKey === null
    ) {
      pendingKey = value;
    } else if (name === 'value' && dash === '' && value !== null && pendingKey !== null && rule) {
      rule.headers.push([pendingKey, value]);
      pendingKey = null;
    } else {
      throw new Error(`${where}: unexpected "${line.trim()}"`);
    }
  }
  if (pendingKey !== null) throw new Error(`customHttp.yml: header ${pendingKey} has no value`);
  return rules;
}

function scalar(text: string, where: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted !== null) {
    const [, quote, inner = ''] = quoted;
    if (quote === "'") return inner.replaceAll("''", "'");
    if (/\\/.test(inner)) throw new Error(`${where}: escapes in double quotes are not supported`);
    return inner;
  }
  if (/^["']|\s#/.test(text)) throw new Error(`${where}: cannot read the value ${text}`);
  return text;
}

/** What `serveLikeAmplify` serves. */
export interface HostingOptions {
  /** The build folder; read on every request, so it may be filled after the server starts. */
  readonly outDir: string;
  /** Response headers for every file (customHttp.yml's). */
  readonly headers: readonly (readonly [string, string])[];
  /** Where else the same files are served, e.g. `/bucket/` as an S3 path-style URL. */
  readonly subPath: string;
  /** `/emulator/…` is forwarded to this origin's `/…` (the standalone emulator). */
  readonly emulator: string;
}

/** The hosted site: its root URL, and the same origin's emulator base (`…/emulator/`). */
export interface HostedSite extends SiteServer {
  readonly origin: string;
  readonly emulatorBase: string;
}

/** The emulator's mount point on the hosting origin. */
export const EMULATOR_PATH = '/emulator/';

/** Serves a build like Amplify Hosting with customHttp.yml, with the emulator on the same origin. */
export async function serveLikeAmplify(options: HostingOptions): Promise<HostedSite> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path.startsWith(EMULATOR_PATH)) {
      forward(request, response, options.emulator, path.slice(EMULATOR_PATH.length - 1));
      return;
    }
    const inside = path.startsWith(options.subPath) ? path.slice(options.subPath.length) : path;
    for (const [name, value] of options.headers) response.setHeader(name, value);
    sendBuildFile(
      response,
      options.outDir,
      inside === '' || inside === '/' ? 'index.html' : inside,
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port to serve on');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: `${origin}/`,
    emulatorBase: `${origin}${EMULATOR_PATH}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A plain reverse proxy: the same method, headers (but Host) and body, answer streamed back. */
function forward(
  request: IncomingMessage,
  response: ServerResponse,
  target: string,
  path: string,
): void {
  const query = new URL(request.url ?? '/', 'http://localhost').search;
  const { host: _host, ...headers } = request.headers;
  const outgoing = proxyRequest(
    new URL(`${path}${query}`, target),
    { method: request.method ?? 'GET', headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end('The emulator did not answer');
  });
  request.pipe(outgoing);
}
