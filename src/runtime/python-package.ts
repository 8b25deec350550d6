/**
 * The Python `pyscript` package: real `.py` files under `src/python/`,
 * bundled as text and written to the interpreter's file system before any
 * user code runs. Loaded lazily so `core.js` stays small.
 */
import type { Interpreter } from './types.js';

/** Writes every file of the `pyscript` package into `interpreter.sitePackages`. */
export async function installPythonPackage(interpreter: Interpreter): Promise<void> {
  const { default: files } = await import('virtual:python-files');
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
