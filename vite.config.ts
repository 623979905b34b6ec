import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { cognitoEmulator } from './emulator/vite.ts';
import { sitePages } from './site-html/render.ts';
import { type BuildConfig, checkConfig, toBuildConfig } from './src/config.ts';

const pages = ['index', 'register', 'verify', 'signin', 'ride', 'callback'] as const;

const BIG_INTEGER_SHIM = resolve(import.meta.dirname, 'src/shims/big-integer.ts');

/**
 * Puts src/shims/big-integer.ts (native BigInt) in place of amazon-cognito-identity-js's own
 * `./BigInteger` (jsbn), which does SRP's math about eight times slower. A plugin rather than an
 * alias: the import is relative, and only the library's may be redirected.
 */
export function bigIntegerShim(): Plugin {
  return {
    name: 'wild-rydes-big-integer-shim',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromLibrary = importer?.replaceAll('\\', '/').includes('/amazon-cognito-identity-js/');
      return source === './BigInteger' && fromLibrary ? BIG_INTEGER_SHIM : null;
    },
  };
}

const RANDOM_INT = '/amazon-cognito-identity-js/es/utils/cryptoSecureRandomInt.js';
const NODE_CRYPTO_FALLBACK = "typeof require === 'function'";

/**
 * Drops amazon-cognito-identity-js's last fallback for random numbers, Node's `require('crypto')`:
 * browsers take `window.crypto` first, and the bare `require` made the bundler ship its CommonJS
 * helpers to every page with the library. The build fails if the library's code has changed.
 */
export function noNodeCryptoFallback(): Plugin {
  return {
    name: 'wild-rydes-no-node-crypto',
    apply: 'build',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith(RANDOM_INT)) return null;
      if (!code.includes(NODE_CRYPTO_FALLBACK)) {
        this.error(`${RANDOM_INT} no longer reads \`${NODE_CRYPTO_FALLBACK}\`; check its fallback`);
      }
      return code.replace(NODE_CRYPTO_FALLBACK, 'false');
    },
  };
}

const CONFIG_MODULE = 'virtual:wild-rydes-config';

/**
 * Checks the site's configuration (src/config.ts's `checkConfig`) once, on the build's env, and
 * hands the pages only the outcome as `virtual:wild-rydes-config` (src/site-config.ts): the checks
 * and their messages stay out of every page. A problem does not stop the build, because the
 * workshop deploys the site before the pool exists and the pages say what to set; the build log
 * says it too.
 */
export function siteConfigModule(): Plugin {
  let checked: BuildConfig | null = null;
  return {
    name: 'wild-rydes-site-config',
    configResolved(config) {
      const result = checkConfig(config.env);
      checked = toBuildConfig(result);
      if (!result.ok && config.command === 'build') {
        config.logger.warn(`Site configuration: ${result.error.message}`);
      }
    },
    resolveId: (source) => (source === CONFIG_MODULE ? `\0${CONFIG_MODULE}` : null),
    load: (id) =>
      id === `\0${CONFIG_MODULE}` ? `export default ${JSON.stringify(checked)};` : null,
  };
}

/** Whether a module id is one of these project files (ids may use either slash). */
const isSource = (files: readonly string[]) => (id: string) =>
  files.some((file) => id.replaceAll('\\', '/').endsWith(`/src/${file}`));

/**
 * The shared chunks, one per set of pages: separately gzipped chunks compress worse, and the
 * automatic split made five of them. The landing page loads only `common`. Every page that talks
 * to Cognito adds `shell` (the page shell, error values and messages, the token store). The form
 * pages add `forms` (the form toolkit, the typed Cognito client, the hosted sign-in buttons),
 * which the ride page fetches only with a panel that needs it. The sign-in and ride pages add
 * `site` (the Cognito library), which the register and verify pages do without. Message tables,
 * the code steps, the MFA and passkey panels and the QR encoder stay chunks of their own, loaded
 * when needed. A group takes its modules' imports along, so the groups that others import come
 * first (higher priority).
 */
const CHUNK_GROUPS = [
  {
    name: 'common',
    priority: 4,
    test: isSource([
      'config.ts',
      'site-config.ts',
      'session.ts',
      'i18n/index.ts',
      'i18n/particles.ts',
      'pages/language-switch.ts',
      'pages/session-notice.ts',
    ]),
  },
  {
    name: 'shell',
    priority: 3,
    test: isSource([
      'entries/table-head-start.ts',
      'auth-errors.ts',
      'token-store.ts',
      'ride-errors.ts',
      'i18n/error-messages.ts',
      'pages/ui.ts',
    ]),
  },
  {
    name: 'forms',
    priority: 2,
    // The hosted sign-in buttons too: verify.html does not show them, but they cost it less than
    // a chunk of their own would cost the sign-in and register pages.
    test: isSource([
      'pages/form-ui.ts',
      'password-rules.ts',
      'cognito-client.ts',
      'pages/hosted-buttons.ts',
      'hosted/start.ts',
    ]),
  },
  {
    name: 'site',
    priority: 1,
    test: (id: string) =>
      /[\\/]node_modules[\\/](amazon-cognito-identity-js|js-cookie)[\\/]/.test(id) ||
      isSource([
        'shims/buffer.ts',
        'shims/sha256.ts',
        'shims/big-integer.ts',
        'shims/fetch-polyfill.ts',
        'cognito-auth.ts',
        'site.ts',
      ])(id),
  },
];

export default defineConfig({
  // Relative asset URLs, so the build also works under a sub-path (S3 path-style URLs).
  base: './',
  // amazon-cognito-identity-js's dependencies read `global`, which browsers do not have.
  define: { global: 'globalThis' },
  resolve: {
    // amazon-cognito-identity-js imports Node's `buffer` and a general SHA-256 package; in
    // browsers the few methods it uses come from our shims, a seventh of their size
    // (tests/site/*-shim.test.ts hold them to Node's own).
    alias: [
      { find: /^buffer$/, replacement: resolve(import.meta.dirname, 'src/shims/buffer.ts') },
      {
        find: /^@aws-crypto\/sha256-js$/,
        replacement: resolve(import.meta.dirname, 'src/shims/sha256.ts'),
      },
      // Leaflet's ES module build, which its package.json does not point at: the bundler can then
      // leave out what the map does not use, and the page needs no CommonJS wrapper for it.
      {
        find: /^leaflet$/,
        replacement: resolve(import.meta.dirname, 'node_modules/leaflet/dist/leaflet-src.esm.js'),
      },
      {
        find: /^isomorphic-unfetch$/,
        replacement: resolve(import.meta.dirname, 'src/shims/fetch-polyfill.ts'),
      },
    ],
  },
  // `npm run dev` with no pool configured talks to the local emulator on the same origin; every
  // page gets the head and header the pages share (site-html/render.ts) and the checked config.
  plugins: [
    cognitoEmulator(),
    sitePages(),
    bigIntegerShim(),
    noNodeCryptoFallback(),
    siteConfigModule(),
  ],
  // The dev server pre-bundles the library; the shim must reach inside that bundle too.
  optimizeDeps: { rolldownOptions: { plugins: [bigIntegerShim()] } },
  build: {
    // Every browser the site supports preloads modules itself; the polyfill would cost every page.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(
        pages.map((page) => [page, resolve(import.meta.dirname, `${page}.html`)]),
      ),
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests need Chromium and a build: `npm run test:e2e` (tests/e2e/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    environment: 'node',
    // The library's ES modules through Vite's pipeline (Node would load its CommonJS build), so
    // tests run it with the same shims browsers get.
    server: { deps: { inline: ['amazon-cognito-identity-js'] } },
    alias: [
      {
        find: /^amazon-cognito-identity-js$/,
        replacement: resolve(
          import.meta.dirname,
          'node_modules/amazon-cognito-identity-js/es/index.js',
        ),
      },
    ],
    testTimeout: 30_000,
  },
});
