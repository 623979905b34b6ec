/**
 * The emulator's module graph, read from its files: no module imports itself back, directly or
 * around a loop (type-only imports count: they tie the modules' design together all the same),
 * and the core imports nothing outside `emulator/core`, so it runs wherever the adapters take it.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');

/** Who imports whom: each module's path from the repository root → the specifiers it names. */
type ImportGraph = Map<string, string[]>;

// `import … from '…'`, `import type … from '…'`, `export … from '…'` (the braces may span
// lines), `import '…'` and `import('…')`. Statements start a line, so prose in comments is not read.
const IMPORT =
  /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The module specifiers a source file imports or re-exports, in order. */
function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** A relative specifier as a path from the repository root; undefined for a package. */
function target(from: string, specifier: string): string | undefined {
  return specifier.startsWith('.') ? posix.join(posix.dirname(from), specifier) : undefined;
}

/** Every `.ts` module under the folder, with what it imports. */
function readGraph(folder: string): ImportGraph {
  const files = readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => posix.join(folder, name.split('\\').join('/')))
    .sort();
  return new Map(
    files.map((file) => [file, importsOf(readFileSync(join(REPO, file), 'utf8'))] as const),
  );
}

/** One import loop as the modules along it, first module repeated at the end; undefined if none. */
function findLoop(graph: ImportGraph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (module: string): string[] | undefined => {
    const open = path.indexOf(module);
    if (open !== -1) return [...path.slice(open), module];
    if (done.has(module)) return undefined;
    path.push(module);
    for (const specifier of graph.get(module) ?? []) {
      const next = target(module, specifier);
      const loop = next === undefined ? undefined : visit(next);
      if (loop) return loop;
    }
    path.pop();
    done.add(module);
    return undefined;
  };
  for (const module of graph.keys()) {
    const loop = visit(module);
    if (loop) return loop;
  }
  return undefined;
}

/** `from → specifier` for every import of a module under `folder` that leaves the folder. */
function importsLeaving(graph: ImportGraph, folder: string): string[] {
  return [...graph].flatMap(([module, specifiers]) =>
    module.startsWith(`${folder}/`)
      ? specifiers
          .filter((specifier) => !target(module, specifier)?.startsWith(`${folder}/`))
          .map((specifier) => `${module} → ${specifier}`)
      : [],
  );
}

describe('how the emulator reads module graphs', () => {
  it('reads type-only imports, multi-line imports, re-exports and bare imports, not strings', () => {
    const source = [
      "import type { Pool } from './pool.ts';",
      'import {',
      '  clientOf,',
      '  type Operation,',
      "} from '../flows/request.ts';",
      "export { signUp } from './sign-up.ts';",
      "export type * from './types.ts';",
      "import './side-effect.ts';",
      "const lazy = () => import('./lazy.ts');",
      'const text = \'import x from "./not-an-import.ts"\';',
      ' * A comment that says import nothing from anywhere.',
    ].join('\n');
    expect(importsOf(source)).toEqual([
      './pool.ts',
      '../flows/request.ts',
      './sign-up.ts',
      './types.ts',
      './side-effect.ts',
      './lazy.ts',
    ]);
  });

  it('finds a loop around three modules and names them in import order', () => {
    const graph: ImportGraph = new Map([
      ['e/entry.ts', ['./a.ts']],
      ['e/a.ts', ['./b/b.ts', 'some-package']],
      ['e/b/b.ts', ['../c.ts']],
      ['e/c.ts', ['./a.ts']],
    ]);
    expect(findLoop(graph)).toEqual(['e/a.ts', 'e/b/b.ts', 'e/c.ts', 'e/a.ts']);
  });

  it('finds a module that imports itself, and no loop where imports only fan in', () => {
    expect(findLoop(new Map([['e/a.ts', ['./a.ts']]]))).toEqual(['e/a.ts', 'e/a.ts']);
    const diamond: ImportGraph = new Map([
      ['e/top.ts', ['./left.ts', './right.ts']],
      ['e/left.ts', ['./bottom.ts']],
      ['e/right.ts', ['./bottom.ts']],
      ['e/bottom.ts', []],
    ]);
    expect(findLoop(diamond)).toBeUndefined();
  });

  it('names imports that leave a folder, packages included', () => {
    const graph: ImportGraph = new Map([
      ['e/core/a.ts', ['./b.ts', '../msw.ts', 'node:fs']],
      ['e/core/b.ts', ['./sub/c.ts']],
      ['e/msw.ts', ['./core/a.ts', 'msw']],
    ]);
    expect(importsLeaving(graph, 'e/core')).toEqual([
      'e/core/a.ts → ../msw.ts',
      'e/core/a.ts → node:fs',
    ]);
  });
});

describe('the emulator’s modules', () => {
  const graph = readGraph('emulator');

  it('import only modules that exist, named with their .ts ending', () => {
    const dangling = [...graph].flatMap(([module, specifiers]) =>
      specifiers
        .map((specifier) => target(module, specifier))
        .filter((path) => path !== undefined && !graph.has(path))
        .map((path) => `${module} → ${path}`),
    );
    expect(dangling).toEqual([]);
    expect(graph.get('emulator/core/emulator.ts')).toContain('./config.ts');
  });

  it('import no module that imports them back, directly or around a loop', () => {
    const loop = findLoop(graph);
    expect(loop, `import loop: ${loop?.join(' → ')}`).toBeUndefined();
  });

  it('in the core import nothing from outside emulator/core, not even a package', () => {
    expect(importsLeaving(graph, 'emulator/core')).toEqual([]);
  });

  it('in operations/ are operations alone: what two of them share lives in flows/ or pool/', () => {
    const operations = 'emulator/core/operations';
    const shared = [...graph].flatMap(([module, specifiers]) =>
      module.startsWith(`${operations}/`) && module !== `${operations}/index.ts`
        ? specifiers
            .filter((specifier) => target(module, specifier)?.startsWith(`${operations}/`))
            .map((specifier) => `${module} → ${specifier}`)
        : [],
    );
    expect(shared).toEqual([]);
    expect(graph.get(`${operations}/index.ts`)).toContain('./sign-up.ts');
  });
});
