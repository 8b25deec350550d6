/**
 * Putting a resolved {@link Plan} into a booted Pyodide: pure wheels are
 * unpacked into site-packages here (no Python round trip; most were unzipped
 * by the host already, while the interpreter downloaded), wheels with
 * compiled code go through Pyodide's own installer (it loads their shared
 * libraries), and lock-file names through `pyodide.loadPackage`, whose
 * downloads are routed through the package cache. Each wheel's
 * `.dist-info` gets the files micropip writes (`INSTALLER`,
 * `PYODIDE_SOURCE`, …), so `micropip.list()` and `importlib.metadata` see it.
 * @packageDocumentation
 */
import { unpackArchive, wheelPath, writeEntries, writeTree } from '../files.js';
import type { Interpreter } from '../types.js';
import { ENVIRONMENT_CODE } from './environment.js';
import { markerHolds, type MarkerEnvironment } from './markers.js';
import type { MarkerEvaluation, Plan, PlannedWheel } from './resolve.js';
import type { WheelCache } from './wheel-cache.js';
import { isPureWheel, parseWheelName } from './wheel-name.js';

/** The parts of Pyodide's API used here, some of them private (`_api`, as micropip uses them). */
export interface PyodideInternals {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: { get(name: string): unknown };
  loadedPackages: Record<string, string>;
  FS: { readFile(path: string): Uint8Array };
  _api: {
    install(buffer: Uint8Array, filename: string, installDir: string, metadata: Map<string, string>): Promise<void>;
    lockfile_packages: Record<string, { file_name: string; sha256: string; version: string; name: string; depends: string[] }>;
    lockfile_info: { python: string; platform: string; abi_version: string; arch?: string };
    config: { packageBaseUrl?: string };
    packageManager?: {
      defaultChannel: string;
      installBaseUrl?: string;
      downloadPackage(pkg: { name: string; normalizedName: string; channel: string }, checkIntegrity?: boolean): Promise<Uint8Array>;
    };
  };
}

/** Writes every wheel of the plan into site-packages. */
export async function installWheels(interpreter: Interpreter, wheels: PlannedWheel[]): Promise<void> {
  const pyodide = interpreter.raw as PyodideInternals;
  for (const wheel of wheels) {
    const metadata = new Map([
      ['INSTALLER', 'micropip'],
      ['PYODIDE_SOURCE', wheel.source],
      ['PYODIDE_URL', wheel.url],
      ['PYODIDE_SHA256', wheel.digest],
      ...(wheel.requires.length ? [['PYODIDE_REQUIRES', JSON.stringify([...wheel.requires].sort())] as [string, string]] : []),
    ]);
    const name = parseWheelName(wheel.filename);
    if (name && !isPureWheel(name) && wheel.bytes) {
      await pyodide._api.install(wheel.bytes, wheel.filename, interpreter.sitePackages, metadata);
    } else {
      let distInfo = '';
      const rename = (entry: string) => {
        distInfo ||= /^([^/]+\.dist-info)\//.exec(entry)?.[1] ?? '';
        return wheelPath(entry);
      };
      // Unzipped by the host as the wheel arrived, when it could (a second visit's wheels, before the interpreter was up).
      if (wheel.entries) writeEntries(interpreter, wheel.entries, interpreter.sitePackages, rename);
      else await unpackArchive(interpreter, wheel.bytes ?? new Uint8Array(), wheel.url, interpreter.sitePackages, 'zip', rename);
      if (distInfo) {
        for (const [file, text] of metadata) writeTree(interpreter, `${interpreter.sitePackages}/${distInfo}/${file}`, text);
      }
    }
    pyodide.loadedPackages[wheel.key] = wheel.source;
  }
}

const hooked = new WeakSet<object>();

/**
 * Routes `pyodide.loadPackage`'s downloads of lock-file packages through the
 * package cache (keyed by the wheel's URL and the lock's sha256). Pyodide
 * has no public hook for this: its package manager's `downloadPackage` is
 * wrapped, and left alone if a Pyodide release renames it.
 */
export function cacheLockDownloads(pyodide: PyodideInternals, cache: WheelCache): void {
  const manager = pyodide._api?.packageManager;
  if (!manager || typeof manager.downloadPackage !== 'function' || hooked.has(manager)) return;
  hooked.add(manager);
  const download = manager.downloadPackage.bind(manager);
  manager.downloadPackage = async (pkg, checkIntegrity = true) => {
    const entry = pkg.channel === manager.defaultChannel ? pyodide._api.lockfile_packages[pkg.normalizedName] : undefined;
    const base = manager.installBaseUrl ?? pyodide._api.config.packageBaseUrl;
    if (!entry || !base) return download(pkg, checkIntegrity);
    const url = new URL(entry.file_name, base).href;
    const cached = await cache.get(url, entry.sha256);
    if (cached) return cached;
    const bytes = await download(pkg, checkIntegrity); // Pyodide checks the lock's sha256 (subresource integrity)
    await cache.put(url, bytes, entry.sha256);
    return bytes;
  };
}

/** The running interpreter's marker environment. */
export function interpreterEnvironment(pyodide: PyodideInternals): MarkerEnvironment {
  const scope = (pyodide.globals.get('dict') as () => { destroy?(): void })();
  try {
    return JSON.parse(pyodide.runPython(ENVIRONMENT_CODE, { globals: scope }) as string);
  } finally {
    scope.destroy?.();
  }
}

/** True when every marker the plan evaluated gives the same answer in `environment`. */
export function sameEvaluations(evaluations: MarkerEvaluation[], environment: MarkerEnvironment): boolean {
  return evaluations.every(({ marker, extras, result }) => markerHolds(marker, environment, extras) === result);
}

/** Names of the lock-file packages of a plan that are not loaded yet. */
export function lockNamesToLoad(plan: Plan, pyodide: PyodideInternals): string[] {
  return plan.lock.map((pkg) => pkg.name).filter((name) => !(name in pyodide.loadedPackages));
}
