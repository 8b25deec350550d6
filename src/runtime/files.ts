/**
 * The `files` config key: every URL is fetched in parallel (before the
 * interpreter is even up) and written into the interpreter's virtual file
 * system, creating directories as needed. An archive (`.zip`, `.whl`,
 * `.tar.gz`, `.tgz`) whose destination ends in `*` is unpacked there.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { loadArchiveReader } from './lazy.js';
import type { Interpreter } from './types.js';

/** One `files` entry, templates resolved. */
export interface FileEntry {
  /** The URL to fetch, as written (relative to the page or config). */
  url: string;
  /** The destination path; ends in `*` when the archive is to be unpacked there. */
  path: string;
}

/**
 * Resolves `files`: keys like `"{DOMAIN}"` define templates used by later
 * keys and paths; a path that is empty or ends in `/` gets the URL's file name.
 * @throws PyScriptError `PY1000` for an unknown or duplicated template, or two entries with one destination
 */
export function resolveFiles(files: Record<string, string>): FileEntry[] {
  const templates = new Map<string, string>();
  const entries: FileEntry[] = [];
  const paths = new Set<string>();
  const fill = (text: string) =>
    text.replace(/\{[^{}]+\}/g, (name) => {
      const value = templates.get(name);
      if (value === undefined) {
        throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid files template ${name} in "${text}": define it first, as "${name}" = "…".`);
      }
      return value;
    });
  for (const [source, dest] of Object.entries(files)) {
    if (/^\{[^{}]+\}$/.test(source)) {
      if (templates.has(source)) throw new PyScriptError(ErrorCode.BAD_CONFIG, `Duplicated files template ${source}.`);
      templates.set(source, fill(dest));
      continue;
    }
    const url = fill(source);
    let path = fill(dest || './');
    if (path.endsWith('/')) path += url.split(/[?#]/)[0].split('/').pop();
    if (paths.has(path) && !path.endsWith('*')) {
      throw new PyScriptError(ErrorCode.BAD_CONFIG, `Two files entries write to ${path}.`);
    }
    paths.add(path);
    entries.push({ url, path });
  }
  return entries;
}

/** The archive format of a `files` entry unpacked to a `*` path, by the URL's extension. */
export function archiveFormat(url: string): 'zip' | 'tgz' | undefined {
  const name = url.split(/[?#]/)[0].toLowerCase();
  if (/\.(zip|whl)$/.test(name)) return 'zip';
  if (/\.(tgz|tar\.gz)$/.test(name)) return 'tgz';
  return undefined;
}

/** A `files` entry with its content. */
export interface FetchedFile {
  /** The absolute URL it came from. */
  url: string;
  /** The destination as configured (relative paths are relative to the working directory). */
  path: string;
  bytes: Uint8Array;
}

/** Writes fetched files (and unpacks archives) into the interpreter's file system. */
export async function writeFiles(interpreter: Interpreter, files: FetchedFile[]): Promise<void> {
  const cwd = workingDirectory(interpreter);
  for (const { url, path, bytes } of files) {
    if (path.endsWith('*')) {
      const format = archiveFormat(url);
      if (!format) {
        throw new PyScriptError(
          ErrorCode.BAD_CONFIG,
          `Cannot unpack ${url} into ${path}: only .zip, .whl, .tar.gz and .tgz archives can go to a path ending in "*".`,
        );
      }
      await unpackArchive(interpreter, bytes, url, resolvePath(cwd, path.slice(0, -1) || '.'), format);
    } else {
      writeTree(interpreter, resolvePath(cwd, path), bytes);
    }
  }
}

/**
 * Unpacks a zip (or wheel) or a gzipped tar into `dir`.
 * @param rename maps an entry's name to where it goes under `dir` (`undefined` skips it)
 * @throws PyScriptError `PY0404` when the archive is corrupt
 */
export async function unpackArchive(
  interpreter: Interpreter,
  bytes: Uint8Array,
  url: string,
  dir: string,
  format: 'zip' | 'tgz',
  rename: (name: string) => string | undefined = (name) => name,
): Promise<void> {
  const { readArchive } = await loadArchiveReader();
  let entries: [string, Uint8Array | undefined][];
  try {
    entries = readArchive(bytes, format);
  } catch (error) {
    const kind = format === 'zip' ? 'zip' : 'gzipped tar';
    throw new PyScriptError(
      ErrorCode.FETCH_ERROR,
      `Unable to unpack ${url}: it is not a valid ${kind} archive (${(error as Error).message}).`,
      { cause: error },
    );
  }
  writeEntries(interpreter, entries, dir, rename);
}

/** Writes an archive's entries (see {@link unpackArchive}) under `dir`. */
export function writeEntries(
  interpreter: Interpreter,
  entries: [string, Uint8Array | undefined][],
  dir: string,
  rename: (name: string) => string | undefined = (name) => name,
): void {
  interpreter.mkdirTree(dir);
  for (const [entry, data] of entries) {
    const name = rename(entry);
    if (name === undefined) continue;
    const path = resolvePath(dir, name);
    if (!path.startsWith(dir === '/' ? '/' : `${dir}/`)) continue; // "../" entries must not escape the target
    if (name.endsWith('/') || !data) interpreter.mkdirTree(path.replace(/\/$/, ''));
    else writeTree(interpreter, path, data);
  }
}

/** Where a wheel entry goes: `*.data/purelib|platlib/` into site-packages; other `.data` parts (scripts, headers) nowhere. */
export const wheelPath = (name: string): string | undefined => {
  const data = /^[^/]+\.data\/([^/]+)\/(.*)$/.exec(name);
  if (!data) return name;
  return data[1] === 'purelib' || data[1] === 'platlib' ? data[2] : undefined;
};

/** Writes `data` to the absolute `path`, creating its directory. */
export function writeTree(interpreter: Interpreter, path: string, data: string | Uint8Array): void {
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (dir) interpreter.mkdirTree(dir);
  interpreter.writeFile(path, data);
}

/** The interpreter's working directory (Pyodide: `/home/pyodide`; MicroPython: `/`). */
function workingDirectory(interpreter: Interpreter): string {
  // Both interpreters are Emscripten builds exposing `FS`; the adapter interface has no `cwd`.
  const fs = (interpreter.raw as { FS?: { cwd?(): string } }).FS;
  return fs?.cwd?.() ?? '/';
}

/** Joins `path` onto `cwd` and removes `.`/`..` segments. */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : cwd}/${path}`.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}
