/**
 * `dist/resolver.js`: installing Pyodide packages by name, loaded only by
 * interpreters whose config has `packages`, or on the first
 * `micropip.install()`. The config's packages are resolved while Pyodide
 * downloads ({@link resolveConfigPackages}) and installed once it is up
 * ({@link installConfigPackages}); `micropip` uses the same resolver after
 * start-up ({@link resolveForMicropip}).
 * @packageDocumentation
 */
import type { ProgressStage } from '../fetch-progress.js';
import type { Interpreter } from '../types.js';
import { environmentOfLock, platformOfLock, type Lockfile } from './environment.js';
import { createHost, type BrowserHost } from './host.js';
import { cacheLockDownloads, installWheels, interpreterEnvironment, lockNamesToLoad, sameEvaluations, type PyodideInternals } from './install.js';
import { InvalidMarker } from './markers.js';
import { InvalidRequirement } from './requirement.js';
import { resolve, ResolveError, type Plan, type PlannedWheel, type ResolveOptions } from './resolve.js';
import { packWheels, type UnpackedWheel } from './unpacked.js';
import { startConfigPrefetch } from './config-prefetch.js';
import type { Prefetch } from './prefetch.js';
import { warmStartKey, type WarmStart } from './warm-start.js';
import { openWheelCache } from './wheel-cache.js';

export { CACHE_NAME } from './wheel-cache.js';

/** Settings every resolution takes from the interpreter's config. */
export interface PackageSettings {
  /** Index URLs, absolute (or `PYPI`). */
  indexUrls: string[];
  /** What relative URLs resolve against. */
  base: string;
  /** False with `packages_cache = "never"`. */
  cache: boolean;
}

/** A resolution of the config's packages, made before the interpreter was up. */
export interface ConfigResolution {
  plan: Plan;
  options: ResolveOptions;
  host: BrowserHost;
  requirements: string[];
  cache: boolean;
}

/**
 * Resolves the config's `packages` (names, `name @ url`, `.whl` URLs) against the lock file and the indexes, downloading every wheel.
 * @param prefetch the requests the core started with the interpreter's download (`startConfigPrefetch`)
 */
export async function resolveConfigPackages(
  requirements: string[],
  settings: PackageSettings,
  lockFile: Promise<unknown>,
  stage?: ProgressStage,
  prefetch?: Prefetch,
): Promise<ConfigResolution> {
  const cache = openWheelCache(settings.cache);
  prefetch ??= startConfigPrefetch(requirements, settings);
  const host = createHost({ cache, prefetch, stage, warn: (message) => console.warn(`[pyscript] ${message}`) });
  const lock = (await lockFile) as Lockfile;
  const options: ResolveOptions = {
    indexUrls: settings.indexUrls,
    base: settings.base,
    lock: lock.packages,
    environment: environmentOfLock(lock.info),
    platform: platformOfLock(lock.info),
    installed: { micropip: MICROPIP_VERSION },
    keepGoing: true,
  };
  const plan = await resolve(requirements, options, host);
  if (settings.cache) {
    const next = { pages: host.pages, wheels: plan.wheels.map(({ url, filename, sha256 }) => ({ url, filename, sha256 })) };
    const key = (kind: 'warm-start' | 'unpacked') => warmStartKey(requirements, settings.indexUrls, settings.base, kind);
    host.keep(prefetch.note.then((last) => leaveNote(cache, key('warm-start'), last, next)));
    host.keep(prefetch.unpacked.then((kept) => keepUnpacked(cache, key('unpacked'), kept, plan.wheels)));
  }
  return { plan, options, host, requirements, cache: settings.cache };
}

/** Keeps the plan's pure wheels unpacked for the next visit, unless the entry read at the start holds the same ones. */
async function keepUnpacked(cache: ReturnType<typeof openWheelCache>, key: string, kept: UnpackedWheel[], wheels: PlannedWheel[]): Promise<void> {
  const next = wheels.filter((wheel) => wheel.entries).map(({ url, digest, entries }) => ({ url, sha256: digest, entries: entries! }));
  const ids = (list: UnpackedWheel[]) => JSON.stringify(list.map(({ url, sha256 }) => `${url} ${sha256}`).sort());
  if (ids(next) !== ids(kept)) await cache.putFile(key, packWheels(next));
}

/** Keeps the note for the next visit, unless it says what the last one said. */
async function leaveNote(cache: ReturnType<typeof openWheelCache>, key: string, last: WarmStart | undefined, next: WarmStart): Promise<void> {
  if (JSON.stringify(last) !== JSON.stringify(next)) await cache.putNote(key, next);
}

/**
 * Installs a config resolution's wheels, first checking its markers against
 * the running interpreter (and resolving again if one differs).
 * @returns the lock-file names still to load, and one error per requirement that failed
 */
export async function installConfigPackages(interpreter: Interpreter, resolution: ConfigResolution): Promise<{ lockNames: string[]; errors: ConfigFailure[] }> {
  const pyodide = interpreter.raw as PyodideInternals;
  let { plan } = resolution;
  if (plan.evaluations.length) {
    const environment = interpreterEnvironment(pyodide);
    if (!sameEvaluations(plan.evaluations, environment)) {
      // The wheels are remembered by the host: this downloads nothing twice.
      plan = await resolve(resolution.requirements, { ...resolution.options, environment }, resolution.host);
    }
  }
  await installWheels(interpreter, plan.wheels);
  // The package cache has every wheel (and the next visit's note) before the page's code runs.
  await resolution.host.written();
  cacheLockDownloads(pyodide, openWheelCache(resolution.cache));
  return { lockNames: lockNamesToLoad(plan, pyodide), errors: plan.failures.map(configError) };
}

/**
 * A config requirement that failed, as the page shows it: `PY1000` for one
 * that does not parse, else `PY0404`. Plain data: this chunk has its own
 * copy of the error classes, so the core builds the `PyScriptError`.
 */
export interface ConfigFailure {
  code: 'PY1000' | 'PY0404';
  message: string;
  cause: ResolveError;
}

function configError(failure: ResolveError): ConfigFailure {
  const invalid = failure.cause instanceof InvalidRequirement || failure.cause instanceof InvalidMarker;
  const named = failure.message.includes(failure.requirement);
  const message = named ? failure.message : `Unable to install '${failure.requirement}': ${failure.message}`;
  return { code: invalid ? 'PY1000' : 'PY0404', message, cause: failure };
}

/** The version our `micropip` module answers to (the micropip release whose API it follows). */
export const MICROPIP_VERSION = '0.11.1';

/** What `micropip.install()` passes (snake_case, as Python names them). */
export interface MicropipOptions {
  keep_going?: boolean;
  deps?: boolean;
  pre?: boolean;
  reinstall?: boolean;
  credentials?: string;
  index_urls?: string[];
  constraints?: string[];
  /** Installed distributions, normalized name → version (from `importlib.metadata`). */
  installed?: Record<string, string>;
}

/** A resolution for `micropip.install()`: what it will do, and `install()` to do it. */
export interface MicropipPlan {
  /** `name==version` of each package to install. */
  packages: string[];
  /** Installed packages to uninstall first (`reinstall=True`). */
  replaces: string[];
  /** Each requirement that failed, and why (with `keep_going=True`). */
  failures: { requirement: string; message: string }[];
  install(): Promise<void>;
}

const environments = new WeakMap<object, ReturnType<typeof interpreterEnvironment>>();

/**
 * Resolves for `micropip.install()` in a running interpreter: the lock file
 * Pyodide loaded, the interpreter's real marker environment.
 * @throws ResolveError (micropip raises it as `ValueError`) for the first failure, unless `keep_going`
 */
export async function resolveForMicropip(
  interpreter: Interpreter,
  settings: PackageSettings,
  requirements: string[],
  options: MicropipOptions,
  loadLockNames: (names: string[]) => Promise<void>,
): Promise<MicropipPlan> {
  const pyodide = interpreter.raw as PyodideInternals;
  let environment = environments.get(pyodide);
  if (!environment) environments.set(pyodide, (environment = interpreterEnvironment(pyodide)));
  const cache = openWheelCache(settings.cache);
  const host = createHost({
    cache,
    credentials: options.credentials as RequestCredentials | undefined,
    readFile: (path) => pyodide.FS.readFile(path),
    warn: (message) => console.warn(`[micropip] ${message}`),
  });
  const plan = await resolve(requirements, {
    indexUrls: options.index_urls ?? settings.indexUrls,
    base: settings.base,
    lock: pyodide._api.lockfile_packages,
    installed: { micropip: MICROPIP_VERSION, ...options.installed },
    environment,
    platform: platformOfLock(pyodide._api.lockfile_info),
    deps: options.deps ?? true,
    pre: options.pre ?? false,
    keepGoing: options.keep_going ?? false,
    reinstall: options.reinstall ?? false,
    constraints: options.constraints,
  }, host);
  return {
    packages: [...plan.wheels.map((wheel) => `${wheel.name}==${wheel.version}`), ...plan.lock.map((pkg) => `${pkg.name}==${pkg.version}`)],
    replaces: plan.replaces,
    failures: plan.failures.map((failure) => ({ requirement: failure.requirement, message: failure.message })),
    async install() {
      await installWheels(interpreter, plan.wheels);
      await host.written();
      cacheLockDownloads(pyodide, cache);
      const names = lockNamesToLoad(plan, pyodide);
      if (names.length) await loadLockNames(names);
    },
  };
}
