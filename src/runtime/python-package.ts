/**
 * The Python `pyscript` package: real `.py` files under `src/python/`,
 * which the build writes as one module, `dist/pyscript-python.js`
 * (`{path: text}`); again with the bundled Pyodide's bytecode beside them,
 * `dist/pyscript-pyodide.js` (`{path: text}`, `.pyc` files in base64, under
 * `__pycache__/`); and compiled to MicroPython bytecode as a ROMFS
 * image, `dist/pyscript-micropython.js` (the image, base64). They are
 * imported by URL, not bundled, so `core.js` and `worker.js` each stay one
 * file and the package downloads in parallel with the interpreter. The
 * source files are written to the interpreter's file system before any
 * user code runs; the image is handed to MicroPython as it starts, which
 * mounts it at /rom and imports from it in place (no file writes).
 */
import { assetUrl } from './assets.js';
import type { Interpreter } from './types.js';

/** Which form of the package an interpreter takes. */
export type PackageForm = 'source' | 'pyodide' | 'romfs';

type PackageFiles = Record<string, string>;

const loaded = new Map<PackageForm, Promise<PackageFiles>>();
let image: Promise<Uint8Array> | undefined;

/**
 * The bundled MicroPython mounts the bytecode image: it skips the compiler
 * and the file writes. The bundled Pyodide imports the .pyc files beside the
 * sources: CPython's compiler is slow on wasm that is not yet optimised
 * (~100 ms for `import pyscript`). An interpreter from elsewhere (the
 * `interpreter` key) may read another bytecode version, or none: source.
 */
export function packageForm(kind: Interpreter['kind'], bundled: boolean): PackageForm {
  if (!bundled) return 'source';
  return kind === 'micropython' ? 'romfs' : 'pyodide';
}

const importDefault = <T>(name: string): Promise<T> =>
  import(/* @vite-ignore */ assetUrl(name)).then((module: { default: T }) => module.default);

/** Starts (once) the download of the package in `form`. */
export function loadPythonPackage(form: PackageForm): Promise<unknown> {
  return form === 'romfs' ? loadPythonImage() : loadPythonFiles(form);
}

/** The package's files in `form` (downloaded once). */
function loadPythonFiles(form: Exclude<PackageForm, 'romfs'>): Promise<PackageFiles> {
  let files = loaded.get(form);
  if (!files) {
    files = importDefault<PackageFiles>(form === 'pyodide' ? 'pyscript-pyodide.js' : 'pyscript-python.js');
    loaded.set(form, files);
  }
  return files;
}

/** The package as a ROMFS image for the bundled MicroPython (downloaded once). */
export function loadPythonImage(): Promise<Uint8Array> {
  image ??= importDefault<string>('pyscript-micropython.js').then(decodeBase64);
  return image;
}

/** In a worker: the image comes from main (`null`: main has none, load it here). */
export function receivePythonImage(bytes: Promise<ArrayBuffer | null>): void {
  image ??= bytes.then((body) => body ? new Uint8Array(body) : importDefault<string>('pyscript-micropython.js').then(decodeBase64));
}

/**
 * Writes every file of the package, in `form`, into `interpreter.sitePackages`;
 * nothing to do for the image, which the interpreter mounted as it started.
 */
export async function installPythonPackage(interpreter: Interpreter, form: PackageForm): Promise<void> {
  if (form === 'romfs') return;
  const files = await loadPythonFiles(form);
  const made = new Set<string>();
  for (const [path, text] of Object.entries(files)) {
    if (interpreter.kind !== 'pyodide' && path.startsWith('micropip/')) continue; // Pyodide's only
    const full = `${interpreter.sitePackages}/${path}`;
    const dir = full.slice(0, full.lastIndexOf('/'));
    if (!made.has(dir)) {
      interpreter.mkdirTree(dir);
      made.add(dir);
    }
    // Bytes: Emscripten's string path encodes one character at a time.
    interpreter.writeFile(full, path.endsWith('.pyc') ? decodeBase64(text) : encoder.encode(text));
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
