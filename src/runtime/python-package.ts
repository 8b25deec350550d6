/**
 * The Python `pyscript` package: real `.py` files under `src/python/`,
 * which the build writes as one module, `dist/pyscript-python.js`
 * (`{path: text}`), and again compiled to MicroPython bytecode,
 * `dist/pyscript-micropython.js` (`{path.mpy: base64}`). They are imported
 * by URL, not bundled, so `core.js` and `worker.js` each stay one file and
 * the package downloads in parallel with the interpreter; its files are
 * written to the interpreter's file system before any user code runs.
 */
import { assetUrl } from './assets.js';
import type { Interpreter } from './types.js';

/** Which form of the package an interpreter takes. */
export type PackageForm = 'source' | 'bytecode';

type PackageFiles = Record<string, string | Uint8Array>;

const modules: Record<PackageForm, string> = { source: 'pyscript-python.js', bytecode: 'pyscript-micropython.js' };
const loading: Partial<Record<PackageForm, Promise<PackageFiles>>> = {};

/**
 * The bundled MicroPython imports the bytecode: it skips the compiler. A
 * MicroPython from elsewhere (the `interpreter` key) may read another .mpy
 * version, and Pyodide reads only source.
 */
export function packageForm(kind: Interpreter['kind'], bundled: boolean): PackageForm {
  return kind === 'micropython' && bundled ? 'bytecode' : 'source';
}

/** Starts (once) the download of the package's files in `form`. */
export function loadPythonPackage(form: PackageForm): Promise<PackageFiles> {
  loading[form] ??= import(/* @vite-ignore */ assetUrl(modules[form])).then(({ default: files }: { default: Record<string, string> }) =>
    form === 'bytecode' ? Object.fromEntries(Object.entries(files).map(([path, base64]) => [path, decodeBase64(base64)])) : files,
  );
  return loading[form];
}

/** Writes every file of the package, in `form`, into `interpreter.sitePackages`. */
export async function installPythonPackage(interpreter: Interpreter, form: PackageForm): Promise<void> {
  const files = await loadPythonPackage(form);
  const made = new Set<string>();
  for (const [path, data] of Object.entries(files)) {
    if (interpreter.kind !== 'pyodide' && path.startsWith('micropip/')) continue; // Pyodide's only
    const full = `${interpreter.sitePackages}/${path}`;
    const dir = full.slice(0, full.lastIndexOf('/'));
    if (!made.has(dir)) {
      interpreter.mkdirTree(dir);
      made.add(dir);
    }
    // Bytes: Emscripten's string path encodes one character at a time.
    interpreter.writeFile(full, typeof data === 'string' ? encoder.encode(data) : data);
  }
}

const encoder = new TextEncoder();

function decodeBase64(text: string): Uint8Array {
  const typed = Uint8Array as unknown as { fromBase64?(text: string): Uint8Array };
  if (typed.fromBase64) return typed.fromBase64(text); // Chrome 140+, Firefox 133+, Safari 18.2+
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
