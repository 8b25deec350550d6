/**
 * MicroPython adapter: boots `dist/micropython/micropython.mjs` and wraps it
 * in the {@link Interpreter} interface.
 */
import { assetUrl } from './assets.js';
import type { Interpreter, RunOptions, Streams } from './types.js';

/** The subset of MicroPython's API that we use. */
export interface MicroPythonAPI {
  runPython(code: string): unknown;
  runPythonAsync(code: string): Promise<unknown>;
  registerJsModule(name: string, module: object): void;
  pyimport(name: string): unknown;
  FS: {
    mkdirTree(path: string): void;
    writeFile(path: string, data: string | Uint8Array): void;
    analyzePath(path: string): { exists: boolean };
  };
  globals: { get(name: string): unknown };
}

export interface MicroPythonLoadOptions {
  streams: Streams;
  /** URL of `micropython.mjs` (the `interpreter` config key); defaults to the bundled one. */
  url?: string;
}

/** Boots MicroPython. */
export async function loadMicroPythonInterpreter(options: MicroPythonLoadOptions): Promise<Interpreter> {
  const url = options.url ?? assetUrl('micropython/micropython.mjs');
  const wasmUrl = url.replace(/\.m?js(\?.*)?$/, '.wasm');
  preloadWasm(wasmUrl);
  const { loadMicroPython } = (await import(/* @vite-ignore */ url)) as {
    loadMicroPython(config: object): Promise<MicroPythonAPI>;
  };
  const mp = await loadMicroPython({
    url: wasmUrl,
    stdout: options.streams.stdout,
    stderr: options.streams.stderr,
    linebuffer: true,
  });
  return new MicroPythonInterpreter(mp);
}

/**
 * Starts the wasm download now, while `micropython.mjs` downloads and
 * evaluates: its loader asks for the wasm only once evaluated. The loader's
 * own `fetch(url, { credentials: 'same-origin' })` then takes the preloaded
 * response (same URL, CORS mode, same credentials), so nothing loads twice
 * (what it saves: bench/README.md, "Measurement history").
 */
export function preloadWasm(url: string): void {
  if (typeof document === 'undefined') return; // a worker has no <link>
  // warm-up.ts may have asked already; a second preload would fetch again.
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')) {
    if (link.href === url) return;
  }
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = url;
  (document.head ?? document.documentElement).append(link);
}

class MicroPythonInterpreter implements Interpreter {
  readonly kind = 'micropython' as const;
  readonly raw: MicroPythonAPI;
  readonly sitePackages = '/lib';

  constructor(mp: MicroPythonAPI) {
    this.raw = mp;
  }

  async run(code: string, { async }: RunOptions): Promise<unknown> {
    return async ? this.raw.runPythonAsync(code) : this.raw.runPython(code);
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
