/**
 * The runtime registry: one loader per interpreter kind. The adapters are
 * small and bundled; the interpreters themselves are imported only when a
 * page first needs them, so a page with only MicroPython never downloads
 * Pyodide (and the other way round).
 * @packageDocumentation
 */
import { loadMicroPythonInterpreter } from './micropython.js';
import { loadPyodideInterpreter } from './pyodide.js';
import type { Interpreter, InterpreterKind, Streams } from './types.js';

/** Options every loader takes. */
export interface LoadOptions {
  streams: Streams;
  /** URL of another interpreter build (the `interpreter` config key). */
  url?: string;
  /** A terminal will take the output as written (see `Interpreter.setRawOutput`). */
  terminal?: boolean;
  /** MicroPython: a ROMFS image to mount at /rom as it starts (the bundled build reads the format). */
  romfs?: Promise<Uint8Array>;
}

type Loader = (options: LoadOptions) => Promise<Interpreter>;

const loaders: Record<InterpreterKind, Loader> = {
  pyodide: loadPyodideInterpreter,
  micropython: loadMicroPythonInterpreter,
};

/** Boots a fresh interpreter of `kind`. */
export async function loadInterpreter(kind: InterpreterKind, options: LoadOptions): Promise<Interpreter> {
  return loaders[kind](options);
}
