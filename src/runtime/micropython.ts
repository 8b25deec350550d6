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
  /** Starts the event-driven REPL (prints the banner and `>>> `). */
  replInit(): void;
  /** Feeds one byte typed at the REPL. */
  replProcessChar(byte: number): number;
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
  const stdout = new OutputBytes(options.streams.stdout);
  const stderr = new OutputBytes(options.streams.stderr);
  // Byte by byte, buffered into lines here: a terminal needs them as written (setRawOutput).
  const mp = await loadMicroPython({
    url: wasmUrl,
    stdout: (bytes: Uint8Array) => stdout.push(bytes[0]),
    stderr: (bytes: Uint8Array) => stderr.push(bytes[0]),
    linebuffer: false,
  });
  return new MicroPythonInterpreter(mp, stdout, stderr);
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

/**
 * One output stream of MicroPython, which hands it over byte by byte:
 * whole lines to `line` (as MicroPython's own `linebuffer` does), or,
 * once {@link raw} is set, the text as written.
 */
class OutputBytes {
  readonly #line: (text: string) => void;
  #bytes: number[] = [];
  #raw?: (text: string) => void;
  readonly #decoder = new TextDecoder();

  constructor(line: (text: string) => void) {
    this.#line = line;
  }

  push(byte: number): void {
    if (this.#raw) return this.#raw(this.#decoder.decode(new Uint8Array([byte]), { stream: true }));
    if (byte !== 10) {
      this.#bytes.push(byte);
      return;
    }
    const text = this.#decoder.decode(new Uint8Array(this.#bytes));
    this.#bytes = [];
    this.#line(text);
  }

  /** Text as written to `write` (the part of a line buffered so far first); undefined: back to lines. */
  set raw(write: ((text: string) => void) | undefined) {
    if (write && this.#bytes.length) {
      write(this.#decoder.decode(new Uint8Array(this.#bytes)));
      this.#bytes = [];
    }
    this.#raw = write;
  }
}

class MicroPythonInterpreter implements Interpreter {
  readonly kind = 'micropython' as const;
  readonly raw: MicroPythonAPI;
  readonly sitePackages = '/lib';
  readonly #stdout: OutputBytes;
  readonly #stderr: OutputBytes;

  constructor(mp: MicroPythonAPI, stdout: OutputBytes, stderr: OutputBytes) {
    this.raw = mp;
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  setRawOutput(sink: Streams | undefined): void {
    this.#stdout.raw = sink?.stdout;
    this.#stderr.raw = sink?.stderr;
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
