// Fails when a module under src/ imports across the layers (run by `npm test`'s
// pretest, so CI fails too). The layers, top to bottom:
//
//   entry      src/index.ts, src/warm-up.ts   may import anything
//   worker     src/worker.ts                  runtime, sync, errors
//   elements   src/elements/                  page, runtime, errors (+ terminal's types)
//   editor     src/editor/                    page, runtime, errors
//   page       src/page/                      runtime, errors
//   runtime    src/runtime/                   sync, errors
//   sync       src/sync/                      errors
//   terminal   src/terminal/                  nothing
//   errors     src/errors.ts                  nothing
//
// Elements and the editor are siblings: neither imports the other. Type-only
// imports count (a type names a dependency too). The terminal is its own
// program (dist/terminal.js, xterm.js inside): the elements load it by URL,
// so they may name its types (`import type`, `typeof import()`) but never
// import its code, which would put xterm.js into core.js (TYPES_ONLY).
// Test files (`*.test.ts`) are left out. Each layer folder's README.md says
// the same in words, in a line `May import: …` (and `May name the types of:
// …` for TYPES_ONLY) that this script checks against the rules too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What each layer may import, besides itself. */
export const RULES = {
  entry: ['worker', 'elements', 'editor', 'page', 'runtime', 'sync', 'errors'],
  worker: ['runtime', 'sync', 'errors'],
  elements: ['page', 'runtime', 'errors'],
  editor: ['page', 'runtime', 'errors'],
  page: ['runtime', 'errors'],
  runtime: ['sync', 'errors'],
  sync: ['errors'],
  terminal: [],
  errors: [],
};

/** Layers another may only name the types of (its code is loaded by URL, as a file of its own). */
export const TYPES_ONLY = {
  elements: ['terminal'],
};

const FOLDERS = ['elements', 'editor', 'page', 'runtime', 'sync', 'terminal'];

/** The layer of a path relative to src/ (`elements/py-script.ts`), or undefined for one outside every layer. */
export function layerOf(path) {
  const [first, second] = path.split('/');
  if (second !== undefined) return FOLDERS.includes(first) ? first : undefined;
  if (first === 'index.ts' || first === 'warm-up.ts') return 'entry';
  if (first === 'worker.ts') return 'worker';
  if (first === 'errors.ts') return 'errors';
  return undefined;
}

/** The module specifiers `source` imports: static, `export … from`, `import()` and `typeof import()`. */
export function importsOf(source) {
  return importsWithKind(source).map((found) => found.specifier);
}

/**
 * The same, each with `typeOnly`: true for `import type … from`,
 * `export type … from` and `typeof import()`, which name types and load nothing.
 */
export function importsWithKind(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  const found = [];
  const patterns = [
    [/\b(import|export)\s([^'"`;]*?)\bfrom\s*['"]([^'"]+)['"]/g, (match) => /^type\s/.test(match[2])],
    [/\b()()import\s*['"]([^'"]+)['"]/g, () => false],
    [/(typeof\s+)?\bimport\s*\(\s*()['"]([^'"]+)['"]/g, (match) => Boolean(match[1])],
  ];
  for (const [pattern, isType] of patterns) {
    for (const match of code.matchAll(pattern)) found.push({ specifier: match[3], typeOnly: isType(match) });
  }
  return found;
}

/**
 * Every forbidden import among `files` (`{path: source}`, paths relative to
 * src/), as `from → to (layer → layer)` lines. Imports of packages are not
 * checked; relative ones that leave src/ or land outside every layer are
 * reported.
 */
export function checkLayers(files) {
  const problems = [];
  for (const [path, source] of Object.entries(files)) {
    const from = layerOf(path);
    if (!from) {
      problems.push(`${path}: not in any layer (add it to scripts/check-layers.mjs)`);
      continue;
    }
    for (const { specifier, typeOnly } of importsWithKind(source)) {
      if (!specifier.startsWith('.')) continue; // a package
      const target = relative('/src', resolve('/src', dirname(path), specifier)).replace(/\.js$/, '.ts');
      const to = target.startsWith('..') ? undefined : layerOf(target);
      if (to === from || (to && RULES[from].includes(to))) continue;
      if (to && typeOnly && TYPES_ONLY[from]?.includes(to)) continue;
      const only = to && TYPES_ONLY[from]?.includes(to) ? ', types only: load it by URL' : '';
      problems.push(`${path} imports ${specifier} (${from} → ${to ?? 'outside the layers'}${only})`);
    }
  }
  return problems;
}

/**
 * The layer folders whose README (`{folder: text}`) lacks the line
 * `May import: a, b.` or names other layers than {@link RULES}.
 */
export function checkReadmes(readmes) {
  const problems = [];
  const check = (layer, label, rule) => {
    const line = new RegExp(`^${label}: (.*)\\.$`, 'm').exec(readmes[layer] ?? '')?.[1];
    const listed = line === 'nothing' ? '' : line?.split(',').map((name) => name.trim()).sort().join(', ');
    const expected = [...rule].sort().join(', ');
    if (listed !== expected) problems.push(`src/${layer}/README.md: says "${label}: ${line ?? '(no such line)'}", the rule is "${expected || 'nothing'}"`);
  };
  for (const layer of FOLDERS) {
    check(layer, 'May import', RULES[layer]);
    if (TYPES_ONLY[layer]) check(layer, 'May name the types of', TYPES_ONLY[layer]);
  }
  return problems;
}

/** The TypeScript sources under `dir`, tests left out, as `{path: source}`. */
export function readSources(dir) {
  const files = {};
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = entry.split('\\').join('/');
    if (!path.endsWith('.ts') || path.endsWith('.test.ts') || path.endsWith('.d.ts')) continue;
    files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const readme = (layer) => {
    try {
      return readFileSync(join(src, layer, 'README.md'), 'utf8');
    } catch {
      return '';
    }
  };
  const problems = [
    ...checkLayers(readSources(src)),
    ...checkReadmes(Object.fromEntries(Object.keys(RULES).map((layer) => [layer, readme(layer)]))),
  ];
  if (problems.length) {
    console.error(`Forbidden imports, or folder READMEs that say otherwise (see the layers in scripts/check-layers.mjs):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}
