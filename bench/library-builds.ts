/**
 * amazon-cognito-identity-js built for Node twice with the site's own resolve settings: as the
 * site ships it (native-BigInt shim) and with its bundled jsbn BigInteger, so a bench can run a
 * whole sign-in both ways; and a Vite plugin that makes a site build keep jsbn.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Library from 'amazon-cognito-identity-js';
import { build, type Plugin } from 'vite';
import siteConfig, { bigIntegerShim } from '../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const LIBRARY = `${sep}amazon-cognito-identity-js${sep}`;

/**
 * A Vite plugin that makes a site build keep the library's own jsbn BigInteger: it resolves the
 * library's `./BigInteger` to the library's file before the site's shim plugin can.
 */
export function keepJsbn(): Plugin {
  return {
    name: 'wild-rydes-bench-keep-jsbn',
    enforce: 'pre',
    resolveId: {
      // Ahead of the site's own shim plugin, which is also `enforce: 'pre'` and listed first.
      order: 'pre',
      handler(source, importer) {
        if (source !== './BigInteger' || !importer?.includes(LIBRARY)) return null;
        return join(dirname(importer), 'BigInteger.js');
      },
    },
  };
}

/** The library, bundled for Node with the site's settings, either BigInteger. */
export async function libraryBuild(bigInteger: 'shim' | 'jsbn'): Promise<typeof Library> {
  const outDir = mkdtempSync(join(tmpdir(), `wild-rydes-library-${bigInteger}-`));
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      define: siteConfig.define ?? {},
      resolve: { alias: siteConfig.resolve?.alias ?? [] },
      plugins: [bigInteger === 'jsbn' ? keepJsbn() : bigIntegerShim()],
      ssr: { noExternal: true },
      build: {
        ssr: resolve(ROOT, 'node_modules/amazon-cognito-identity-js/es/index.js'),
        outDir,
        emptyOutDir: true,
        rollupOptions: { output: { entryFileNames: 'library.mjs' } },
      },
    });
    return (await import(pathToFileURL(join(outDir, 'library.mjs')).href)) as typeof Library;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
