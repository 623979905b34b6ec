/**
 * Page weight: for each built page, the JS and CSS a first visit downloads (the page's module
 * script, its modulepreloads and stylesheets), raw, gzip and brotli. Budgets from issue 6.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

export const PAGES = ['index', 'register', 'verify', 'signin', 'ride'] as const;
export type Page = (typeof PAGES)[number];

export interface Weight {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageWeight {
  page: Page;
  js: Weight;
  css: Weight;
  files: string[];
}

const gz = (data: Buffer) => gzipSync(data, { level: 9 }).length;
const br = (data: Buffer) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function weigh(dir: string, files: string[]): Weight {
  return files.reduce<Weight>(
    (sum, file) => {
      const data = readFileSync(join(dir, file));
      return {
        raw: sum.raw + data.length,
        gzip: sum.gzip + gz(data),
        brotli: sum.brotli + br(data),
      };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** The asset URLs an HTML page loads on a first visit. */
export function firstVisitAssets(html: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g))
    js.add(src ?? '');
  for (const [tag = ''] of html.matchAll(/<link[^>]+>/g)) {
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="modulepreload"/.test(tag)) js.add(href);
    if (/rel="stylesheet"/.test(tag)) css.add(href);
  }
  const local = (url: string) => url.replace(/^\.\//, '');
  return { js: [...js].map(local), css: [...css].map(local) };
}

/** Builds the site into a temporary folder and weighs every page. */
export async function measurePageWeights(): Promise<PageWeight[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'wildrydes-bench-'));
  try {
    await build({ root: resolve('.'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return PAGES.map((page) => {
      const { js, css } = firstVisitAssets(readFileSync(join(outDir, `${page}.html`), 'utf8'));
      return { page, js: weigh(outDir, js), css: weigh(outDir, css), files: [...js, ...css] };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Gzip size of the map library as shipped (the ride page's allowance on top of the auth budget). */
export function mapLibraryGzip(): number {
  return gz(readFileSync(resolve('node_modules/leaflet/dist/leaflet.js')));
}

const KB = 1024;

/** The budgets, in gzip bytes of JS; each returns a failure message or null. */
export function checkBudgets(weights: PageWeight[]): string[] {
  const failures: string[] = [];
  const js = (page: Page) =>
    weights.find((w) => w.page === page)?.js.gzip ?? Number.POSITIVE_INFINITY;
  const authBudget = 30 * KB;
  for (const page of ['register', 'verify', 'signin'] as const) {
    if (js(page) > authBudget) failures.push(`${page}: ${kb(js(page))} gzip JS > 30 KB`);
  }
  if (js('index') > 5 * KB) failures.push(`index: ${kb(js('index'))} gzip JS > 5 KB`);
  const rideBudget = authBudget + mapLibraryGzip();
  if (js('ride') > rideBudget)
    failures.push(`ride: ${kb(js('ride'))} gzip JS > ${kb(rideBudget)} (auth + map library)`);
  return failures;
}

/** Bytes as KB with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}
