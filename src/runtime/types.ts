/**
 * What the rest of the project sees of an interpreter: one small interface
 * that both Pyodide and MicroPython adapters implement, on the main thread
 * and in workers.
 * @packageDocumentation
 */

/** The interpreter kinds. A new interpreter is one loader plus one entry here. */
export type InterpreterKind = 'pyodide' | 'micropython';

/** Where a `print` goes: whole lines, without their newline (see {@link Interpreter.setRawOutput} for terminals). */
export interface Streams {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Reported while an interpreter, its files and packages download. */
export interface Progress {
  /** What is loading: `interpreter`, `stdlib`, `files`, `packages`, … */
  stage: string;
  /** Bytes loaded so far in this stage. */
  loaded: number;
  /** Bytes expected in this stage (0 when unknown). */
  total: number;
}

/** Options for running a piece of Python. */
export interface RunOptions {
  /** Allow top-level `await` (runs as a coroutine). */
  async: boolean;
  /** File name shown in tracebacks. */
  filename?: string;
}

/** A booted interpreter, as the runtime uses it. */
export interface Interpreter {
  readonly kind: InterpreterKind;
  /** The interpreter's own API object (Pyodide's `pyodide`, MicroPython's `mp`). */
  readonly raw: unknown;
  run(code: string, options: RunOptions): Promise<unknown>;
  /** Makes a JavaScript object importable from Python under `name`. */
  registerJsModule(name: string, module: object): void;
  writeFile(path: string, data: string | Uint8Array): void;
  mkdirTree(path: string): void;
  /** Directory that is on `sys.path` for installed packages. */
  readonly sitePackages: string;
  /**
   * Sends stdout and stderr as written (newlines kept, a prompt without
   * one included) to `sink`, for a terminal; Python then sees a tty.
   * `undefined` goes back to lines on the streams it was booted with.
   */
  setRawOutput(sink: Streams | undefined): void;
}
