/**
 * The resolver's host in a browser thread: index pages by `fetch` (with a
 * time limit, so an index that never answers is an error, not a hang), and
 * wheels through the package cache, their sha256 checked, their METADATA
 * read out of the zip.
 */
import { fetchBytes, ProgressStage } from '../fetch-progress.js';
import { loadArchiveReader } from '../lazy.js';
import { INDEX_TIMEOUT_MS, startPrefetch, unzipPure, type Prefetch } from './prefetch.js';
import { IndexFetchError, ResolveError, type LoadedWheel, type ResolverHost, type WheelSource } from './resolve.js';
import { sha256Hex } from './sha256.js';
import type { WheelEntries } from './unpacked.js';
import type { WheelCache } from './wheel-cache.js';

export { INDEX_TIMEOUT_MS };

export interface HostOptions {
  cache: WheelCache;
  /** The requests started before the resolver loaded (the core's); else the host starts its own. */
  prefetch?: Prefetch;
  /** Byte progress of wheel downloads. */
  stage?: ProgressStage;
  /** `fetch()`'s `credentials` for indexes and wheels (micropip's `credentials`). */
  credentials?: RequestCredentials;
  /** Reads a file of the interpreter's file system, for `emfs:` wheel URLs (micropip's). */
  readFile?(path: string): Uint8Array;
  warn?(message: string): void;
}

/** The browser host, which also says what it was asked for. */
export interface BrowserHost extends ResolverHost {
  /** The index pages the resolution asked for so far (whatever they answered). */
  readonly pages: string[];
  /**
   * Keeps `write` (a package-cache write) as pending: the resolution does
   * not wait for it, the install does ({@link BrowserHost.written}).
   */
  keep(write: Promise<void>): void;
  /** Settles once every package-cache write so far is done (they never reject). */
  written(): Promise<void>;
}

/** A host that also remembers every wheel it loaded, so a second resolution downloads nothing. */
export function createHost(options: HostOptions): BrowserHost {
  const wheels = new Map<string, Promise<LoadedWheel>>();
  // Index pages and cached wheels: one request each for this host's lifetime, shared with the core's head start when there is one.
  const prefetch = options.prefetch ?? startPrefetch(options.cache, { credentials: options.credentials });
  const pages: string[] = [];
  const writes: Promise<void>[] = [];
  const host: BrowserHost = {
    pages,
    keep(write) {
      writes.push(write.catch(() => undefined));
    },
    async written() {
      while (writes.length) await Promise.all(writes.splice(0));
    },
    fetchIndexPage(url) {
      if (!pages.includes(url)) pages.push(url);
      return fetchIndexPage(url, prefetch);
    },
    loadWheel(wheel) {
      const id = `${wheel.url} ${wheel.sha256 ?? ''}`;
      let loading = wheels.get(id);
      if (!loading) wheels.set(id, (loading = loadWheel(wheel, options, prefetch, host)));
      return loading;
    },
    warn: options.warn,
  };
  // A noted wheel missing from the cache downloads now, as the resolution will probably want it.
  void prefetch.note.then((note) => {
    for (const wheel of note?.wheels ?? []) host.loadWheel(wheel).catch(() => undefined); // reported if the resolution wants it
  });
  return host;
}

type IndexPage = Awaited<ReturnType<ResolverHost['fetchIndexPage']>>;

/** An index page, its failure as an {@link IndexFetchError}. */
async function fetchIndexPage(url: string, prefetch: Prefetch): Promise<IndexPage> {
  let answer: Awaited<ReturnType<Prefetch['page']>>;
  try {
    answer = await prefetch.page(url);
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer in ${INDEX_TIMEOUT_MS / 1000} s` : `unreachable: ${(error as Error).message}`;
    throw new IndexFetchError(reason, { cause: error });
  }
  if (!answer.ok) throw new IndexFetchError(`HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`);
  return { body: answer.body, contentType: answer.contentType, url: answer.url };
}

async function loadWheel(wheel: WheelSource, options: HostOptions, prefetch: Prefetch, host: BrowserHost): Promise<LoadedWheel> {
  const expected = wheel.sha256?.toLowerCase();
  const local = wheel.url.startsWith('emfs:');
  if (local && !options.readFile) throw new Error(`Unable to install ${wheel.url}: emfs: URLs are for micropip.install()`);
  const cached = local ? undefined : await prefetch.cachedWheel(wheel.url, wheel.filename, expected);
  let bytes: Uint8Array | undefined;
  let sha256: string;
  let entries: WheelEntries | undefined;
  if (local) {
    bytes = readLocal(wheel.url, options.readFile!);
    sha256 = await sha256Hex(bytes);
  } else if (cached) {
    ({ bytes, entries } = cached);
    const size = bytes?.length ?? entries!.reduce((sum, [, data]) => sum + (data?.length ?? 0), 0);
    options.stage?.add(size, size);
    sha256 = expected ?? cached.sha256 ?? (await sha256Hex(bytes!));
  } else {
    bytes = await fetchWheel(wheel.url, options);
    sha256 = await sha256Hex(bytes);
    if (expected && sha256 !== expected) {
      throw new ResolveError(wheel.filename, `Invalid checksum for ${wheel.filename} (${wheel.url}): the index gives sha256 ${expected}, the file has ${sha256}.`);
    }
    // The next dependency level does not wait for the cache; the install does.
    host.keep(options.cache.put(wheel.url, bytes, sha256));
    entries = await unzipPure(wheel.filename, bytes);
  }
  let metadata: Uint8Array | undefined;
  if (entries) {
    metadata = entries.find(([name]) => METADATA.test(name))?.[1];
  } else {
    const { readZipEntries } = await loadArchiveReader();
    try {
      [metadata] = Object.values(readZipEntries(bytes!, (name) => METADATA.test(name)));
    } catch (error) {
      throw new ResolveError(wheel.filename, `Unable to read ${wheel.url}: it is not a valid wheel (${(error as Error).message}).`, { cause: error });
    }
  }
  if (!metadata) throw new ResolveError(wheel.filename, `Unable to read ${wheel.url}: the wheel has no .dist-info/METADATA.`);
  return { bytes, sha256, metadata: new TextDecoder().decode(metadata), entries };
}

const METADATA = /^[^/]+\.dist-info\/METADATA$/;

/** The bytes of an `emfs:` wheel URL (a path in the interpreter's file system). */
function readLocal(url: string, readFile: (path: string) => Uint8Array): Uint8Array {
  const path = decodeURIComponent(url.slice('emfs:'.length));
  try {
    return readFile(path);
  } catch (error) {
    throw new Error(`Unable to read ${url}: no such file in the interpreter's file system`, { cause: error });
  }
}

/**
 * Downloads a wheel, failing when no byte arrives for {@link INDEX_TIMEOUT_MS}
 * (a large wheel on a slow link may take longer than that in all, but it never
 * goes quiet that long).
 */
async function fetchWheel(url: string, options: HostOptions): Promise<Uint8Array> {
  const controller = new AbortController();
  let timer = 0;
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`no data for ${INDEX_TIMEOUT_MS / 1000} s`)), INDEX_TIMEOUT_MS) as unknown as number;
  };
  // This wheel's own running totals, passed on to the shared stage as they grow.
  let [loaded, total] = [0, 0];
  const own = new ProgressStage('packages', (progress) => {
    wait();
    options.stage?.add(progress.loaded - loaded, progress.total - total);
    [loaded, total] = [progress.loaded, progress.total];
  });
  wait();
  try {
    return await fetchBytes(url, 'package', own, { credentials: options.credentials, signal: controller.signal });
  } catch (error) {
    const reason = controller.signal.aborted ? (controller.signal.reason as Error).message : (error as Error).message.replace(/^\(PY\d{4}\): /, '');
    // The caller words the error for its audience (a config's PY0404, micropip's ValueError).
    throw new Error(controller.signal.aborted ? `Unable to fetch package ${url}: ${reason}` : reason, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
