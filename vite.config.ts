import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { cognitoEmulator } from './emulator/vite.ts';

const pages = ['index', 'register', 'verify', 'signin', 'ride'] as const;

export default defineConfig({
  // Relative asset URLs, so the build also works under a sub-path (S3 path-style URLs).
  base: './',
  // amazon-cognito-identity-js bundles a `buffer` polyfill that reads `global`.
  define: { global: 'globalThis' },
  // `npm run dev` with no pool configured talks to the local emulator on the same origin.
  plugins: [cognitoEmulator()],
  build: {
    rollupOptions: {
      input: Object.fromEntries(
        pages.map((page) => [page, resolve(import.meta.dirname, `${page}.html`)]),
      ),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests need Chromium and a build: `npm run test:e2e` (tests/e2e/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
