/**
 * Applies a parsed config to an interpreter, in two steps so downloads never
 * wait for the interpreter: {@link prepareConfig} starts every fetch and
 * import at once (call it before booting), and `apply()` writes the results
 * into the booted interpreter. No DOM: the same code runs in workers.
 */
import type { PyConfig } from './config.js';
import { absoluteUrl, baseUrl, fetchBytes, ProgressStage, type ProgressCallback } from './fetch-progress.js';
import { resolveFiles, writeFiles, type FetchedFile } from './files.js';
import { loadArchiveReader } from './lazy.js';
import { importJsModules, jsModulesBridge, type JsModulesBridge, type LoadedJsModule } from './js-modules.js';
import { fetchPackages, installPackages, type FetchedPackages } from './packages.js';
import { preparePyodidePackages, refreshImports } from './pyodide-packages.js';
import type { Interpreter, InterpreterKind } from './types.js';

/** How a config is applied. */
export interface ConfigOptions {
  kind: InterpreterKind;
  /** Which `js_modules` table to import here: `main` on the main thread, `worker` in a worker. */
  side: 'main' | 'worker';
  /** URL that relative entries resolve against: the config file's URL, or the page's. */
  base?: string;
  /** Byte progress of the `files` and `packages` stages. */
  onProgress?: ProgressCallback;
  /** URL of the interpreter module when it is not the bundled one (its `pyodide-lock.json` is read). */
  interpreterUrl?: string;
}

/** Downloads in flight, waiting for an interpreter to receive them. */
export interface PreparedConfig {
  /**
   * Writes files and installs packages into `interpreter`. Everything that
   * loaded is applied even when some entries failed.
   * @param onError receives each failure; without it, the first one is thrown once the rest is applied
   * @returns the `js_modules` of this side, for the `_pyscript` bridge
   * @throws PyScriptError `PY0404` for anything that could not be fetched, `PY1000` for bad entries
   */
  apply(interpreter: Interpreter, onError?: (error: unknown) => void): Promise<JsModulesBridge>;
}

/** Starts fetching `files`, `packages` and importing `js_modules`, in parallel. */
export function prepareConfig(config: PyConfig, options: ConfigOptions): PreparedConfig {
  const base = options.base ?? baseUrl();
  const settle = <T>(start: () => Promise<T>): Promise<T> => {
    let promise: Promise<T>;
    try {
      promise = start();
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.catch(() => undefined); // reported by apply(); not unhandled meanwhile
    return promise;
  };
  // The archive reader loads while the archives download.
  const unpacks = Object.values(config.files ?? {}).some((path) => String(path).endsWith('*'));
  if (unpacks || config.packages?.some((spec) => /\.whl$/i.test(spec))) loadArchiveReader().catch(() => undefined);
  const filesStage = new ProgressStage('files', options.onProgress);
  const files = Object.entries(config.files ?? {}).length
    ? settle(() => Promise.resolve(resolveFiles(config.files!))).then(
        (entries) => entries.map(({ url, path }) => settle(() => fetchFile(absoluteUrl(url, base), path, filesStage))),
        (error) => [settle<FetchedFile>(() => Promise.reject(error))],
      )
    : Promise.resolve([]);
  const packagesStage = new ProgressStage('packages', options.onProgress);
  // Pyodide resolves all its requirements together (they share dependencies); MicroPython fetches each.
  const packages: Promise<FetchedPackages>[] = options.kind === 'pyodide' && config.packages?.length
    ? [settle(() => preparePyodidePackages(config, base, options.interpreterUrl, packagesStage).then((pyodide) => ({ files: [], lockNames: [], pyodide })))]
    : (config.packages ?? []).map((spec) => settle(() => fetchPackages(options.kind, [spec], base, packagesStage, mipIndexes(config))));
  const table = config.js_modules?.[options.side] ?? {};
  const modules = Object.entries(table).map((entry) => settle(() => importJsModules(Object.fromEntries([entry]), base)));
  return {
    async apply(interpreter, onError) {
      const errors: unknown[] = [];
      const report = onError ?? ((error: unknown) => errors.push(error));
      const each = async <T>(promises: Promise<T>[], use: (value: T) => void | Promise<void>) => {
        for (const result of await Promise.allSettled(promises)) {
          try {
            if (result.status === 'rejected') throw result.reason;
            await use(result.value);
          } catch (error) {
            report(error);
          }
        }
      };
      await each(await files, (file) => writeFiles(interpreter, [file]));
      await each(packages, (fetched) => installPackages(interpreter, fetched, report));
      const loaded: Record<string, LoadedJsModule> = {};
      await each(modules, (module) => void Object.assign(loaded, module));
      if (interpreter.kind === 'pyodide' && (config.files || config.packages?.length)) {
        // Directory listings cached by earlier imports would hide the new files.
        refreshImports(interpreter);
      }
      if (errors.length) throw errors[0];
      return jsModulesBridge(loaded);
    },
  };
}

/** MicroPython's package indexes: the config's `index_urls`, else micropython-lib's. */
const mipIndexes = (config: PyConfig): string[] | undefined =>
  typeof config.index_urls === 'string' ? [config.index_urls] : config.index_urls;

async function fetchFile(url: string, path: string, stage: ProgressStage): Promise<FetchedFile> {
  return { url, path, bytes: await fetchBytes(url, 'file', stage) };
}
