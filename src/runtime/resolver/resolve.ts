/**
 * Dependency resolution as micropip 0.11 does it: requirements are added
 * to one transaction concurrently; each name is looked up once, in
 * `pyodide-lock.json` first when the indexes are PyPI's (else in the indexes
 * first, then the lock file); from an index, the newest version the
 * specifier allows (pre-releases only when asked or when nothing else
 * matches; yanked versions last) whose wheel the platform can install,
 * best tag first. Each chosen wheel is downloaded (its sha256 checked) and
 * its `Requires-Dist` followed: markers evaluated for the interpreter, extras
 * only when asked. Like micropip this is first come, first served, not a
 * backtracking solver: a second requirement that the chosen version does not
 * meet is an error.
 *
 * All input and output goes through a {@link ResolverHost}, so the rules
 * here are tested without a network.
 * @packageDocumentation
 */
import { filter, rcompare, satisfies } from '@renovatebot/pep440';
import type { LockPackage } from './environment.js';
import { INDEX_ACCEPT, parseIndexPage, projectUrl, PYPI_URL, type ProjectFile, type ProjectInfo } from './index-page.js';
import { markerHolds, normalizeName, type Marker, type MarkerEnvironment } from './markers.js';
import { parseMetadata, type CoreMetadata } from './metadata.js';
import { formatRequirement, parseRequirement, type Requirement } from './requirement.js';
import { parseWheelName, tagRank, type Platform } from './wheel-name.js';

/** A wheel to download: where from, and the sha256 the index gave (if any). */
export interface WheelSource {
  url: string;
  filename: string;
  sha256?: string;
}

/** A downloaded wheel. */
export interface LoadedWheel {
  /** The wheel file; absent when the host has only its entries (a pure wheel's files, kept unpacked). */
  bytes?: Uint8Array;
  /** Its `METADATA` text. */
  metadata: string;
  /** sha256 of `bytes`, hex. */
  sha256: string;
  /** The archive's entries (directories end with `/`), when the host has unzipped it already. */
  entries?: [string, Uint8Array | undefined][];
}

/** What resolution needs from the outside world. */
export interface ResolverHost {
  /**
   * GETs an index page (`Accept: {@link INDEX_ACCEPT}`).
   * @throws IndexFetchError when it cannot be fetched, with why (HTTP status, network error)
   */
  fetchIndexPage(url: string, accept: string): Promise<{ body: string; contentType: string; url: string }>;
  /**
   * Downloads a wheel (or takes it from a cache), checks its sha256 and reads its METADATA.
   * @throws ResolveError for a checksum mismatch or a wheel without METADATA
   */
  loadWheel(wheel: WheelSource): Promise<LoadedWheel>;
  /** Receives non-fatal notes (an unknown extra). */
  warn?(message: string): void;
}

/** An index page that could not be fetched. */
export class IndexFetchError extends Error {
  override name = 'IndexFetchError';
}

/** Why a requirement could not be resolved. */
export class ResolveError extends Error {
  override name = 'ResolveError';
  /** The requirement as written. */
  readonly requirement: string;
  constructor(requirement: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.requirement = requirement;
  }
}

/** How to resolve. */
export interface ResolveOptions {
  /** Index URLs (may hold `{package_name}`; `PYPI` is PyPI), tried in order. */
  indexUrls: string[];
  /** What relative wheel and index URLs resolve against. */
  base: string;
  /** `pyodide-lock.json`'s `packages`, by normalized name. */
  lock?: Record<string, LockPackage>;
  /** What is already installed: normalized name → version. */
  installed?: Record<string, string>;
  environment: MarkerEnvironment;
  platform: Platform;
  /** Follow `Requires-Dist` (default true). */
  deps?: boolean;
  /** Allow pre-releases and development versions. */
  pre?: boolean;
  /** Go on after a requirement fails, and report all failures (default: stop at the first). */
  keepGoing?: boolean;
  /** Replace an installed version that does not match, instead of failing. */
  reinstall?: boolean;
  /** Requirements that narrow the versions (or give the URL) of names, when they are needed. */
  constraints?: string[];
}

/** A wheel the plan installs. */
export interface PlannedWheel extends WheelSource {
  key: string;
  name: string;
  version: string;
  /** The wheel file (absent as in {@link LoadedWheel}). */
  bytes?: Uint8Array;
  /** sha256 of the bytes. */
  digest: string;
  /** Its entries, unzipped by the host (see {@link LoadedWheel}). */
  entries?: [string, Uint8Array | undefined][];
  /** micropip's `PYODIDE_SOURCE`: `pypi` for a wheel from an index (it had a sha256), else its URL. */
  source: string;
  /** Normalized names of the requirements it brought in. */
  requires: string[];
  metadata: CoreMetadata;
}

/** A marker evaluation, kept so it can be checked against the running interpreter. */
export interface MarkerEvaluation {
  marker: Marker;
  extras: string[];
  result: boolean;
}

/** What to install. */
export interface Plan {
  wheels: PlannedWheel[];
  /** Packages for `pyodide.loadPackage`. */
  lock: { key: string; name: string; version: string }[];
  failures: ResolveError[];
  /** Installed packages whose other version the plan installs (`reinstall`). */
  replaces: string[];
  evaluations: MarkerEvaluation[];
}

interface WheelChoice {
  kind: 'wheel';
  wheel: PlannedWheel;
  /** The extras whose dependencies were followed (`''`: the unconditional ones). */
  extras: Set<string>;
  /** Indexes of the `Requires-Dist` lines followed. */
  followed: Set<number>;
}
type Choice = { kind: 'lock'; version: string } | WheelChoice;

/**
 * Resolves `requirements` (PEP 508 strings, or URLs of `.whl` files).
 * @throws ResolveError for the first requirement that fails, unless `keepGoing` (then they are in `failures`)
 */
export async function resolve(requirements: string[], options: ResolveOptions, host: ResolverHost): Promise<Plan> {
  const transaction = new Transaction(options, host);
  await Promise.all(requirements.map((text) => transaction.addText(text)));
  return transaction.plan();
}

/** True when `text` names a wheel file rather than a requirement (micropip: ends in `.whl`). */
export const isWheelUrl = (text: string): boolean =>
  /\.whl(?:[?#].*)?$/i.test(text.trim()) && !/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*@/.test(text.trim());

class Transaction {
  readonly #options: ResolveOptions;
  readonly #host: ResolverHost;
  /** The choice made for each name, and what it was asked with (a failed one may be retried with other terms). */
  readonly #choices = new Map<string, { asked: string; choice: Promise<Choice | undefined> }>();
  readonly #queries = new Map<string, Promise<{ info: ProjectInfo; url: string }>>();
  readonly #wheels: PlannedWheel[] = [];
  readonly #lock: Plan['lock'] = [];
  readonly #failures: ResolveError[] = [];
  readonly #replaces = new Set<string>();
  readonly #evaluations: MarkerEvaluation[] = [];
  readonly #constraints = new Map<string, Requirement>();
  readonly #lockFirst: boolean;

  constructor(options: ResolveOptions, host: ResolverHost) {
    this.#options = options;
    this.#host = host;
    const indexes = options.indexUrls.map((url) => (url === 'PYPI' ? PYPI_URL : url.replace(/\/+$/, '')));
    this.#lockFirst = indexes.length === 1 && indexes[0] === PYPI_URL;
    for (const text of options.constraints ?? []) {
      try {
        const constraint = parseRequirement(text);
        if (constraint.extras.length || !(constraint.url || constraint.specifier)) continue; // as micropip: discarded
        if (constraint.marker && !this.#holds(constraint.marker, [])) continue;
        const earlier = this.#constraints.get(constraint.key);
        if (earlier && !constraint.url && !earlier.url) constraint.specifier = `${earlier.specifier},${constraint.specifier}`;
        this.#constraints.set(constraint.key, constraint);
      } catch (error) {
        host.warn?.(`Constraint ${JSON.stringify(text)} discarded: ${(error as Error).message}`);
      }
    }
  }

  plan(): Plan {
    return { wheels: this.#wheels, lock: this.#lock, failures: this.#failures, replaces: [...this.#replaces], evaluations: this.#evaluations };
  }

  /** Adds a requirement as the user wrote it. */
  async addText(text: string): Promise<void> {
    let requirement: Requirement;
    try {
      requirement = isWheelUrl(text) ? urlRequirement(text, this.#options.base) : parseRequirement(text);
    } catch (error) {
      return this.#fail(new ResolveError(text, (error as Error).message, { cause: error }));
    }
    if (requirement.marker && !this.#holds(requirement.marker, [])) return;
    return this.#add(requirement);
  }

  async #add(requirement: Requirement): Promise<void> {
    try {
      await this.#addInner(this.#constrain(requirement));
    } catch (error) {
      this.#fail(error instanceof ResolveError ? error : new ResolveError(requirement.text, (error as Error).message, { cause: error }));
    }
  }

  #fail(error: ResolveError): void {
    if (!this.#failures.includes(error)) this.#failures.push(error);
    if (!this.#options.keepGoing) throw error;
  }

  #constrain(requirement: Requirement): Requirement {
    const constraint = this.#constraints.get(requirement.key);
    if (!constraint || requirement.url) return requirement;
    if (constraint.url) return { ...requirement, url: constraint.url, specifier: '' };
    return { ...requirement, specifier: [requirement.specifier, constraint.specifier].filter(Boolean).join(',') };
  }

  async #addInner(requirement: Requirement): Promise<void> {
    const { key } = requirement;
    const installed = this.#options.installed?.[key];
    if (installed !== undefined && !this.#choices.has(key)) {
      // As micropip: any installed version meets a URL requirement (it has no specifier).
      if (satisfies(installed, requirement.specifier, { prereleases: true })) return;
      if (!this.#options.reinstall) {
        throw new ResolveError(requirement.text,
          `Requested '${formatRequirement(requirement)}', but ${key}==${installed} is already installed. ` +
            'To install another version, use micropip.install(..., reinstall=True), or micropip.uninstall() it first.');
      }
      this.#replaces.add(key);
    }
    const asked = requirement.url ?? requirement.specifier;
    const pending = this.#choices.get(key);
    // A name that failed is tried again only when asked for on other terms (its failure is reported once).
    const choice = pending && (await pending.choice);
    if (pending && this.#choices.get(key) !== pending) return this.#addInner(requirement); // retried meanwhile
    if (pending && !choice && pending.asked === asked) return;
    if (choice) {
      const version = choice.kind === 'lock' ? choice.version : choice.wheel.version;
      if (!requirement.url && !satisfies(version, requirement.specifier, { prereleases: true })) {
        throw new ResolveError(requirement.text, `Requested '${formatRequirement(requirement)}', but ${key}==${version} is already being installed.`);
      }
      if (choice.kind === 'wheel') await this.#addExtras(choice, requirement.extras);
      return;
    }
    const choosing = this.#choose(requirement);
    this.#choices.set(key, { asked, choice: choosing.then((made) => made, () => undefined) });
    const made = await choosing;
    if (made.kind === 'wheel') await this.#addExtras(made, ['', ...requirement.extras]);
  }

  async #choose(requirement: Requirement): Promise<Choice> {
    if (requirement.url) return this.#wheelChoice(await this.#urlWheel(requirement));
    if (this.#lockFirst) {
      const locked = this.#fromLock(requirement);
      if (locked) return locked;
      return this.#wheelChoice(await this.#fromIndex(requirement));
    }
    try {
      return this.#wheelChoice(await this.#fromIndex(requirement));
    } catch (error) {
      const locked = this.#fromLock(requirement);
      if (locked) return locked;
      throw error;
    }
  }

  #fromLock(requirement: Requirement): Choice | undefined {
    const pkg = this.#options.lock?.[requirement.key];
    if (!pkg || !satisfies(pkg.version, requirement.specifier, { prereleases: true })) return undefined;
    this.#lock.push({ key: requirement.key, name: pkg.name, version: pkg.version });
    return { kind: 'lock', version: pkg.version };
  }

  #wheelChoice(wheel: PlannedWheel): Choice {
    this.#wheels.push(wheel);
    return { kind: 'wheel', wheel, extras: new Set(), followed: new Set() };
  }

  /** Follows the wheel's `Requires-Dist` lines that `extras` (`''`: none) bring in and that were not followed yet. */
  async #addExtras(choice: WheelChoice, extras: string[]): Promise<void> {
    const fresh = extras.filter((extra) => !choice.extras.has(extra));
    if (!fresh.length || this.#options.deps === false) return;
    for (const extra of fresh) choice.extras.add(extra);
    const { metadata } = choice.wheel;
    const provided = new Set(metadata.providesExtra.map(normalizeName));
    for (const extra of fresh) {
      if (extra && !provided.has(extra)) this.#host.warn?.(`${metadata.name} ${metadata.version} does not provide the extra '${extra}'`);
    }
    const adds: Promise<void>[] = [];
    metadata.requiresDist.forEach((line, index) => {
      if (choice.followed.has(index)) return;
      let dependency: Requirement;
      try {
        dependency = parseRequirement(line);
      } catch (error) {
        choice.followed.add(index);
        this.#host.warn?.(`${metadata.name} ${metadata.version}: ignoring ${(error as Error).message}`);
        return;
      }
      if (!this.#holds(dependency.marker, [...choice.extras])) return;
      choice.followed.add(index);
      if (!choice.wheel.requires.includes(dependency.key)) choice.wheel.requires.push(dependency.key);
      adds.push(this.#add({ ...dependency, marker: undefined }));
    });
    await Promise.all(adds);
  }

  /** Evaluates a marker for the interpreter, true when it holds for no extra or one of `extras`. */
  #holds(marker: Marker | undefined, extras: string[]): boolean {
    if (!marker) return true;
    const named = extras.filter(Boolean);
    const result = markerHolds(marker, this.#options.environment, named);
    this.#evaluations.push({ marker, extras: named, result });
    return result;
  }

  async #urlWheel(requirement: Requirement): Promise<PlannedWheel> {
    const url = new URL(requirement.url!, this.#options.base).href;
    const filename = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    const name = parseWheelName(filename);
    if (!name) throw new ResolveError(requirement.text, `Invalid wheel file name ${filename} (${url}): expected name-version-python-abi-platform.whl.`);
    if (tagRank(name, this.#options.platform) === undefined) {
      throw new ResolveError(requirement.text,
        `Can't find a pure Python 3 wheel for: '${requirement.name}' (${url} is built for ${name.tags.join(', ')}). ` +
          'Packages with compiled code need a build for WebAssembly (Pyodide); see the FAQ "Python packages".');
    }
    return this.#load(requirement, { url, filename }, name.version, url);
  }

  async #fromIndex(requirement: Requirement): Promise<PlannedWheel> {
    const { info, url: page } = await this.#query(requirement);
    const file = this.#bestFile(requirement, info, page);
    return this.#load(requirement, file, file.version, file.sha256 ? 'pypi' : file.url);
  }

  async #load(requirement: Requirement, source: WheelSource, version: string, origin: string): Promise<PlannedWheel> {
    let loaded: LoadedWheel;
    try {
      loaded = await this.#host.loadWheel(source);
    } catch (error) {
      throw new ResolveError(requirement.text, (error as Error).message, { cause: error });
    }
    const metadata = parseMetadata(loaded.metadata);
    return {
      ...source,
      key: requirement.key,
      name: metadata.name || requirement.name,
      version: metadata.version || version,
      bytes: loaded.bytes,
      digest: loaded.sha256,
      entries: loaded.entries,
      source: origin,
      requires: [],
      metadata,
    };
  }

  /** The project's page from the first index that has it. */
  #query(requirement: Requirement): Promise<{ info: ProjectInfo; url: string }> {
    let query = this.#queries.get(requirement.key);
    if (!query) {
      query = this.#queryIndexes(requirement);
      this.#queries.set(requirement.key, query);
    }
    return query;
  }

  async #queryIndexes(requirement: Requirement): Promise<{ info: ProjectInfo; url: string }> {
    const tried: string[] = [];
    for (const index of this.#options.indexUrls) {
      const url = projectUrl(index, requirement.key, this.#options.base);
      let page: { body: string; contentType: string; url: string };
      try {
        page = await this.#host.fetchIndexPage(url, INDEX_ACCEPT);
      } catch (error) {
        tried.push(`${url} (${(error as Error).message})`);
        continue;
      }
      try {
        return { info: parseIndexPage(page.body, page.contentType, page.url, requirement.key), url: page.url };
      } catch (error) {
        throw new ResolveError(requirement.text, `Can't read the index page for '${requirement.name}': ${(error as Error).message}`, { cause: error });
      }
    }
    throw new ResolveError(requirement.text,
      `Can't fetch metadata for '${requirement.name}' from ${tried.join(', ') || 'no index (index_urls is empty)'}. ` +
        'Check the package name and the "index_urls" config key.');
  }

  #bestFile(requirement: Requirement, info: ProjectInfo, page: string): ProjectFile {
    const { platform, environment, pre } = this.#options;
    const byVersion = new Map<string, ProjectFile[]>();
    for (const file of info.files) {
      if (!byVersion.has(file.version)) byVersion.set(file.version, []);
      byVersion.get(file.version)!.push(file);
    }
    const versions = [...byVersion.keys()];
    const matching = filter(versions, requirement.specifier, pre ? { prereleases: true } : undefined).sort(rcompare);
    const yanked: ProjectFile[][] = [];
    const best = (files: ProjectFile[]) => {
      let choice: ProjectFile | undefined;
      let choiceRank = Infinity;
      for (const file of files) {
        if (file.requiresPython && !satisfies(environment.python_full_version, file.requiresPython.replace(/\s+/g, ''), { prereleases: true })) continue;
        const name = parseWheelName(file.filename);
        const rank = name ? tagRank(name, platform) : undefined;
        if (rank !== undefined && rank < choiceRank) [choice, choiceRank] = [file, rank];
      }
      return choice;
    };
    for (const version of matching) {
      const files = byVersion.get(version)!;
      if (files.every((file) => file.yanked !== false)) {
        yanked.push(files);
        continue;
      }
      const file = best(files);
      if (file) return file;
    }
    for (const files of yanked) {
      const file = best(files);
      if (file) {
        this.#host.warn?.(`${info.name} ${file.version} is yanked${file.yanked ? `: ${file.yanked}` : ''}; it is the only match for '${formatRequirement(requirement)}'.`);
        return file;
      }
    }
    const wanted = formatRequirement(requirement);
    const why = !versions.length
      ? 'it lists no wheels'
      : !matching.length
        ? `no version matches '${requirement.specifier}' (there: ${versions.sort(rcompare).slice(0, 10).join(', ')})`
        : `its wheels for ${matching.slice(0, 3).join(', ')} are built for other platforms or Python versions (${
            byVersion.get(matching[0])!.map((file) => file.filename).slice(0, 3).join(', ')})`;
    throw new ResolveError(requirement.text,
      `Can't find a pure Python 3 wheel for: '${wanted}' in ${page}: ${why}. See the FAQ "Python packages".`);
  }
}

/** A URL of a wheel as a requirement (`name @ url`), named after the wheel file. */
function urlRequirement(text: string, base: string): Requirement {
  const url = new URL(text.trim(), base).href;
  const filename = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const name = parseWheelName(filename);
  const project = name?.key ?? filename;
  return { name: filename.split('-')[0] || project, key: project, extras: [], specifier: '', url, text: text.trim() };
}
