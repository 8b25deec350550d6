/**
 * Pyodide's standard library (`python_stdlib.zip`, 2.5 MB) on demand. A
 * Pyodide booted from the start-up snapshot already holds every module that
 * start-up imported (`dist/pyodide/snapshot.json` lists them); a page whose
 * code imports nothing else never reads the zip. So the boot from the
 * snapshot gets an empty stand-in, and `/lib/python314.zip` becomes a file
 * that fills itself on first use:
 *
 * - from the download started by {@link prefetchStdlib}, when code is about to
 *   run that imports a module outside the snapshot (a scan of its import
 *   statements), or when the config has `files` or `packages`; the code
 *   waits for it, asynchronously;
 * - else, on the first read of the file (a dynamic import the scan missed),
 *   by a synchronous request, so that the import still works.
 */
import { assetUrl } from './assets.js';
import { answerDuringBoot, duringBoot } from './boot-fetch.js';

/** What the build writes to `dist/pyodide/snapshot.json`. */
interface SnapshotModules {
  /** Every module in `sys.modules` when the snapshot was made (dotted names). */
  modules: string[];
  /** For each of those that is a package: its submodules in the zip (short names). */
  packages: Record<string, string[]>;
  /** The sha256 of `snapshot.bin.br`, the snapshot this listing goes with. */
  snapshot?: string;
  /** The sha256 of `pyodide.asm.wasm.br` (added by `scripts/build.mjs`). */
  wasm?: string;
}

/** Modules that are never in the zip: ours and Pyodide's JavaScript bridges. */
const outside = /^(?:pyscript|_pyscript|js|pyodide_js)(?:\.|$)/;

const stdlibUrl = () => assetUrl('pyodide/python_stdlib.zip');
let listing: Promise<{ modules: Set<string>; packages: Record<string, string[]>; snapshot?: string; wasm?: string } | undefined> | undefined;
let download: Promise<Uint8Array> | undefined;
let contents: Uint8Array | undefined;
/** The lazy file's node, once installed, so that an arriving download fills it. */
let pending: ((bytes: Uint8Array) => void) | undefined;

/** Starts (once) the download of `dist/pyodide/snapshot.json`, the modules the snapshot holds. */
export function loadSnapshotModules(): void {
  listing ??= fetch(assetUrl('pyodide/snapshot.json'))
    .then((response) => (response.ok ? (response.json() as Promise<SnapshotModules>) : undefined))
    .then((found) => found && { modules: new Set(found.modules), packages: found.packages, snapshot: found.snapshot, wasm: found.wasm })
    .catch(() => undefined);
}

/** What `snapshot.json` says identifies the snapshot (its sha256), if it says. */
export function snapshotDigest(): Promise<string | undefined> {
  loadSnapshotModules();
  return listing!.then((found) => found?.snapshot);
}

/** What `snapshot.json` says identifies the compressed wasm (its sha256), if it says. */
export function wasmDigest(): Promise<string | undefined> {
  loadSnapshotModules();
  return listing!.then((found) => found?.wasm);
}

/** Starts (once) the download of the zip; the lazy file takes it when it arrives. */
export function prefetchStdlib(): Promise<Uint8Array> {
  download ??= fetch(stdlibUrl()).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${stdlibUrl()}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    contents ??= bytes;
    pending?.(contents);
    return contents;
  });
  return download;
}

/** The names `code` imports, as far as its import statements and literal dynamic imports say. */
export function importedNames(code: string): { module: string; names: string[] }[] {
  const found: { module: string; names: string[] }[] = [];
  // Strings and comments could hide or fake an import; a false "needs it"
  // only costs a download, a missed one the synchronous fallback.
  for (const match of code.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
    for (const part of match[1].split(',')) {
      const module = part.trim().split(/\s+as\s+/)[0].trim();
      if (module) found.push({ module, names: [] });
    }
  }
  for (const match of code.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm)) {
    if (match[1].startsWith('.')) continue; // relative: the page's own files
    const names = match[2].replace(/[()\\]/g, ' ').split(',').map((name) => name.trim().split(/\s+as\s+/)[0].trim()).filter(Boolean);
    found.push({ module: match[1], names });
  }
  for (const match of code.matchAll(/(?:__import__|import_module)\(\s*['"]([\w.]+)['"]/g)) found.push({ module: match[1], names: [] });
  return found;
}

/** Whether `code` (probably) imports a module that the snapshot does not hold. */
export async function needsStdlib(code: string): Promise<boolean> {
  if (contents || !/\bimport\b/.test(code)) return false;
  const known = await listing;
  if (!known) return true;
  const has = (module: string) => known.modules.has(module) || outside.test(module);
  for (const { module, names } of importedNames(code)) {
    // `import a.b.c` loads a, a.b and a.b.c.
    const parts = module.split('.');
    for (let i = 1; i <= parts.length; i++) if (!has(parts.slice(0, i).join('.'))) return true;
    // `from a import b`: b may be a submodule of the package a.
    const children = known.packages[module];
    if (children && names.some((name) => name === '*' || (children.includes(name) && !has(`${module}.${name}`)))) return true;
  }
  return false;
}

/** Before running `code`: when it needs the zip, wait for the download (started now if it was not). */
export async function beforeRun(code: string): Promise<void> {
  if (pending && (await needsStdlib(code))) await prefetchStdlib();
}

/**
 * Boots from the snapshot with an empty stand-in for the standard library:
 * `boot` gets the `stdLibURL` to pass, and while it runs a `fetch` of that
 * URL answers empty bytes without a request. (A `data:` URL would do the
 * same, but a strict Content-Security-Policy's `connect-src` blocks it.)
 */
export async function withStdlibStandIn<T>(boot: (stdLibURL: string) => Promise<T>): Promise<T> {
  const standIn = `${stdlibUrl()}#stand-in`;
  const forget = answerDuringBoot(standIn, () => new Response(new Uint8Array(0)));
  try {
    return await duringBoot(() => boot(standIn));
  } finally {
    forget();
  }
}

interface EmscriptenFS {
  lookupPath(path: string): { node: MemfsNode };
}
interface MemfsNode {
  contents: Uint8Array | null;
  usedBytes: number;
  node_ops: Record<string, (...args: unknown[]) => unknown>;
  stream_ops: Record<string, (...args: unknown[]) => unknown>;
}

/**
 * Makes `path` (the empty stand-in Pyodide wrote) a file that fills itself:
 * with the download's bytes when they arrive, or synchronously on first use.
 */
export function installLazyStdlib(FS: EmscriptenFS, path: string): void {
  const { node } = FS.lookupPath(path);
  const nodeOps = node.node_ops;
  const streamOps = node.stream_ops;
  const fill = (bytes: Uint8Array) => {
    if (pending !== fill) return;
    pending = undefined;
    node.contents = bytes;
    node.usedBytes = bytes.length;
    node.node_ops = nodeOps;
    node.stream_ops = streamOps;
  };
  const ensure = () => {
    if (pending === fill) fill((contents ??= fetchSync(stdlibUrl())));
  };
  const wrap = (ops: Record<string, (...args: unknown[]) => unknown>) =>
    Object.fromEntries(Object.entries(ops).map(([name, op]) => [name, (...args: unknown[]) => {
      ensure();
      return op(...args);
    }]));
  pending = fill;
  node.node_ops = wrap(nodeOps);
  node.stream_ops = wrap(streamOps);
  if (contents) fill(contents);
}

/** A synchronous GET of binary data: in a worker as an ArrayBuffer, on the main thread through a binary string. */
function fetchSync(url: string): Uint8Array {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  const window = typeof document !== 'undefined';
  if (window) request.overrideMimeType('text/plain; charset=x-user-defined');
  else request.responseType = 'arraybuffer';
  request.send();
  if (request.status !== 200) throw new Error(`HTTP ${request.status} for ${url}`);
  if (!window) return new Uint8Array(request.response as ArrayBuffer);
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
