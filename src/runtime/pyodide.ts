/**
 * Pyodide (CPython) adapter: boots `dist/pyodide/pyodide.mjs` and wraps it
 * in the {@link Interpreter} interface.
 */
import { assetUrl } from './assets.js';
import { loadLockFile } from './lock-file.js';
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
  setStdout(options: { batched?: (text: string) => void; write?: (buffer: Uint8Array) => number; isatty?: boolean }): void;
  setStderr(options: { batched?: (text: string) => void; write?: (buffer: Uint8Array) => number; isatty?: boolean }): void;
  version: string;
}

export interface PyodideLoadOptions {
  streams: Streams;
  /** URL of `pyodide.mjs` (the `interpreter` config key); defaults to the bundled one. */
  url?: string;
}

/** Boots Pyodide: the bundled one from its start-up snapshot when there is one. */
export async function loadPyodideInterpreter(options: PyodideLoadOptions): Promise<Interpreter> {
  const url = options.url ?? assetUrl('pyodide/pyodide.mjs');
  const snapshot = options.url ? undefined : loadPyodideSnapshot();
  snapshotLoading = undefined; // Pyodide copies it into its memory: 31 MB not to keep
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as {
    loadPyodide(config: object): Promise<PyodideAPI>;
  };
  let sitePackages = '';
  const boot = (memory?: Promise<ArrayBuffer>) =>
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
      ...(memory && { _loadSnapshot: memory }),
    });
  let pyodide: PyodideAPI;
  if (!snapshot) {
    pyodide = await boot();
  } else {
    try {
      pyodide = await boot(snapshot);
      // Per page, not per build: the random seed (else every page draws
      // the same numbers) and the language, as a fresh boot would set them;
      // and the one '' in sys.path (the restore adds a second).
      pyodide.runPython(afterSnapshot.replace('$language', JSON.stringify(browserLanguage())));
    } catch (error) {
      console.warn(`[pyscript] Pyodide could not start from ${snapshotUrl()}, starting without it:`, error);
      pyodide = await boot();
    }
  }
  return new PyodideInterpreter(pyodide, sitePackages || '/lib/python3.14/site-packages', options.streams);
}

const afterSnapshot = `import os as _os, random as _random, sys as _sys
_random.seed()
_os.environ["LANG"] = $language
while _sys.path.count("") > 1:
    _sys.path.remove("")
del _os, _random, _sys`;

const snapshotUrl = () => assetUrl('pyodide/snapshot.bin.gz');
let snapshotLoading: Promise<ArrayBuffer> | undefined;

/**
 * Starts (once) the download of `dist/pyodide/snapshot.bin.gz`: Pyodide's
 * memory just after start-up, made by the build (`scripts/pyodide-snapshot.mjs`).
 * Booting from it skips CPython's initialisation, which is most of Pyodide's
 * start-up time.
 */
export function loadPyodideSnapshot(): Promise<ArrayBuffer> {
  snapshotLoading ??= fetch(snapshotUrl()).then((response) => {
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    // A server may already have decoded it (Content-Encoding: gzip).
    const body = response.headers.get('content-encoding') ? response.body : response.body.pipeThrough(new DecompressionStream('gzip'));
    return new Response(body).arrayBuffer();
  });
  snapshotLoading.catch(() => undefined); // reported when the boot falls back
  return snapshotLoading;
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
