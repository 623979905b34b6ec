/** Browser tests (`npm run test:e2e`): Debian's Chromium against the built site. */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // A test that passes on a second try has a race: it fails, so the race gets fixed.
    retry: 0,
    // At most two tests of a file at once: more only share the same two cores, each of their
    // waits the longer for it, with no run the shorter.
    maxConcurrency: 2,
    // Each wait has its own limit (PATIENCE_MS in eventually.ts) and fails there, naming what it
    // waited for; a test's limit only has to cover all of its steps on a 2-core machine that
    // other processes keep busy.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
