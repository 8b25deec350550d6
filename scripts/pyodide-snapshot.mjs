// Boots the bundled Pyodide once, in Node, and writes its memory right after
// start-up to dist/pyodide/snapshot.bin.br, and the modules it holds to
// dist/pyodide/snapshot.json. Booting from it in the browser
// skips CPython's own initialisation (measured here: raw loadPyodide() 6.6 s
// → 2.8–3.1 s). Run by scripts/build.mjs as a child process.
//
// What Node sets differently from a browser is put back first, so a page
// cannot tell a snapshot boot from a fresh one: Node's script path, which
// would leak the build machine's, in `sys.executable`, `sys._base_executable`,
// `sys.orig_argv` and the `_` variable, and the hash seed's variable
// (`HASH_SEED`) in `os.environ`. The browser puts
// back what must differ per page (LANG, the random seed) and what the
// restore itself changes (sys.path): see src/runtime/pyodide.ts.
//
// Only what the browser cannot rebuild is stored. A freshly instantiated
// module's memory already holds the wasm's data segments (and zeros
// elsewhere): of the 31 MB, about 3.5k of 7.7k 4 KB pages differ from it
// after start-up. The file keeps those pages XOR'd with the fresh memory
// (mostly zeros where a static table barely changed), brotli-compressed;
// src/runtime/pyodide-snapshot.ts rebuilds the memory from the fresh one.
// Sizes and the other codecs tried: bench/README.md, "Measurement history".
//
// Layout of the decompressed stream (little-endian):
//   u32 length of the JSON, the JSON ({@link SnapshotInfo}), zero padding to
//   a multiple of 4, Pyodide's snapshot header (`header` bytes), then the
//   stored pages in order, 4096 bytes each.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { loadPyodide, version } from 'pyodide';
import createModule from 'pyodide/pyodide.asm.mjs';

const PAGE = 4096;
const [output, modulesOutput] = process.argv.slice(2);

// The memory as the browser will have it when the restore starts: the
// first preRun callback sees the instantiated module before anything ran.
let fresh;
const createPyodideModule = (settings) => {
  settings.preRun.unshift((Module) => { fresh = Module.HEAPU8.slice(); });
  return createModule(settings);
};
// Python's string hash secret is fixed: of ten seeds, four gave a snapshot
// ~8% smaller than the other six (bench/README.md, "Measurement history"),
// and a random one made the file's size, and the page's download, vary from
// build to build. Nothing is lost: whatever the seed, every page of a build
// shares it, and anyone can read it in the published snapshot.
const HASH_SEED = '1';
const pyodide = await loadPyodide({
  _makeSnapshot: true, createPyodideModule, env: { PYTHONHASHSEED: HASH_SEED },
  stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`),
});
pyodide.runPython(`
import os, sys
sys.executable = sys._base_executable = "/home/pyodide/this.program"
sys.orig_argv[0] = os.environ["_"] = "./this.program"
del os.environ["PYTHONHASHSEED"]
del os, sys
`);
zeroFreeMemory(pyodide._module);
const snapshot = pyodide.makeMemorySnapshot();
const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4)[1]; // where the memory starts
const memory = Buffer.from(snapshot.buffer, snapshot.byteOffset + header, snapshot.length - header);
fresh = Buffer.from(fresh.buffer, fresh.byteOffset, fresh.length);

/**
 * Zeroes the heap's free memory. What start-up allocated and freed (the
 * zip's reads, buffers of unmarshalling) keeps its bytes after `free`, and
 * those pages would be stored, as poorly compressible garbage; zeroed, most
 * of them equal the fresh memory and are not stored at all. Every free
 * block is taken with `malloc` (largest first, so big free chunks are not
 * cut up by small requests), zeroed and given back; a request is made only
 * while the program break cannot pass the end of the memory, so the memory
 * never grows (its size is the snapshot's).
 */
function zeroFreeMemory(Module) {
  const held = [];
  for (let size = 1 << 24; size >= 16; size >>= 1) {
    while (Module._sbrk(0) + size + 65536 <= Module.HEAPU8.length) {
      const block = Module._malloc(size);
      if (!block) break;
      Module.HEAPU8.fill(0, block, block + size);
      held.push(block);
    }
  }
  for (const block of held) Module._free(block);
}

/** The check the browser repeats: a hash of the fresh pages it keeps as they are. */
function pageHash(bytes, hash) {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  for (let i = 0; i < words.length; i++) hash = (Math.imul(hash, 31) + words[i]) | 0;
  return hash;
}

const stored = [];
const runs = [];
const keptRuns = [];
/** Stored pages whose fresh content is not all zero, `[page, position among the stored, count]` runs: only they need the XOR undone. */
const xorRuns = [];
let check = 0;
/** Appends `page` to a list of `[first, count]` runs. */
const add = (list, page) => {
  const last = list.at(-1);
  if (last && last[0] + last[1] === page) last[1]++;
  else list.push([page, 1]);
};
for (let page = 0; page * PAGE < memory.length; page++) {
  const now = memory.subarray(page * PAGE, (page + 1) * PAGE);
  const before = fresh.subarray(page * PAGE, (page + 1) * PAGE);
  if (Buffer.compare(now, before) === 0) {
    // Kept from the fresh memory: the browser hashes the non-zero ones.
    if (before.some((byte) => byte !== 0)) {
      check = pageHash(before, check);
      add(keptRuns, page);
    }
    continue;
  }
  if (before.some((byte) => byte !== 0)) {
    const last = xorRuns.at(-1);
    if (last && last[0] + last[2] === page && last[1] + last[2] === stored.length) last[2]++;
    else xorRuns.push([page, stored.length, 1]);
  }
  const xor = new Uint8Array(PAGE);
  for (let i = 0; i < PAGE; i++) xor[i] = now[i] ^ before[i];
  stored.push(xor);
  add(runs, page);
}

// `pages`: the stored pages; `kept`: the non-zero pages taken from the fresh
// memory as they are, whose `check` (pageHash) the browser verifies; `xor`:
// the stored pages whose XOR the browser undoes (the rest were XOR'd with zeros).
/** @typedef {{ pyodide: string, memory: number, header: number, page: number, pages: [number, number][], kept: [number, number][], check: number, xor: [number, number, number][] }} SnapshotInfo */
const info = { pyodide: version, memory: memory.length, header, page: PAGE, pages: runs, kept: keptRuns, check, xor: xorRuns };
const json = new TextEncoder().encode(JSON.stringify(info));
const prefix = new Uint8Array(4 + Math.ceil(json.length / 4) * 4);
new DataView(prefix.buffer).setUint32(0, json.length, true);
prefix.set(json, 4);
const raw = Buffer.concat([prefix, snapshot.subarray(0, header), ...stored]);
const compressed = brotliCompressSync(raw, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 11,
    [constants.BROTLI_PARAM_LGWIN]: 24,
    [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
  },
});
await writeFile(output, compressed);
// The modules the snapshot holds, for src/runtime/pyodide-stdlib.ts to tell
// whether a page's imports need python_stdlib.zip (Pyodide pages only fetch
// this list). Listed after the snapshot, so the listing leaves nothing in it.
if (modulesOutput) {
  const listed = JSON.parse(pyodide.runPython(`
import sys, json
_modules = sorted(sys.modules)
import pkgutil
_packages = {}
for _name in _modules:
    _path = getattr(sys.modules[_name], "__path__", None)
    if _path is not None:
        _packages[_name] = sorted(m.name for m in pkgutil.iter_modules(_path))
json.dumps({"pyodide": "${version}", "modules": _modules, "packages": _packages})
`));
  // Which snapshot this listing goes with: a page keeps the decoded snapshot under it (pyodide-snapshot.ts).
  listed.snapshot = createHash('sha256').update(compressed).digest('hex');
  await writeFile(modulesOutput, `${JSON.stringify(listed)}\n`);
}

const kept = keptRuns.reduce((sum, [, count]) => sum + count, 0);
console.log(`${output}: ${stored.length} of ${memory.length / PAGE} pages stored, ${kept} kept from the wasm's data, `
  + `${(compressed.length / 1e6).toFixed(2)} MB`);
