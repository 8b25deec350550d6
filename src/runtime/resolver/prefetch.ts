/**
 * The requests of a resolution that can start before the resolver itself:
 * index pages and cached wheels, each asked for once per resolution (by the
 * resolver's host, or ahead of it by the last visit's note, see
 * `warm-start.ts`), whoever asks first. The core starts one of these with
 * the interpreter's download, so that on a second visit the note, its index
 * pages and its wheels (the pure ones' files in one cache entry, unzipped
 * already, see `unpacked.ts`) are in memory by the time the resolver chunk
 * has loaded, instead of waiting for turns of a main thread busy booting
 * Pyodide. It imports
 * little, as it is part of the core bundle.
 * @packageDocumentation
 */
import { loadArchiveReader } from '../lazy.js';
import { asWarmStart, type WarmStart } from './warm-start.js';
import { unpackWheels, type UnpackedWheel, type WheelEntries } from './unpacked.js';
import type { WheelCache } from './wheel-cache.js';

/** What an index answer is asked for: PEP 691 JSON first, then anything. */
export const INDEX_ACCEPT = 'application/vnd.pypi.simple.v1+json, */*;q=0.01';

/** How long an index page may take, and a wheel download may go without a byte, before it fails. */
export const INDEX_TIMEOUT_MS = 30_000;

/** An index page as it was answered (any status); the host turns a failed one into its error. */
export interface IndexAnswer {
  ok: boolean;
  status: number;
  statusText: string;
  body: string;
  contentType: string;
  /** The URL after redirects. */
  url: string;
}

/** A wheel found in the package cache. */
export interface CachedWheel {
  /** The wheel file; absent when only its files were kept (a pure wheel's, see `unpacked.ts`). */
  bytes?: Uint8Array;
  /** sha256 of the wheel file, hex, when known without hashing it (the host hashes `bytes` otherwise). */
  sha256?: string;
  /** Every entry, for a pure wheel (the install writes them as they are); absent for others. */
  entries?: WheelEntries;
}

/** One resolution's requests, shared by whoever asks first. */
export interface Prefetch {
  /** GETs an index page; rejects with the `fetch()` error (a `TimeoutError` after {@link INDEX_TIMEOUT_MS}). */
  page(url: string): Promise<IndexAnswer>;
  /** A wheel from the package cache when it is there with this sha256 (any, without one), else `undefined`. */
  cachedWheel(url: string, filename: string, sha256?: string): Promise<CachedWheel | undefined>;
  /** The last visit's note, once read (with its pages and wheels asked for); `undefined` without one. */
  readonly note: Promise<WarmStart | undefined>;
  /** The wheels of the config's unpacked entry (see `unpacked.ts`), once read; none without one. */
  readonly unpacked: Promise<UnpackedWheel[]>;
}

/**
 * Starts a resolution's requests.
 * @param keys the cache keys of the last visit's note and unpacked wheels, read at once (none: no head start)
 */
export function startPrefetch(cache: WheelCache, options: { keys?: { note: string; unpacked: string }; credentials?: RequestCredentials } = {}): Prefetch {
  const pages = new Map<string, Promise<IndexAnswer>>();
  const wheels = new Map<string, Promise<CachedWheel | undefined>>();
  const { keys } = options;
  const unpacked = keys ? cache.getFile(keys.unpacked).then((bytes) => (bytes ? unpackWheels(bytes) : [])) : Promise.resolve([]);
  const prefetch: Prefetch = {
    page(url) {
      let answer = pages.get(url);
      if (!answer) {
        pages.set(url, (answer = requestPage(url, options.credentials)));
        answer.catch(() => undefined); // reported to whoever asks for it
      }
      return answer;
    },
    cachedWheel(url, filename, sha256) {
      const id = `${url} ${sha256?.toLowerCase() ?? ''}`;
      let found = wheels.get(id);
      if (!found) {
        wheels.set(id, (found = readCachedWheel(cache, unpacked, url, filename, sha256?.toLowerCase())));
        found.catch(() => undefined);
      }
      return found;
    },
    note: keys
      ? cache.getNote(keys.note).then(asWarmStart, () => undefined).then((note) => {
          for (const url of note?.pages ?? []) void prefetch.page(url).catch(() => undefined);
          for (const wheel of note?.wheels ?? []) void prefetch.cachedWheel(wheel.url, wheel.filename, wheel.sha256).catch(() => undefined);
          return note;
        })
      : Promise.resolve(undefined),
    unpacked,
  };
  return prefetch;
}

async function requestPage(url: string, credentials?: RequestCredentials): Promise<IndexAnswer> {
  const response = await fetch(url, { headers: { accept: INDEX_ACCEPT }, credentials, signal: AbortSignal.timeout(INDEX_TIMEOUT_MS) });
  // A failed page's body is read too: the request then ends (and the connection is free) whatever the server sent.
  const body = await response.text();
  return {
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    body,
    contentType: response.headers.get('content-type') ?? '',
    url: response.url || url,
  };
}

async function readCachedWheel(
  cache: WheelCache,
  unpacked: Promise<UnpackedWheel[]>,
  url: string,
  filename: string,
  sha256?: string,
): Promise<CachedWheel | undefined> {
  // A wheel given by URL alone (no sha256 to compare) is taken as long as its URL is the same, as in the wheel cache.
  const kept = (await unpacked).find((wheel) => wheel.url === url && (!sha256 || wheel.sha256 === sha256));
  if (kept) return { entries: kept.entries, sha256: kept.sha256 };
  const bytes = await cache.get(url, sha256);
  return bytes && { bytes, sha256, entries: await unzipPure(filename, bytes) };
}

/**
 * All entries of a pure wheel (platform `any`), unzipped now rather than
 * after the interpreter is up; `undefined` for a wheel with compiled code
 * (Pyodide's installer unpacks those) or one that does not unzip (the host
 * reports that when it reads the METADATA).
 */
export async function unzipPure(filename: string, bytes: Uint8Array): Promise<WheelEntries | undefined> {
  if (!/-any\.whl$/i.test(filename)) return undefined;
  const { readArchive } = await loadArchiveReader();
  try {
    return readArchive(bytes, 'zip');
  } catch {
    return undefined; // the host's METADATA read says what is wrong
  }
}
