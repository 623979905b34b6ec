/**
 * Page weight: for each built page, the JS and CSS a first visit downloads, raw, gzip and brotli,
 * in English and in Korean. Budgets from issue 6, held for both languages.
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

interface ManifestChunk {
  file: string;
  src?: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

export type Language = 'en' | 'ko';
const LANGUAGES: readonly Language[] = ['en', 'ko'];

/**
 * The parts of the message table each page loads as it starts (src/entries/*.ts), on a configured
 * site: the configuration notice's part, which only a build with a configuration problem loads
 * (src/site.ts), is not counted, though this bench builds without settings.
 */
const PAGE_PARTS: Record<Page, readonly string[]> = {
  index: ['site'],
  register: ['site', 'forms'],
  verify: ['site', 'forms'],
  signin: ['site', 'forms'],
  ride: ['site', 'forms', 'ride'],
};

/**
 * What a first visit downloads, from Vite's manifest: the page's module and everything it imports
 * statically (the modulepreloads), their CSS, and the parts of the message table in the visitor's
 * language that the page loads as it starts (none for the landing page in English, whose markup
 * is its text).
 */
export function firstVisitAssets(
  manifest: Record<string, ManifestChunk>,
  page: Page,
  language: Language,
): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (js.has(chunk.file)) return;
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(`${page}.html`);
  if (!(page === 'index' && language === 'en')) {
    for (const part of PAGE_PARTS[page]) visit(`src/i18n/tables/${language}-${part}.ts`);
  }
  return { js: [...js], css: [...css] };
}

/** Builds the site into a temporary folder and weighs every page in both languages. */
export async function measurePageWeights(): Promise<(PageWeight & { language: Language })[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'wildrydes-bench-'));
  try {
    await build({
      root: resolve('.'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
    return PAGES.flatMap((page) =>
      LANGUAGES.map((language) => {
        const { js, css } = firstVisitAssets(manifest, page, language);
        return {
          page,
          language,
          js: weigh(outDir, js),
          css: weigh(outDir, css),
          files: [...js, ...css],
        };
      }),
    );
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
  // The heavier language counts.
  const js = (page: Page) =>
    Math.max(...weights.filter((w) => w.page === page).map((w) => w.js.gzip));
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
