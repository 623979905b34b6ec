/**
 * The site for browser tests: `npm run dev`'s server (Vite's dev server with the emulator mounted,
 * in memory), and the production build with chosen `VITE_*` settings, served by `vite preview` at
 * a root URL and by a small static server under a sub-path, the way an S3 path-style URL
 * (`https://s3.amazonaws.com/BUCKET/signin.html`) serves it.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build, createServer as createViteServer, type Plugin, preview } from 'vite';

/** The repository. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The site's pages, one HTML file each. */
export const PAGES = ['index', 'register', 'verify', 'signin', 'ride'] as const;

/** One of the site's pages. */
export type PageName = (typeof PAGES)[number];

/**
 * Builds the site into `outDir` with exactly the `VITE_*` settings given: no `.env*` file of the
 * working copy and no `VITE_*` variable of the calling shell gets in. `plugins` join the site's
 * own (the bench builds a variant with them).
 */
export async function buildSite(
  outDir: string,
  env: Readonly<Record<string, string>> = {},
  plugins: Plugin[] = [],
): Promise<void> {
  const envDir = mkdtempSync(join(tmpdir(), 'wild-rydes-env-'));
  const lines = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  writeFileSync(join(envDir, '.env'), `${lines.join('\n')}\n`);
  // Vite builds in dev mode (import.meta.env.DEV, the local emulator) when NODE_ENV is not
  // production: vitest sets `test`.
  try {
    await withoutOutsideSettings({ NODE_ENV: 'production' }, () =>
      build({
        root: ROOT,
        configFile: resolve(ROOT, 'vite.config.ts'),
        mode: 'production',
        envDir,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
        plugins,
      }),
    );
  } finally {
    rmSync(envDir, { recursive: true, force: true });
  }
}

/**
 * Runs `task` with no `VITE_*` variable of the calling shell in the environment (Vite gives them
 * priority over .env files) and with `settings` set, then puts everything back.
 */
async function withoutOutsideSettings<T>(
  settings: Readonly<Record<string, string>>,
  task: () => Promise<T>,
): Promise<T> {
  const outside = Object.entries(process.env).filter(
    ([name]) => name.startsWith('VITE_') || Object.hasOwn(settings, name),
  );
  for (const [name] of outside) delete process.env[name];
  Object.assign(process.env, settings);
  try {
    return await task();
  } finally {
    for (const name of Object.keys(settings)) delete process.env[name];
    for (const [name, value] of outside) process.env[name] = value;
  }
}

/**
 * Starts `npm run dev`'s server (the repository's vite.config.ts) on a free port of 127.0.0.1,
 * with no `.env*` file of the working copy, the emulator in memory, and no file watching (an edit
 * in the working copy must not reload a page mid-test).
 */
export async function startDevServer(): Promise<SiteServer> {
  const envDir = mkdtempSync(join(tmpdir(), 'wild-rydes-env-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'wild-rydes-vite-cache-'));
  const server = await withoutOutsideSettings({ EMULATOR_DATA_DIR: 'memory' }, async () => {
    const created = await createViteServer({
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      mode: 'development',
      envDir,
      cacheDir,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
    });
    return created.listen();
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('the dev server reported no local URL');
  return {
    url,
    close: async () => {
      await server.close();
      for (const dir of [envDir, cacheDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A running server and the URL the site is at (ending in `/`). */
export interface SiteServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a build with `vite preview` on a free port of 127.0.0.1. */
export async function previewSite(outDir: string): Promise<SiteServer> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview reported no local URL');
  return { url, close: () => server.close() };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Answers with the file at `path` inside the build folder `outDir` (as a static host would), or
 * 404 when there is none or the path leads outside the folder.
 */
export function sendBuildFile(response: ServerResponse, outDir: string, path: string | null): void {
  const base = resolve(outDir);
  const file = path === null ? '' : normalize(join(base, path));
  if (!file.startsWith(base + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
}

/**
 * Serves a build under `prefix` only (e.g. `/bucket/`), like an S3 bucket's path-style URL:
 * anything outside it, such as an absolute `/assets/…` URL, is a 404.
 */
export async function serveUnderSubPath(outDir: string, prefix: string): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    sendBuildFile(response, outDir, path.startsWith(prefix) ? path.slice(prefix.length) : null);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port to serve on');
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
