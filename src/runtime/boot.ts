/**
 * Boots an interpreter ready for user code: loads it, installs the Python
 * `pyscript` package and registers its JavaScript half. Used the same way on
 * the main thread and in workers.
 */
import { prepareConfig } from './apply-config.js';
import { enableAutoProxy } from './auto-proxy.js';
import type { PyscriptBridge } from './bridge.js';
import type { PyConfig } from './config.js';
import { baseUrl, type ProgressCallback } from './fetch-progress.js';
import { createFsBridge, type FsMainCall } from './fs-bridge.js';
import { watchInterpreterDownload } from './interpreter-progress.js';
import { jsModulesBridge } from './js-modules.js';
import { loadLockPackages } from './packages.js';
import type { PyodideAPI } from './pyodide.js';
import { prefetchStdlib } from './pyodide-stdlib.js';
import { micropipBridge } from './pyodide-packages.js';
import { installPythonPackage, loadPythonImage, loadPythonPackage, packageForm } from './python-package.js';
import { loadInterpreter } from './registry.js';
import type { Interpreter, InterpreterKind, Streams } from './types.js';

export interface BootOptions {
  streams?: Streams;
  /** A terminal will take the output as written (see `Interpreter.setRawOutput`): MicroPython then hands it over byte by byte. */
  terminal?: boolean;
  /** The `_pyscript` module; filled in by the caller. */
  bridge: PyscriptBridge;
  /** The parsed config: its files, packages and js_modules download while the interpreter does. */
  config?: PyConfig;
  /** URL of the config file, which relative config URLs resolve against (else `pageUrl`). */
  configUrl?: string;
  /** The page's URL (default {@link baseUrl}); a worker must pass it, as its own `location` is the worker script's. */
  pageUrl?: string;
  /** Which `js_modules` table to import here (default `main`). */
  side?: 'main' | 'worker';
  /** Byte progress of the `interpreter`, `files` and `packages` stages. */
  onProgress?: ProgressCallback;
  /**
   * Receives each config entry that failed (a `PY0404`/`PY1000` error); the
   * rest is applied and the boot goes on. Without it the boot rejects.
   */
  onConfigError?: (error: unknown) => void;
}

const consoleStreams: Streams = {
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
};

/** Loads `kind` and prepares it to run PyScript code. */
export async function bootInterpreter(kind: InterpreterKind, options: BootOptions): Promise<Interpreter> {
  const { config, onProgress } = options;
  const base = options.configUrl ?? options.pageUrl ?? baseUrl();
  // checkConfig() has made sure `interpreter` is a valid URL.
  const url = config?.interpreter ? new URL(config.interpreter, base).href : undefined;
  // The Python package downloads while the interpreter does.
  const form = packageForm(kind, url === undefined);
  loadPythonPackage(form).catch(() => undefined); // awaited by installPythonPackage
  // Downloads start now, with the interpreter's; a config without any costs no extra chunk.
  const hasDownloads = config && (config.files || config.packages?.length || config.js_modules);
  const prepared = hasDownloads
    ? Promise.resolve().then(() => prepareConfig(config, { kind, side: options.side ?? 'main', base, onProgress, interpreterUrl: url }))
    : undefined;
  prepared?.catch(() => undefined); // awaited below
  // The bundled Pyodide reads its standard library on demand; files and
  // packages may need it at once, so it downloads with the interpreter.
  const stdlib = kind === 'pyodide' && url === undefined && (config?.files || config?.packages?.length)
    ? prefetchStdlib().catch(() => undefined) : undefined;
  const stopWatching = onProgress && watchInterpreterDownload(kind, url, onProgress);
  let interpreter: Interpreter;
  try {
    interpreter = await loadInterpreter(kind, {
      streams: options.streams ?? consoleStreams,
      url,
      terminal: options.terminal,
      romfs: form === 'romfs' ? loadPythonImage() : undefined,
    });
  } catch (error) {
    stopWatching?.(false);
    throw error;
  }
  stopWatching?.(true);
  await stdlib;
  options.bridge.js_modules = prepared ? await (await prepared).apply(interpreter, options.onConfigError) : jsModulesBridge();
  options.bridge.fs = createFsBridge(interpreter, options.bridge.fs_main as FsMainCall | undefined);
  if (kind === 'pyodide') {
    const pyodide = interpreter.raw as PyodideAPI;
    options.bridge.micropip = micropipBridge(interpreter, config ?? {}, base, (names) => loadLockPackages(pyodide, names));
  }
  interpreter.registerJsModule('_pyscript', options.bridge);
  await installPythonPackage(interpreter, form);
  if (kind === 'pyodide' && (options.bridge.config as { experimental_create_proxy?: unknown }).experimental_create_proxy === 'auto') {
    enableAutoProxy(interpreter.raw as Parameters<typeof enableAutoProxy>[0]);
  }
  return interpreter;
}
