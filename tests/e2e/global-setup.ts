/**
 * Builds the site once for every browser test file: a production build with no `VITE_*`
 * settings, as the workshop's order of steps first deploys it (before a user pool exists).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the production build made without any configuration. */
    unconfiguredBuild: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'wild-rydes-dist-'));
  await buildSite(outDir);
  project.provide('unconfiguredBuild', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
