/**
 * Pyodide (CPython) adapter: boots `dist/pyodide/pyodide.mjs` and wraps it
 * in the {@link Interpreter} interface.
 */
import { assetUrl } from './assets.js';
import { dropEarly, duringBoot, fetchEarly } from './boot-fetch.js';
import { importLazy } from './lazy.js';
import { loadLockFile } from './lock-file.js';
import type { CachedSnapshot, EmscriptenModule, SnapshotReading, SnapshotRestore } from './pyodide-snapshot.js';
import { beforeRun, installLazyStdlib, loadSnapshotModules, snapshotDigest, wasmDigest, withStdlibStandIn } from './pyodide-stdlib.js';
import type { Interpreter, RunOptions, Streams } from './types.js';

/** The subset of Pyodide's API that we use. */
export interface PyodideAPI {
  runPython(code: string, options?: { filename?: string; globals?: unknown }): unknown;
  runPythonAsync(code: string, options?: { filename?: string; globals?: unknown }): Promise<unknown>;
  registerJsModule(name: string, module: object): void;
  loadPackage(names: string | string[], options?: object): Promise<unknown>;
  FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: string | Uint8Array): void;
    analyzePath(path: string): { exists: boolean };
  };
  globals: { get(name: string): unknown };
  setStdin(options: { stdin: () => string | null; isatty?: boolean }): void;
  /** Pyodide checks `buffer[0]` while Python runs: a signal number there is raised (2: `KeyboardInterrupt`). */
  setInterruptBuffer(buffer: Int8Array): void;
  /** Raises the pending signal of the interrupt buffer, if any, as a Python exception. */
  checkInterrupt(): void;
  setStdout(options: { batched?: (text: string) => void; write?: (buffer: Uint8Array) => number; isatty?: boolean }): void;
  setStderr(options: { batched?: (text: string) => void; write?: (buffer: Uint8Array) => number; isatty?: boolean }): void;
  version: string;
}

export interface PyodideLoadOptions {
  streams: Streams;
  /** URL of `pyodide.mjs` (the `interpreter` config key); defaults to the bundled one. */
  url?: string;
}

/**
 * Starts every download the bundled Pyodide's boot needs, at once: without
 * it, `pyodide.mjs` asks for its wasm, `pyodide.asm.mjs` and the lock file
 * only once it has downloaded and run, a round trip later. The wasm is
 * fetched now (Pyodide's own request takes the response, boot-fetch.ts);
 * `pyodide.asm.mjs` is preloaded on the main thread and imported in a
 * worker, which has no `<link>`.
 */
export function preloadPyodide(): void {
  const url = assetUrl('pyodide/pyodide.mjs');
  loadLockFile(url);
  loadPyodideSnapshot();
  const wasm = assetUrl('pyodide/pyodide.asm.wasm');
  fetchEarly(wasm, (signal) => {
    const compressedUrl = compressedWasmUrl();
    const compressed = fetch(compressedUrl, { credentials: 'same-origin', signal });
    const plain = () => fetch(wasm, { credentials: 'same-origin', signal });
    const kept = lookUpKept(compressedUrl);
    return Promise.all([decoderCode(), compressed]).then(([module, response]) =>
      module.decodedWasm(compressedUrl, response, brotliDecoder(), plain, kept, wasmDigest()));
  });
  if (typeof document === 'undefined') {
    import(/* @vite-ignore */ assetUrl('pyodide/pyodide.asm.mjs')).catch(() => undefined);
    return;
  }
  const module = assetUrl('pyodide/pyodide.asm.mjs');
  if (!document.querySelector(`link[rel="modulepreload"][href="${module}"]`)) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = module;
    (document.head ?? document.documentElement).append(link);
  }
}

/**
 * Stops what {@link preloadPyodide} started for the bundled build and no
 * boot took, once the page's config named another build (`url`): the
 * snapshot (only the bundled build boots from it), and the wasm with the
 * brotli decoder it shares with the snapshot, unless that build is in the
 * same folder (its wasm is this one). A few megabytes that would otherwise
 * share the line with the build the page runs.
 */
function dropPreload(url: string): void {
  snapshotAbort?.abort();
  snapshotAbort = snapshotLoading = undefined;
  if (dropEarly(assetUrl('pyodide/pyodide.asm.wasm'), new URL('pyodide.asm.wasm', url).href)) {
    decoder?.abort.abort();
    decoder = undefined;
  }
}

/** Boots Pyodide: the bundled one from its start-up snapshot when there is one. */
export async function loadPyodideInterpreter(options: PyodideLoadOptions): Promise<Interpreter> {
  const url = options.url ?? assetUrl('pyodide/pyodide.mjs');
  if (!options.url) preloadPyodide();
  else dropPreload(url);
  let snapshot = options.url ? undefined : loadPyodideSnapshot();
  snapshotLoading = snapshotAbort = undefined; // its pages are written into Pyodide's memory: 12 MB not to keep
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as {
    loadPyodide(config: object): Promise<PyodideAPI>;
  };
  let sitePackages = '';
  const boot = (memory?: SnapshotReading, stdLibURL?: string) =>
    loadPyodide({
      indexURL: new URL('./', url).href,
      stdout: options.streams.stdout,
      stderr: options.streams.stderr,
      // One fetch of the lock file, shared with the package resolver.
      lockFileContents: loadLockFile(url),
      packageBaseUrl: new URL('./', url).href,
      fsInit: (_fs: unknown, info: { sitePackages: string }) => {
        sitePackages = info.sitePackages;
      },
      // From the snapshot, the standard library loads on demand (pyodide-stdlib.ts).
      ...(memory && { ...snapshotOptions(memory, new URL('pyodide.asm.mjs', url).href), stdLibURL }),
    });
  let pyodide: PyodideAPI;
  if (!snapshot) {
    pyodide = await duringBoot(() => endingOnWasmFailure(boot));
  } else {
    try {
      pyodide = await withStdlibStandIn((stdLibURL) => endingOnWasmFailure(() => boot(snapshot, stdLibURL)));
      // Per page, not per build: the random seed (else every page draws
      // the same numbers) and the language, as a fresh boot would set them;
      // and the one '' in sys.path (the restore adds a second).
      installLazyStdlib((pyodide as unknown as { FS: Parameters<typeof installLazyStdlib>[0] }).FS, stdlibPath(sitePackages || '/lib/python3.14/site-packages'));
      pyodide.runPython(afterSnapshot.replace('$language', JSON.stringify(browserLanguage())));
    } catch (error) {
      const unread = await snapshot.whole.then(() => undefined, (failure: unknown) => failure ?? error);
      const reason = (await snapshotModule?.catch(() => undefined))?.mismatch
        ? new Error(`it was made for another build of Pyodide than ${url}`) : unread ?? error;
      console.warn(`[pyscript] Pyodide could not start from ${snapshotUrl()}, starting without it:`, reason);
      forgetKept(); // the next visit decodes them from the network again
      pyodide = await duringBoot(() => endingOnWasmFailure(boot));
    }
  }
  // This scope's closures live on in Pyodide's options (`fsInit`): they must not keep the decoded snapshot.
  snapshot = undefined;
  return new PyodideInterpreter(pyodide, sitePackages || '/lib/python3.14/site-packages', options.streams);
}

/** The boots waiting on Pyodide's wasm, and the `instantiateStreaming` they replaced (see {@link endingOnWasmFailure}). */
const wasmWatchers = new Set<(error: Error) => void>();
let realInstantiate: typeof WebAssembly.instantiateStreaming | undefined;

function watchingInstantiate(source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  const result = realInstantiate!.call(WebAssembly, source, imports);
  if ((imports as { env?: { JsvError_Check?: unknown } } | undefined)?.env?.JsvError_Check) {
    result.catch((error: unknown) => {
      const failure = new Error(`Pyodide's wasm did not load: ${error instanceof Error ? error.message : String(error)}`);
      for (const fail of wasmWatchers) fail(failure);
    });
  }
  return result;
}

/**
 * Runs `boot`, ending it with the error when Pyodide's wasm does not
 * download or compile: Pyodide then only logs "wasm instantiation failed!",
 * and its boot never ends. Pyodide's instantiation is the one whose imports
 * carry its `JsvError_Check`; a failure ends every Pyodide boot under way
 * in this realm (they load the same file).
 */
async function endingOnWasmFailure<T>(boot: () => Promise<T>): Promise<T> {
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  if (wasmWatchers.size === 0) {
    realInstantiate = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = watchingInstantiate;
  }
  wasmWatchers.add(fail);
  try {
    return await Promise.race([boot(), failed]);
  } finally {
    wasmWatchers.delete(fail);
    if (wasmWatchers.size === 0) {
      if (WebAssembly.instantiateStreaming === watchingInstantiate) WebAssembly.instantiateStreaming = realInstantiate!;
      realInstantiate = undefined;
    }
  }
}

const afterSnapshot = `import os as _os, random as _random, sys as _sys
_random.seed()
_os.environ["LANG"] = $language
while _sys.path.count("") > 1:
    _sys.path.remove("")
del _os, _random, _sys`;

/** Where Pyodide keeps its standard library: `/lib/python3.14/site-packages` → `/lib/python314.zip`. */
const stdlibPath = (sitePackages: string): string => sitePackages.replace(/\/python(\d+)\.(\d+)\/site-packages$/, '/python$1$2.zip');

const snapshotUrl = () => assetUrl('pyodide/snapshot.bin.br');
/** Pyodide's wasm as the build compressed it (pyodide-snapshot.ts, `decodedWasm`). */
const compressedWasmUrl = () => assetUrl('pyodide/pyodide.asm.wasm.br');
let snapshotLoading: SnapshotReading | undefined;
/** Stops the snapshot's download, while no boot has taken it. */
let snapshotAbort: AbortController | undefined;
type SnapshotModule = typeof import('./pyodide-snapshot.js');
let snapshotModule: Promise<SnapshotModule> | undefined;
/** The code that decodes the snapshot and the wasm (`dist/pyodide-snapshot.js`), imported once. */
const decoderCode = (): Promise<SnapshotModule> => (snapshotModule ??= importLazy<SnapshotModule>('pyodide-snapshot'));
/** The brotli decoder's wasm, for the snapshot and Pyodide's wasm: downloaded once, with them. */
let decoder: { response: Promise<Response>; abort: AbortController } | undefined;
let nativeBrotli: boolean | undefined;
/** Whether this engine's `DecompressionStream` decodes brotli (Firefox's does): then the decoder's wasm is not needed. */
function brotliStreams(): boolean {
  try {
    new DecompressionStream('brotli' as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}
/** The response for the decoder's wasm; none where the engine decodes brotli itself. */
function brotliDecoder(): Promise<Response> | undefined {
  nativeBrotli ??= brotliStreams();
  if (nativeBrotli) return undefined;
  if (!decoder) {
    const abort = new AbortController();
    const response = fetch(assetUrl('pyodide/brotli-dec.wasm'), { signal: abort.signal });
    response.catch(() => undefined);
    decoder = { response, abort };
  }
  return decoder.response;
}

/** The Cache API cache of the decoded snapshot and wasm (`pyodide-snapshot.ts`, `readSnapshot`, `decodedWasm`). */
export const SNAPSHOT_CACHE = 'pyscript-snapshot-v1';

/** The cache and its entry for `url`; `undefined` where there is no Cache API (an insecure context) or it fails. */
function lookUpKept(url: string): Promise<CachedSnapshot | undefined> {
  if (typeof caches === 'undefined') return Promise.resolve(undefined);
  return caches.open(SNAPSHOT_CACHE)
    .then(async (cache) => ({ cache, hit: await cache.match(url) }))
    .catch(() => undefined);
}

/** Drops the decoded snapshot and wasm from the cache (the boot from them failed). */
function forgetKept(): void {
  if (typeof caches === 'undefined') return;
  caches.open(SNAPSHOT_CACHE)
    .then((cache) => Promise.all([cache.delete(snapshotUrl()), cache.delete(compressedWasmUrl())]))
    .catch(() => undefined);
}

/**
 * Starts (once) the download of `dist/pyodide/snapshot.bin.br`: Pyodide's
 * memory just after start-up, made by the build (`scripts/pyodide-snapshot.mjs`).
 * Booting from it skips CPython's initialisation, which is most of Pyodide's
 * start-up time. The snapshot, its decoder (`dist/pyodide-snapshot.js` and
 * its wasm) are requested at once, and it is decoded while it downloads;
 * a visit that decoded it keeps the result in the Cache API for the next.
 */
export function loadPyodideSnapshot(): SnapshotReading {
  if (!snapshotLoading) {
    loadSnapshotModules();
    // The decoder too (the wasm needs it anyway).
    const decoding = brotliDecoder();
    snapshotAbort = new AbortController();
    const { signal } = snapshotAbort;
    const url = snapshotUrl();
    const cached = lookUpKept(url);
    const reading = Promise.all([decoderCode(), fetch(url, { signal })]).then(([module, response]) =>
      module.readSnapshot(url, response, decoding, cached, snapshotDigest()));
    snapshotLoading = { head: reading.then((read) => read.head), whole: reading.then((read) => read.whole) };
    // Reported when the boot falls back.
    snapshotLoading.head.catch(() => undefined);
    snapshotLoading.whole.catch(() => undefined);
  }
  return snapshotLoading;
}

/** The restore of `snapshot`, once its head is decoded. Outside {@link snapshotOptions}, whose closures must not hold `snapshot`. */
const restoreOf = (snapshot: SnapshotReading): Promise<SnapshotRestore> =>
  Promise.all([snapshot.head, snapshotModule!]).then(([head, module]) => module.snapshotRestore(head, snapshot.whole));

/**
 * The `loadPyodide` options of a boot from the snapshot: Pyodide gets the
 * snapshot's header posing as the whole snapshot as soon as the head is
 * decoded (it instantiates its wasm while the pages decode), and its module
 * factory is wrapped so that the pages are prepared from the fresh module
 * (before anything ran in it) and written into it when Pyodide restores
 * the snapshot (pyodide-snapshot.ts, `snapshotRestore`).
 */
function snapshotOptions(snapshot: SnapshotReading, factoryUrl: string): object {
  // Pyodide keeps its options for good (`API.config`), so they must not
  // hold the snapshot's pages: the restore is handed over once and
  // forgotten here, and it drops the pages once written.
  let restore: Promise<SnapshotRestore> | undefined = restoreOf(snapshot);
  let uses = 0;
  /** Each of the two readers takes the restore once; after both, nothing here holds it. */
  const take = (): Promise<SnapshotRestore> => {
    const taken = restore ?? Promise.reject(new Error('the snapshot was already used'));
    if (++uses === 2) restore = undefined;
    return taken;
  };
  return {
    // A thenable read once (Pyodide awaits it once), not a promise that would keep its value.
    _loadSnapshot: {
      then(resolve: (buffer: Uint8Array) => unknown, reject: (error: unknown) => unknown) {
        return take().then(({ buffer }) => resolve(buffer), reject);
      },
    },
    createPyodideModule: async (settings: { preRun: ((module: EmscriptenModule) => void)[] }) => {
      const [factory, { preRun }] = await Promise.all([
        import(/* @vite-ignore */ factoryUrl).then((m: { default: (settings: object) => Promise<unknown> }) => m.default),
        take(),
      ]);
      settings.preRun.unshift(preRun);
      return factory(settings);
    },
  };
}

/** What Emscripten puts in `LANG` on a fresh boot. */
function browserLanguage(): string {
  return `${(globalThis.navigator?.languages?.[0] || 'C').replace('-', '_')}.UTF-8`;
}

class PyodideInterpreter implements Interpreter {
  readonly kind = 'pyodide' as const;
  readonly raw: PyodideAPI;
  readonly sitePackages: string;
  readonly #streams: Streams;

  constructor(pyodide: PyodideAPI, sitePackages: string, streams: Streams) {
    this.raw = pyodide;
    this.sitePackages = sitePackages;
    this.#streams = streams;
  }

  setRawOutput(sink: Streams | undefined): void {
    if (!sink) {
      this.raw.setStdout({ batched: this.#streams.stdout });
      this.raw.setStderr({ batched: this.#streams.stderr });
      return;
    }
    // Pyodide reconfigures sys.stdout for the new device: a tty is line-buffered, so each line arrives as it is printed.
    const writer = (write: (text: string) => void) => {
      const decoder = new TextDecoder();
      return { isatty: true, write: (buffer: Uint8Array) => (write(decoder.decode(buffer, { stream: true })), buffer.length) };
    };
    this.raw.setStdout(writer(sink.stdout));
    this.raw.setStderr(writer(sink.stderr));
  }

  async run(code: string, { async, filename }: RunOptions): Promise<unknown> {
    const options = { filename: filename ?? '<exec>' };
    await beforeRun(code);
    return async ? this.raw.runPythonAsync(code, options) : this.raw.runPython(code, options);
  }

  registerJsModule(name: string, module: object): void {
    this.raw.registerJsModule(name, module);
  }

  writeFile(path: string, data: string | Uint8Array): void {
    this.raw.FS.writeFile(path, data);
  }

  mkdirTree(path: string): void {
    this.raw.FS.mkdirTree(path);
  }
}
