/**
 * Pyodide's `packages`, `index_urls` and `packages_cache` config keys, and
 * the `micropip` bridge: the thin part that every Pyodide interpreter has.
 * The resolver itself (`dist/resolver.js`) is loaded only when a config
 * lists packages or Python calls `micropip.install()`.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { assetUrl } from './assets.js';
import type { PyConfig } from './config.js';
import type { ProgressStage } from './fetch-progress.js';
import { loadArchiveReader, loadResolver } from './lazy.js';
import { loadLockFile } from './lock-file.js';
import { startConfigPrefetch } from './resolver/config-prefetch.js';
import type { Interpreter } from './types.js';

type Resolver = Awaited<ReturnType<typeof loadResolver>>;
type ConfigResolution = Awaited<ReturnType<Resolver['resolveConfigPackages']>>;
type MicropipPlan = Awaited<ReturnType<Resolver['resolveForMicropip']>>;

/** PyPI's Simple API, micropip's default index. */
const DEFAULT_INDEX_URLS = ['https://pypi.org/simple'];

/** The resolver settings of a config. */
export function packageSettings(config: PyConfig, base: string): { indexUrls: string[]; base: string; cache: boolean } {
  const urls = config.index_urls;
  return {
    indexUrls: urls === undefined ? DEFAULT_INDEX_URLS : typeof urls === 'string' ? [urls] : urls,
    base,
    cache: config.packages_cache !== 'never',
  };
}

/** The config's packages, resolved and downloaded while Pyodide boots. */
export interface PreparedPyodidePackages {
  resolution: ConfigResolution;
}

/**
 * Resolves and downloads the config's packages.
 * @param interpreterUrl the `pyodide.mjs` that will run them (its lock file is read)
 */
export async function preparePyodidePackages(
  config: PyConfig,
  base: string,
  interpreterUrl: string | undefined,
  stage?: ProgressStage,
): Promise<PreparedPyodidePackages> {
  const lock = loadLockFile(interpreterUrl ?? assetUrl('pyodide/pyodide.mjs'));
  loadArchiveReader().catch(() => undefined); // wheels are read as they arrive; reported there
  const requirements = config.packages ?? [];
  const settings = packageSettings(config, base);
  // The last visit's note, index pages and cached wheels, while the resolver chunk loads.
  const prefetch = startConfigPrefetch(requirements, settings);
  const resolver = await resolverModule();
  try {
    return { resolution: await resolver.resolveConfigPackages(requirements, settings, lock, stage, prefetch) };
  } catch (error) {
    throw samePyScriptError(error);
  }
}

/**
 * Installs prepared packages into the booted interpreter; each requirement
 * that failed goes to `report` (a `PY0404`, or `PY1000` for one that does not parse).
 */
export async function installPyodidePackages(
  interpreter: Interpreter,
  prepared: PreparedPyodidePackages,
  loadLockNames: (names: string[]) => Promise<void>,
  report: (error: unknown) => void,
): Promise<void> {
  const resolver = await resolverModule();
  const { lockNames, errors } = await resolver.installConfigPackages(interpreter, prepared.resolution).catch((error: unknown) => {
    throw samePyScriptError(error);
  });
  for (const { code, message, cause } of errors) report(new PyScriptError(code, message, { cause }));
  if (lockNames.length) await loadLockNames(lockNames);
}

/** `dist/resolver.js`; failing to load it is a `PY0404`. */
function resolverModule(): Promise<Resolver> {
  return loadResolver().catch((error: Error) => {
    throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to load the package resolver (resolver.js next to core.js): ${error.message}`, { cause: error });
  });
}

/**
 * The resolver chunk bundles its own copy of the error classes: rebuild its
 * errors as this bundle's `PyScriptError`, so the page shows their code.
 */
function samePyScriptError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (error instanceof PyScriptError || !code || !/^PY\d{4}$/.test(code)) return error;
  return new PyScriptError(code as PyScriptError['code'], message ?? String(error), { cause: error });
}

/**
 * Makes files written since the last import importable: drops the directory
 * listings the path finders cached (and `importlib.metadata`'s, when it is
 * loaded). `importlib.invalidate_caches()` does that too, but first imports
 * `importlib.metadata` (with `email`, `csv`, `zipfile`…): 0.3–1.5 s of a
 * page's start-up.
 */
const REFRESH_IMPORTS = `
import sys
for finder in list(sys.path_importer_cache.values()):
    if type(finder).__name__ == "FileFinder":
        finder.invalidate_caches()
if "importlib.metadata" in sys.modules:
    sys.modules["importlib.metadata"].MetadataPathFinder.invalidate_caches()
if "_frozen_importlib_external" in sys.modules:
    sys.modules["_frozen_importlib_external"]._NamespacePath._epoch += 1
`;

/** See {@link REFRESH_IMPORTS}; runs in a namespace of its own, so the page's globals stay as they were. */
export function refreshImports(interpreter: Interpreter): void {
  const pyodide = interpreter.raw as { runPython(code: string, options: { globals: unknown }): unknown; globals: { get(name: string): unknown } };
  const scope = (pyodide.globals.get('dict') as () => { destroy?(): void })();
  try {
    pyodide.runPython(REFRESH_IMPORTS, { globals: scope });
  } finally {
    scope.destroy?.();
  }
}

/** What `_pyscript.micropip` gives the Python `micropip` module. */
export interface MicropipBridge {
  /** The index URLs of the config (micropip's default for `index_urls`). */
  index_urls: string[];
  /** Resolves requirements; the plan's `install()` installs them. Rejects with the message micropip raises. */
  resolve(requirements: string[], options: object): Promise<MicropipPlan>;
}

/** The `micropip` bridge of a Pyodide interpreter. */
export function micropipBridge(
  interpreter: Interpreter,
  config: PyConfig,
  base: string,
  loadLockNames: (names: string[]) => Promise<void>,
): MicropipBridge {
  const settings = packageSettings(config, base);
  return {
    index_urls: settings.indexUrls,
    async resolve(requirements, options) {
      const resolver = await resolverModule();
      return resolver.resolveForMicropip(interpreter, settings, requirements, options, loadLockNames);
    },
  };
}
