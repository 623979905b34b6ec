/**
 * amazon-cognito-identity-js built for Node twice with the site's own resolve settings: as the
 * site ships it (native-BigInt shim) and with its bundled jsbn BigInteger, so a bench can run a
 * whole sign-in both ways; and a Vite plugin that makes a site build keep jsbn.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Library from 'amazon-cognito-identity-js';
import { type Alias, build, type Plugin } from 'vite';
import siteConfig from '../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHIM = resolve(ROOT, 'src/shims/big-integer.ts');

/** The site's aliases, without the BigInteger shim when `jsbn` is asked for. */
function siteAliases(jsbn: boolean): Alias[] {
  const aliases = (siteConfig.resolve?.alias ?? []) as Alias[];
  return jsbn ? aliases.filter((alias) => alias.replacement !== SHIM) : aliases;
}

/** A Vite plugin for a site build that keeps the library's own jsbn BigInteger. */
export function keepJsbn(): Plugin {
  return {
    name: 'wild-rydes-bench-keep-jsbn',
    config(config) {
      config.resolve = { ...config.resolve, alias: siteAliases(true) };
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
      resolve: { alias: siteAliases(bigInteger === 'jsbn') },
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
