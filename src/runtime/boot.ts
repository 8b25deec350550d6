/**
 * Boots an interpreter ready for user code: loads it, installs the Python
 * `pyscript` package and registers its JavaScript half. Used the same way on
 * the main thread and in workers.
 */
import type { PyscriptBridge } from './bridge.js';
import { installPythonPackage } from './python-package.js';
import { loadInterpreter } from './registry.js';
import type { Interpreter, InterpreterKind, Streams } from './types.js';

export interface BootOptions {
  streams?: Streams;
  /** URL of another interpreter build (the `interpreter` config key). */
  url?: string;
  /** The `_pyscript` module; filled in by the caller. */
  bridge: PyscriptBridge;
}

const consoleStreams: Streams = {
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
};

/** Loads `kind` and prepares it to run PyScript code. */
export async function bootInterpreter(kind: InterpreterKind, options: BootOptions): Promise<Interpreter> {
  // Warm the Python package chunk while the interpreter downloads.
  void import('virtual:python-files');
  const interpreter = await loadInterpreter(kind, { streams: options.streams ?? consoleStreams, url: options.url });
  interpreter.registerJsModule('_pyscript', options.bridge);
  await installPythonPackage(interpreter);
  return interpreter;
}
