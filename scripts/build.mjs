// Builds dist/: core.js (+ lazy chunks), core.css, the worker scripts, the
// interpreters copied from node_modules, core.d.ts and custom-elements.json.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildDemos } from './build-demos.mjs';
import { inputDigest, stampPath } from './build-stamp.mjs';
import { romfsImage } from './romfs.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const fast = process.argv.includes('--fast'); // skip types and manifest
const digest = await inputDigest(root); // before reading anything, so an edit during the build makes it stale

/** Every `.py` under src/python/: the Python `pyscript` package and its helpers, `{path: text}`. */
async function pythonSources() {
  const base = join(root, 'src/python');
  const files = {};
  for (const entry of (await readdir(base, { recursive: true })).sort()) {
    if (entry.endsWith('.py')) files[entry.split('\\').join('/')] = await readFile(join(base, entry), 'utf8');
  }
  return files;
}

/**
 * The files for the bundled Pyodide: the sources and, beside them in
 * `__pycache__/`, their .pyc files in base64 (scripts/pyodide-bytecode.mjs;
 * not mip.py, MicroPython's). Compiled again only when a source, the script
 * or Pyodide changed: it boots Pyodide in Node (~6 s).
 */
async function pyodideFiles(sources) {
  const script = join(root, 'scripts/pyodide-bytecode.mjs');
  const cache = join(root, 'node_modules/.cache/pyscript-elements/pyodide-bytecode.json'); // not shipped
  const compiled = Object.fromEntries(Object.entries(sources).filter(([path]) => path !== 'mip.py'));
  const key = createHash('sha256').update(pyodideVersion).update(await readFile(script)).update(JSON.stringify(compiled)).digest('hex');
  let bytecode = JSON.parse(await readFile(cache, 'utf8').catch(() => '{}'));
  if (bytecode.key !== key) {
    const output = execFileSync(process.execPath, [script], { cwd: root, input: JSON.stringify(compiled), maxBuffer: 64 * 1024 * 1024 });
    bytecode = { key, files: JSON.parse(output.toString()) };
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, JSON.stringify(bytecode));
  }
  return { ...sources, ...bytecode.files };
}

/**
 * The same files compiled to MicroPython bytecode, as a ROMFS image with
 * them under `lib/` (MicroPython mounts it at /rom; src/runtime/python-package.ts):
 * importing bytecode skips MicroPython's compiler, and from the image it
 * needs no file writes (what each saves: bench/README.md, "Measurement history").
 */
function micropythonImage(sources) {
  const output = execFileSync(process.execPath, ['--no-experimental-fetch', join(root, 'scripts/mpy-compile.cjs')], {
    cwd: root,
    input: JSON.stringify(sources),
    maxBuffer: 64 * 1024 * 1024,
  });
  const bytecode = JSON.parse(output.toString());
  return romfsImage(Object.fromEntries(Object.entries(bytecode).map(([path, base64]) => [`lib/${path}`, Buffer.from(base64, 'base64')])));
}

await mkdir(dist, { recursive: true });

// Interpreters: only the files a browser needs.
const copy = async (from, to, names) => {
  await mkdir(join(dist, to), { recursive: true });
  for (const name of names) await cp(join(root, 'node_modules', from, name), join(dist, to, name));
};
await copy('pyodide', 'pyodide', [
  'pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json', 'package.json',
]);
// The snapshot's brotli decoder (src/runtime/pyodide-snapshot.ts).
await cp(join(root, 'node_modules/brotli-dec-wasm/pkg/brotli_dec_wasm_bg.wasm'), join(dist, 'pyodide/brotli-dec.wasm'));
await copy('@micropython/micropython-webassembly-pyscript', 'micropython', ['micropython.mjs', 'micropython.wasm', 'package.json']);

// Pyodide's wasm as the page downloads it (src/runtime/pyodide-snapshot.ts,
// `decodedWasm`): brotli at its best quality with a 16 MB window, 2.8 MB
// where a host's own brotli makes 3.1 (gzip 3.6, no compression 9.6). Made
// in zlib's thread pool while the snapshot is made below (~30 s of CPU),
// again only for another Pyodide.
const { version: pyodideVersion } = JSON.parse(await readFile(join(root, 'node_modules/pyodide/package.json'), 'utf8'));
const wasmBr = join(dist, 'pyodide/pyodide.asm.wasm.br');
const wasmStamp = join(dist, 'pyodide/wasm.stamp');
const wasmCurrent = existsSync(wasmBr) && existsSync(wasmStamp) && readFileSync(wasmStamp, 'utf8') === `pyodide ${pyodideVersion}\n`;
// Started synchronously: the snapshot's execFileSync below blocks the event loop, not the thread pool.
const compressingWasm = wasmCurrent ? Promise.resolve() : (() => {
  const wasm = readFileSync(join(dist, 'pyodide/pyodide.asm.wasm'));
  const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: wasm.length };
  return promisify(brotliCompress)(wasm, { params })
    .then((compressed) => writeFile(wasmBr, compressed))
    .then(() => writeFile(wasmStamp, `pyodide ${pyodideVersion}\n`));
})();

// Pyodide's memory right after start-up, for a faster boot (see the script).
// Made again only when Pyodide or the script changed (npm gives every
// installed file the same date, so the stamp names Pyodide's version): it
// takes about a minute (brotli at its best quality).
const snapshot = join(dist, 'pyodide/snapshot.bin.br');
const snapshotScript = join(root, 'scripts/pyodide-snapshot.mjs');
const snapshotStamp = join(dist, 'pyodide/snapshot.stamp');
const stamp = `pyodide ${pyodideVersion}, ${createHash('sha256').update(await readFile(snapshotScript)).digest('hex')}\n`;
if (!existsSync(snapshot) || !existsSync(join(dist, 'pyodide/snapshot.json')) || (await readFile(snapshotStamp, 'utf8').catch(() => '')) !== stamp) {
  await rm(join(dist, 'pyodide/snapshot.bin.gz'), { force: true }); // the format before
  execFileSync(process.execPath, [snapshotScript, snapshot, join(dist, 'pyodide/snapshot.json')], { cwd: root, stdio: 'inherit' });
  await writeFile(snapshotStamp, stamp);
}
await compressingWasm;
// snapshot.json names the compressed wasm too: a page keeps it decoded under this digest.
{
  const listingPath = join(dist, 'pyodide/snapshot.json');
  const listing = JSON.parse(await readFile(listingPath, 'utf8'));
  const wasmDigest = createHash('sha256').update(await readFile(wasmBr)).digest('hex');
  if (listing.wasm !== wasmDigest) await writeFile(listingPath, JSON.stringify({ ...listing, wasm: wasmDigest }));
}

// Bytes each bundled interpreter downloads: the `total` of the `interpreter` progress stage.
const sizeOf = async (dir, names) =>
  (await Promise.all(names.map((name) => stat(join(dist, dir, name))))).reduce((sum, info) => sum + info.size, 0);
const interpreterBytes = {
  // python_stdlib.zip is left out: a page booted from the snapshot reads it on demand.
  pyodide: await sizeOf('pyodide', ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm.br', 'pyodide-lock.json', 'snapshot.bin.br', 'brotli-dec.wasm', 'snapshot.json']),
  micropython: await sizeOf('micropython', ['micropython.mjs', 'micropython.wasm']),
};

const common = {
  bundle: true,
  define: { __INTERPRETER_BYTES__: JSON.stringify(interpreterBytes) },
  format: 'esm',
  target: 'es2022',
  minify: !process.env.NO_MINIFY, // NO_MINIFY=1: readable output, for profiling
  sourcemap: 'linked',
  legalComments: 'none',
  loader: { '.py': 'text', '.css': 'text' },
  logLevel: 'warning',
};

// core.js is one file: a chain of static chunk imports costs a round trip
// before anything starts. The Python package is a separate module loaded by
// URL (dist/pyscript-python.js; with Pyodide's .pyc files, dist/pyscript-pyodide.js;
// or its bytecode image, dist/pyscript-micropython.js),
// in parallel with the interpreter.
await build({ ...common, entryPoints: { core: 'src/index.ts' }, outdir: dist });
const sources = await pythonSources();
await writeFile(join(dist, 'pyscript-python.js'), `export default ${JSON.stringify(sources)};\n`);
await writeFile(join(dist, 'pyscript-pyodide.js'), `export default ${JSON.stringify(await pyodideFiles(sources))};\n`);
// micropip is Pyodide's: MicroPython pages do not pay for writing it.
const micropythonSources = Object.fromEntries(Object.entries(sources).filter(([path]) => !path.startsWith('micropip/')));
await writeFile(join(dist, 'pyscript-micropython.js'), `export default ${JSON.stringify(Buffer.from(micropythonImage(micropythonSources)).toString('base64'))};\n`);
// Loaded by URL, from core.js and worker.js alike, only by pages that need
// them (src/runtime/lazy.ts).
await build({
  ...common,
  entryPoints: {
    archive: 'src/runtime/archive.ts',
    toml: 'src/runtime/toml.ts',
    // Reading and checking a config: only pages that have one import it (src/page/page-config.ts).
    config: 'src/runtime/load-config.ts',
    'native-fs': 'src/runtime/native-fs.ts',
    resolver: 'src/runtime/resolver/index.ts',
    'pyodide-snapshot': 'src/runtime/pyodide-snapshot.ts',
    // Workers seen from main (the sync bridge, the service-worker fallback): a page's first worker imports it (runtime/worker-context.ts).
    workers: 'src/runtime/py-worker.ts',
  },
  outdir: dist,
});
// CodeMirror and the editor view: only pages with an editor import it (src/editor/python-editor.ts).
await build({ ...common, entryPoints: { editor: 'src/editor/view.ts' }, outdir: dist });
// xterm.js and the terminal view: only pages with a terminal import it (src/elements/script-terminal.ts),
// and link its styles, dist/terminal.css (a file, not a <style>: strict CSPs allow it).
await build({ ...common, entryPoints: { terminal: 'src/terminal/view.ts' }, outdir: dist });
await build({ ...common, loader: {}, entryPoints: { terminal: 'src/terminal/terminal.css' }, outdir: dist });
// worker.js: one file, so a worker starts after a single request.
if (existsSync(join(root, 'src/worker.ts'))) {
  await build({ ...common, entryPoints: { worker: 'src/worker.ts' }, outdir: dist });
}
// The service worker is registered as a classic script (module service
// workers are not everywhere yet), so it is built alone: one file, no chunks.
if (existsSync(join(root, 'src/sync/service-worker.ts'))) {
  await build({ ...common, format: 'iife', entryPoints: { 'service-worker': 'src/sync/service-worker.ts' }, outdir: dist });
}
await cp(join(root, 'src/core.css'), join(dist, 'core.css'));
// The framework demos (demo/frameworks/*/build/app.js); the tests mount them too.
await buildDemos(root);

if (!fast) {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly'], { cwd: root, stdio: 'inherit' });
  await writeFile(join(dist, 'core.d.ts'), "export * from './types/index.js';\n");
  // Element types for app code: pyscript-elements/react, /vue, /svelte (types only; the .js is empty).
  for (const name of await readdir(join(root, 'types'))) {
    await cp(join(root, 'types', name), join(dist, name));
    if (name !== 'element-props.d.ts') await writeFile(join(dist, name.replace(/\.d\.ts$/, '.js')), 'export {};\n');
  }
  execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--litelement', '--globs', 'src/elements/*.ts', 'src/editor/*.ts', '--exclude', 'src/**/*.test.ts'], { cwd: root, stdio: 'ignore' });
}

await writeFile(stampPath(root), `${digest}\n`);

const { gzipSync } = await import('node:zlib');
const core = await readFile(join(dist, 'core.js'));
console.log(`dist/core.js ${(core.length / 1024).toFixed(1)} KB, ${(gzipSync(core).length / 1024).toFixed(1)} KB gzipped (${relative(root, dist)})`);
