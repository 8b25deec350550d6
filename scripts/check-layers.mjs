// Fails when a module under src/ imports across the layers (run by `npm test`'s
// pretest, so CI fails too). The layers, top to bottom:
//
//   entry      src/index.ts, src/warm-up.ts   may import anything
//   worker     src/worker.ts                  runtime, sync, errors
//   elements   src/elements/                  page, runtime, errors
//   editor     src/editor/                    page, runtime, errors
//   page       src/page/                      runtime, errors
//   runtime    src/runtime/                   sync, errors
//   sync       src/sync/                      errors
//   errors     src/errors.ts                  nothing
//
// Elements and the editor are siblings: neither imports the other. Type-only
// imports count (a type names a dependency too). Test files (`*.test.ts`) are
// left out. Each layer folder's README.md says the same in words, in a line
// `May import: …` that this script checks against RULES too.
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
  errors: [],
};

/** The layer of a path relative to src/ (`elements/py-script.ts`), or undefined for one outside every layer. */
export function layerOf(path) {
  const [first, second] = path.split('/');
  if (second !== undefined) return ['elements', 'editor', 'page', 'runtime', 'sync'].includes(first) ? first : undefined;
  if (first === 'index.ts' || first === 'warm-up.ts') return 'entry';
  if (first === 'worker.ts') return 'worker';
  if (first === 'errors.ts') return 'errors';
  return undefined;
}

/** The module specifiers `source` imports: static, `export … from`, `import()` and `typeof import()`. */
export function importsOf(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  const found = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
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
    for (const specifier of importsOf(source)) {
      if (!specifier.startsWith('.')) continue; // a package
      const target = relative('/src', resolve('/src', dirname(path), specifier)).replace(/\.js$/, '.ts');
      const to = target.startsWith('..') ? undefined : layerOf(target);
      if (to === from || (to && RULES[from].includes(to))) continue;
      problems.push(`${path} imports ${specifier} (${from} → ${to ?? 'outside the layers'})`);
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
  for (const layer of ['elements', 'editor', 'page', 'runtime', 'sync']) {
    const line = /^May import: (.*)\.$/m.exec(readmes[layer] ?? '')?.[1];
    const listed = line?.split(',').map((name) => name.trim()).sort().join(', ');
    const expected = [...RULES[layer]].sort().join(', ');
    if (listed !== expected) problems.push(`src/${layer}/README.md: says "May import: ${line ?? '(no such line)'}", the rule is "${expected}"`);
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
