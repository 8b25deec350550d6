/**
 * The resolver's host in a browser thread: index pages by `fetch` (with a
 * time limit, so an index that never answers is an error, not a hang), and
 * wheels through the package cache, their sha256 checked, their METADATA
 * read out of the zip.
 */
import { fetchBytes, ProgressStage } from '../fetch-progress.js';
import { loadArchiveReader } from '../lazy.js';
import { INDEX_ACCEPT } from './index-page.js';
import { IndexFetchError, ResolveError, type LoadedWheel, type ResolverHost, type WheelSource } from './resolve.js';
import type { WarmStart } from './warm-start.js';
import { sha256Hex } from './sha256.js';
import type { WheelCache } from './wheel-cache.js';

/** How long an index page may take, and a wheel download may go without a byte, before it fails. */
export const INDEX_TIMEOUT_MS = 30_000;

export interface HostOptions {
  cache: WheelCache;
  /** Byte progress of wheel downloads. */
  stage?: ProgressStage;
  /** `fetch()`'s `credentials` for indexes and wheels (micropip's `credentials`). */
  credentials?: RequestCredentials;
  /** Reads a file of the interpreter's file system, for `emfs:` wheel URLs (micropip's). */
  readFile?(path: string): Uint8Array;
  warn?(message: string): void;
}

/** The browser host, which can also start work ahead of the resolution. */
export interface BrowserHost extends ResolverHost {
  /** Starts fetching these index pages and loading these wheels now; the resolution then finds them under way. */
  prefetch(note: WarmStart): void;
  /** The index pages the resolution asked for so far (whatever they answered). */
  readonly pages: string[];
}

/** A host that also remembers every wheel it loaded, so a second resolution downloads nothing. */
export function createHost(options: HostOptions): BrowserHost {
  const wheels = new Map<string, Promise<LoadedWheel>>();
  // Index pages by URL: one fetch each for this host's lifetime (a second resolution asks again).
  const fetched = new Map<string, Promise<IndexPage>>();
  const pages: string[] = [];
  const page = (url: string, accept: string) => {
    let loading = fetched.get(url);
    if (!loading) {
      fetched.set(url, (loading = fetchIndexPage(url, accept, options)));
      loading.catch(() => undefined); // reported to whoever asks for it
    }
    return loading;
  };
  const host: BrowserHost = {
    pages,
    fetchIndexPage(url, accept) {
      if (!pages.includes(url)) pages.push(url);
      return page(url, accept);
    },
    loadWheel(wheel) {
      const id = `${wheel.url} ${wheel.sha256 ?? ''}`;
      let loading = wheels.get(id);
      if (!loading) wheels.set(id, (loading = loadWheel(wheel, options)));
      return loading;
    },
    prefetch(note) {
      for (const url of note.pages) void page(url, INDEX_ACCEPT);
      for (const wheel of note.wheels) host.loadWheel(wheel).catch(() => undefined); // reported if the resolution wants it
    },
    warn: options.warn,
  };
  return host;
}

type IndexPage = Awaited<ReturnType<ResolverHost['fetchIndexPage']>>;

/** GETs an index page, with a time limit. */
async function fetchIndexPage(url: string, accept: string, options: HostOptions): Promise<IndexPage> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept }, credentials: options.credentials, signal: AbortSignal.timeout(INDEX_TIMEOUT_MS) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer in ${INDEX_TIMEOUT_MS / 1000} s` : `unreachable: ${(error as Error).message}`;
    throw new IndexFetchError(reason, { cause: error });
  }
  if (!response.ok) throw new IndexFetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return { body: await response.text(), contentType: response.headers.get('content-type') ?? '', url: response.url || url };
}

async function loadWheel(wheel: WheelSource, options: HostOptions): Promise<LoadedWheel> {
  const expected = wheel.sha256?.toLowerCase();
  const local = wheel.url.startsWith('emfs:');
  if (local && !options.readFile) throw new Error(`Unable to install ${wheel.url}: emfs: URLs are for micropip.install()`);
  const cached = local ? undefined : await options.cache.get(wheel.url, expected);
  let bytes: Uint8Array;
  let sha256: string;
  if (local) {
    bytes = readLocal(wheel.url, options.readFile!);
    sha256 = await sha256Hex(bytes);
  } else if (cached) {
    bytes = cached;
    options.stage?.add(bytes.length, bytes.length);
    sha256 = expected ?? (await sha256Hex(bytes));
  } else {
    bytes = await fetchWheel(wheel.url, options);
    sha256 = await sha256Hex(bytes);
    if (expected && sha256 !== expected) {
      throw new ResolveError(wheel.filename, `Invalid checksum for ${wheel.filename} (${wheel.url}): the index gives sha256 ${expected}, the file has ${sha256}.`);
    }
    await options.cache.put(wheel.url, bytes, sha256);
  }
  const { readZipEntries } = await loadArchiveReader();
  let entries: Record<string, Uint8Array>;
  try {
    entries = readZipEntries(bytes, (name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
  } catch (error) {
    throw new ResolveError(wheel.filename, `Unable to read ${wheel.url}: it is not a valid wheel (${(error as Error).message}).`, { cause: error });
  }
  const [metadata] = Object.values(entries);
  if (!metadata) throw new ResolveError(wheel.filename, `Unable to read ${wheel.url}: the wheel has no .dist-info/METADATA.`);
  return { bytes, sha256, metadata: new TextDecoder().decode(metadata) };
}

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
