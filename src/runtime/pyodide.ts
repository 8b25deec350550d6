/**
 * Pyodide (CPython) adapter: boots `dist/pyodide/pyodide.mjs` and wraps it
 * in the {@link Interpreter} interface.
 */
import { assetUrl } from './assets.js';
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
  version: string;
}

export interface PyodideLoadOptions {
  streams: Streams;
  /** URL of `pyodide.mjs` (the `interpreter` config key); defaults to the bundled one. */
  url?: string;
  /** Lock file contents, when the caller already fetched or patched it. */
  lockFileURL?: string;
}

/** Boots Pyodide. */
export async function loadPyodideInterpreter(options: PyodideLoadOptions): Promise<Interpreter> {
  const url = options.url ?? assetUrl('pyodide/pyodide.mjs');
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as {
    loadPyodide(config: object): Promise<PyodideAPI>;
  };
  let sitePackages = '';
  const pyodide = await loadPyodide({
    indexURL: new URL('./', url).href,
    stdout: options.streams.stdout,
    stderr: options.streams.stderr,
    lockFileURL: options.lockFileURL,
    fsInit: (_fs: unknown, info: { sitePackages: string }) => {
      sitePackages = info.sitePackages;
    },
  });
  return new PyodideInterpreter(pyodide, sitePackages || '/lib/python3.14/site-packages');
}

class PyodideInterpreter implements Interpreter {
  readonly kind = 'pyodide' as const;
  readonly raw: PyodideAPI;
  readonly sitePackages: string;

  constructor(pyodide: PyodideAPI, sitePackages: string) {
    this.raw = pyodide;
    this.sitePackages = sitePackages;
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
