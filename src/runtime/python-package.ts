/**
 * The Python `pyscript` package: real `.py` files under `src/python/`,
 * which the build writes as one module, `dist/pyscript-python.js`
 * (`{path: text}`). It is imported by URL, not bundled, so `core.js` and
 * `worker.js` each stay one file and the package downloads in parallel with
 * the interpreter; its files are written to the interpreter's file system
 * before any user code runs.
 */
import { assetUrl } from './assets.js';
import type { Interpreter } from './types.js';

type PackageFiles = Record<string, string>;

let loading: Promise<PackageFiles> | undefined;

/** Starts (once) the download of the package's files. */
export function loadPythonPackage(): Promise<PackageFiles> {
  loading ??= import(/* @vite-ignore */ assetUrl('pyscript-python.js')).then((module: { default: PackageFiles }) => module.default);
  return loading;
}

/** Writes every file of the `pyscript` package into `interpreter.sitePackages`. */
export async function installPythonPackage(interpreter: Interpreter): Promise<void> {
  const files = await loadPythonPackage();
  const made = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    const full = `${interpreter.sitePackages}/${path}`;
    const dir = full.slice(0, full.lastIndexOf('/'));
    if (!made.has(dir)) {
      interpreter.mkdirTree(dir);
      made.add(dir);
    }
    interpreter.writeFile(full, text);
  }
}
