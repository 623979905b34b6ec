/** Browser tests (`npm run test:e2e`): Debian's Chromium against the built site. */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // A browser start and a page load or two per test; slow machines need room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
