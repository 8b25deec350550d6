/**
 * The `packages` config key. Pyodide: requirements and `.whl` URLs are
 * resolved with their dependencies (`pyodide-packages.ts`, the lock file and
 * the `index_urls`) in parallel with the interpreter; lock-file names are
 * loaded by `pyodide.loadPackage`. MicroPython: names from mip's package
 * index (micropython-lib's, or the `index_urls`), URLs of `.py`/`.mpy` files
 * and of mip `package.json` manifests (and wheels) are installed into `/lib`.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { absoluteUrl, fetchBytes, fetchText, type ProgressStage } from './fetch-progress.js';
import { unpackArchive, wheelPath, writeTree } from './files.js';
import type { PyodideAPI } from './pyodide.js';
import { installPyodidePackages, type PreparedPyodidePackages } from './pyodide-packages.js';
import type { Interpreter, InterpreterKind } from './types.js';

/** One downloaded file of a package, with where it goes under site-packages. */
interface PackageFile {
  /** Path relative to site-packages (`''` for a wheel, which is unpacked there). */
  path: string;
  url: string;
  bytes: Uint8Array;
}

/** What the prefetch step found: files to write, and lock names left to `loadPackage`. */
export interface FetchedPackages {
  files: PackageFile[];
  lockNames: string[];
  /** Pyodide: the resolved requirements and their downloaded wheels. */
  pyodide?: PreparedPyodidePackages;
}

/**
 * Starts downloading what can be downloaded before the interpreter is up.
 * @throws PyScriptError `PY0404` (rejected) for a package that cannot be fetched or is not pure Python
 */
export function fetchPackages(
  kind: InterpreterKind,
  packages: string[],
  base: string,
  stage?: ProgressStage,
  indexUrls: string[] = [MIP_INDEX],
): Promise<FetchedPackages> {
  const lockNames: string[] = [];
  const downloads: Promise<PackageFile[]>[] = [];
  for (const spec of packages) {
    const isUrl = /[/:]|\.(whl|py|mpy|json)(?:[?#].*)?$/i.test(spec);
    if (!isUrl) {
      if (kind === 'pyodide') lockNames.push(spec);
      else downloads.push(fetchMipPackage(spec, { indexes: indexUrls, base, seen: new Set() }, stage));
      continue;
    }
    const url = absoluteUrl(spec, base);
    const file = fileName(url);
    if (/\.whl$/i.test(file)) {
      const error = impureWheelError(file, url);
      if (error) downloads.push(Promise.reject(error));
      else downloads.push(fetchBytes(url, 'package', stage).then((bytes) => [{ path: '', url, bytes }]));
    } else if (kind === 'micropython' && /\.m?py$/i.test(file)) {
      downloads.push(fetchBytes(url, 'package', stage).then((bytes) => [{ path: file, url, bytes }]));
    } else if (kind === 'micropython' && /\.json$/i.test(file)) {
      downloads.push(fetchMipManifest(url, stage, new Set(), { indexes: indexUrls, base, seen: new Set() }));
    } else {
      const expected = kind === 'pyodide' ? 'a .whl file or a name from pyodide-lock.json' : 'a .py, .mpy, .whl or package.json file';
      downloads.push(Promise.reject(new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid package ${spec}: expected ${expected}.`)));
    }
  }
  const all = Promise.all(downloads).then((lists) => ({ files: lists.flat(), lockNames }));
  return all;
}

/**
 * Installs fetched packages: files into site-packages, then lock names
 * through `pyodide.loadPackage`, checking that each really was installed.
 * @param report receives each requirement of a Pyodide resolution that failed
 * @throws PyScriptError `PY0404` naming the package that could not be loaded
 */
export async function installPackages(interpreter: Interpreter, fetched: FetchedPackages, report?: (error: unknown) => void): Promise<void> {
  if (fetched.pyodide) {
    const pyodide = interpreter.raw as PyodideAPI;
    const fail = report ?? ((error: unknown) => { throw error; });
    return installPyodidePackages(interpreter, fetched.pyodide, (names) => loadLockPackages(pyodide, names), fail);
  }
  for (const { path, url, bytes } of fetched.files) {
    if (path) writeTree(interpreter, `${interpreter.sitePackages}/${path}`, bytes);
    else await unpackArchive(interpreter, bytes, url, interpreter.sitePackages, 'zip', wheelPath);
  }
  if (fetched.lockNames.length && interpreter.kind === 'pyodide') {
    await loadLockPackages(interpreter.raw as PyodideAPI, fetched.lockNames);
  }
}

/**
 * Loads lock-file packages. `loadPackage` logs failed downloads and
 * resolves; this compares what was asked with what loaded.
 * @throws PyScriptError `PY0404` naming the packages that could not be loaded
 */
export async function loadLockPackages(pyodide: PyodideAPI, names: string[]): Promise<void> {
  let loaded: { name: string }[];
  try {
    loaded = (await pyodide.loadPackage(names, {
      messageCallback: () => undefined,
      // Failures are reported below, with the URL and status; Pyodide's own lines go to the console.
      errorCallback: (message: string) => console.warn(message),
    })) as { name: string }[];
  } catch (error) {
    const message = (error as Error).message;
    const name = /'([^']+)'/.exec(message)?.[1] ?? names.join(', ');
    throw new PyScriptError(
      ErrorCode.FETCH_ERROR,
      `Unable to load package '${name}': ${message}. Check the name against pyodide-lock.json, or give the URL of a .whl file.`,
      { cause: error },
    );
  }
  const have = new Set(loaded.map((pkg) => normalize(pkg.name)));
  const loadedPackages = (pyodide as unknown as { loadedPackages: Record<string, unknown> }).loadedPackages;
  const missing = names.filter((name) => !have.has(normalize(name)) && !(name in loadedPackages) && !(normalize(name) in loadedPackages));
  if (missing.length) {
    const details = await Promise.all(missing.map((name) => describeLockFailure(pyodide, name)));
    throw new PyScriptError(
      ErrorCode.FETCH_ERROR,
      `Unable to load package ${missing.map((name) => `'${name}'`).join(', ')} from pyodide-lock.json: ${details.join('; ')}. ` +
        'This build ships no package wheels: serve them next to pyodide-lock.json, or list the URL of a .whl file instead.',
    );
  }
}

/** Which wheel URL a lock-file package failed on, and its HTTP status (only on the failure path). */
async function describeLockFailure(pyodide: PyodideAPI, name: string): Promise<string> {
  // Pyodide keeps its lock and base URL on the private `_api`; without them, say less.
  const api = (pyodide as unknown as { _api?: { config?: { packageBaseUrl?: string }; lockfile_packages?: Record<string, { file_name: string }> } })._api;
  const file = api?.lockfile_packages?.[normalize(name)]?.file_name;
  if (!file || !api?.config?.packageBaseUrl) return 'its wheel could not be fetched';
  const url = new URL(file, api.config.packageBaseUrl).href;
  const status = await fetch(url, { method: 'HEAD' }).then((response) => `HTTP ${response.status}`, (error: Error) => error.message);
  return `${url} could not be fetched (${status})`;
}

/** micropython-lib's index, which mip asks for names. */
export const MIP_INDEX = 'https://micropython.org/pi/v2';

/** Where mip names are looked up: the indexes, what relative ones resolve against, the names already asked for. */
interface MipIndexes {
  indexes: string[];
  base: string;
  seen: Set<string>;
}

/**
 * A MicroPython package by name (`name` or `name@version`), as mip finds it:
 * `<index>/package/py/<name>/<version>.json` in each index in turn, its
 * `hashes` entries at `<index>/file/<xx>/<hash>`.
 * @throws PyScriptError `PY0404` naming every index tried
 */
async function fetchMipPackage(spec: string, mip: MipIndexes, stage?: ProgressStage): Promise<PackageFile[]> {
  const [name, version = 'latest'] = spec.split('@');
  if (mip.seen.has(name)) return [];
  mip.seen.add(name);
  const tried: string[] = [];
  for (const index of mip.indexes) {
    const root = absoluteUrl(index, mip.base).replace(/\/+$/, '');
    const url = `${root}/package/py/${name}/${version}.json`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      tried.push(`${url} (unreachable: ${(error as Error).message})`);
      continue;
    }
    if (!response.ok) {
      tried.push(`${url} (HTTP ${response.status})`);
      continue;
    }
    return fetchMipManifest(url, stage, new Set(), mip, root, await response.text());
  }
  throw new PyScriptError(
    ErrorCode.FETCH_ERROR,
    `Unable to install MicroPython package '${spec}': it is not in ${tried.join(', ') || 'any index (index_urls is empty)'}. ` +
      'Check the name and the "index_urls" config key, or give the URL of a .py or .mpy file or of a package.json manifest.',
  );
}

/**
 * Reads a mip `package.json`: `urls` relative to the manifest, `hashes` in
 * the index it came from, `deps` (names from the indexes, or URLs), recursively.
 */
async function fetchMipManifest(
  url: string,
  stage: ProgressStage | undefined,
  seen: Set<string>,
  mip: MipIndexes,
  index?: string,
  body?: string,
): Promise<PackageFile[]> {
  if (seen.has(url)) return [];
  seen.add(url);
  const text = body ?? (await fetchText(url, 'package manifest'));
  let manifest: { urls?: [string, string][]; deps?: [string, string?][]; hashes?: unknown[] };
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid package manifest ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (manifest.hashes?.length && !index) {
    throw new PyScriptError(
      ErrorCode.FETCH_ERROR,
      `Unable to install ${url}: its "hashes" entries need the package index it belongs to; install it by name, or list the files under "urls" instead.`,
    );
  }
  const hashed = ((manifest.hashes ?? []) as [string, string][]).map(([path, hash]) => [path, `${index}/file/${hash.slice(0, 2)}/${hash}`]);
  const files = [...hashed, ...(manifest.urls ?? [])].map(async ([path, source]) => ({
    path: path.replace(/^\/+/, ''),
    url: new URL(source, url).href,
    bytes: await fetchBytes(new URL(source, url).href, 'package file', stage),
  }));
  const deps = (manifest.deps ?? []).map(([dep, version]) => {
    if (!/[/:]|\.(py|mpy|json)$/.test(dep)) return fetchMipPackage(version ? `${dep}@${version}` : dep, mip, stage);
    const depUrl = new URL(dep, url).href;
    if (/\.json$/.test(depUrl)) return fetchMipManifest(depUrl, stage, seen, mip);
    return fetchBytes(depUrl, 'package', stage).then((bytes) => [{ path: fileName(depUrl), url: depUrl, bytes }]);
  });
  const lists = await Promise.all([...files.map((file) => file.then((one) => [one])), ...deps]);
  return lists.flat();
}

/**
 * The FAQ's "Can't find a pure Python 3 wheel" error for a wheel built for
 * another platform; wheels for any platform, or for Pyodide's, are fine.
 */
export function impureWheelError(file: string, url: string): PyScriptError | undefined {
  const parts = file.replace(/\.whl$/i, '').split('-');
  if (parts.length < 5) {
    return new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid wheel file name ${file} (${url}): expected name-version-python-abi-platform.whl.`);
  }
  const [python, , platform] = parts.slice(-3);
  const pure = platform === 'any' && python.split('.').some((tag) => /^py3\d*$/.test(tag));
  const forPyodide = /(emscripten|pyodide|pyemscripten).*wasm32/.test(platform);
  if (pure || forPyodide) return undefined;
  return new PyScriptError(
    ErrorCode.FETCH_ERROR,
    `Can't find a pure Python 3 wheel for: '${parts[0]}' (${url} is built for ${python}/${platform}). ` +
      'Packages with compiled code need a build for WebAssembly (Pyodide); see the FAQ "Python packages".',
  );
}


const fileName = (url: string) => new URL(url).pathname.split('/').pop() ?? '';
const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
