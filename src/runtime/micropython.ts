/**
 * MicroPython adapter: boots `dist/micropython/micropython.mjs` and wraps it
 * in the {@link Interpreter} interface.
 */
import { assetUrl } from './assets.js';
import { dropEarly, duringBoot, fetchEarly } from './boot-fetch.js';
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
  /**
   * Output as written will be asked for (a terminal): MicroPython then hands
   * it over byte by byte, buffered into lines here. Without it, MicroPython
   * buffers lines itself, which is twice as fast for a page that prints a
   * lot, and a terminal gets whole lines.
   */
  terminal?: boolean;
  /** URL of `micropython.mjs` (the `interpreter` config key); defaults to the bundled one. */
  url?: string;
  /** A ROMFS image, mounted at /rom before start-up (its /rom/lib is on `sys.path`). */
  romfs?: Promise<Uint8Array>;
}

/** Boots MicroPython. */
export async function loadMicroPythonInterpreter(options: MicroPythonLoadOptions): Promise<Interpreter> {
  const url = options.url ?? assetUrl('micropython/micropython.mjs');
  const wasmUrl = url.replace(/\.m?js(\?.*)?$/, '.wasm');
  if (options.url) dropEarly(assetUrl('micropython/micropython.wasm'), wasmUrl); // the warm-up's, unused
  fetchEarly(wasmUrl); // while micropython.mjs downloads and evaluates
  const [{ loadMicroPython }, romfs] = await Promise.all([
    import(/* @vite-ignore */ url) as Promise<{ loadMicroPython(config: object): Promise<MicroPythonAPI> }>,
    options.romfs,
  ]);
  const stdout = new Output(options.streams.stdout);
  const stderr = new Output(options.streams.stderr);
  const bytes = options.terminal ?? false;
  const mp = await duringBoot(() => loadMicroPython({
    url: wasmUrl,
    stdout: bytes ? (data: Uint8Array) => stdout.push(data[0]) : (line: string) => stdout.line(line),
    stderr: bytes ? (data: Uint8Array) => stderr.push(data[0]) : (line: string) => stderr.line(line),
    linebuffer: !bytes,
    romfs,
  })).catch((error: unknown) => {
    // Emscripten's own words, e.g. "Aborted(both async and sync fetching of the wasm failed)".
    throw new Error(`MicroPython did not start from ${wasmUrl}: ${error instanceof Error ? error.message : String(error)}`);
  });
  // Mounting an image makes /rom, read-only, the working directory: back to /, as without one.
  if (romfs) mp.runPython('__import__("os").chdir("/")');
  return new MicroPythonInterpreter(mp, stdout, stderr);
}

/**
 * One output stream of MicroPython: whole lines go to `lines`, or, once
 * {@link raw} is set, to it, as written when MicroPython hands the output
 * over byte by byte ({@link push}), with their newline when it buffers
 * lines itself ({@link line}).
 */
class Output {
  readonly #lines: (text: string) => void;
  #bytes: number[] = [];
  #raw?: (text: string) => void;
  readonly #decoder = new TextDecoder();

  constructor(lines: (text: string) => void) {
    this.#lines = lines;
  }

  /** A line MicroPython buffered, without its newline. */
  line(text: string): void {
    if (this.#raw) this.#raw(`${text}\n`);
    else this.#lines(text);
  }

  /** One byte MicroPython wrote. */
  push(byte: number): void {
    if (this.#raw) return this.#raw(this.#decoder.decode(new Uint8Array([byte]), { stream: true }));
    if (byte !== 10) {
      this.#bytes.push(byte);
      return;
    }
    const text = this.#decoder.decode(new Uint8Array(this.#bytes));
    this.#bytes = [];
    this.#lines(text);
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
  readonly #stdout: Output;
  readonly #stderr: Output;

  constructor(mp: MicroPythonAPI, stdout: Output, stderr: Output) {
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
