/**
 * The package cache: wheels (from an index, a URL or `pyodide-lock.json`)
 * kept in the Cache API, so a second visit installs them without a network
 * request, whatever the server's `Cache-Control` says. An entry is found by
 * URL and used only when its sha256 is the one asked for (a wheel listed
 * with a new hash is downloaded again); a wheel given by URL alone, with no
 * hash to compare, is reused as long as its URL stays the same. Off with
 * `packages_cache = "never"`, and where there is no Cache API (an insecure
 * context).
 * @packageDocumentation
 */

/** The Cache API cache that holds the wheels. */
export const CACHE_NAME = 'pyscript-packages-v1';
const SHA256_HEADER = 'x-pyscript-sha256';

/** Where wheels are kept between visits. */
export interface WheelCache {
  /** The cached bytes of `url`, when there are some with this sha256 (any, when `sha256` is not given). */
  get(url: string, sha256?: string): Promise<Uint8Array | undefined>;
  /** Keeps bytes whose sha256 has been checked (or computed). */
  put(url: string, bytes: Uint8Array, sha256: string): Promise<void>;
  /** A small JSON note kept under `key` (see `warm-start.ts`), or `undefined`. */
  getNote(key: string): Promise<unknown>;
  putNote(key: string, value: unknown): Promise<void>;
  /** Bytes kept under `key` (see `unpacked.ts`), or `undefined`. */
  getFile(key: string): Promise<Uint8Array | undefined>;
  putFile(key: string, bytes: Uint8Array): Promise<void>;
}

const noCache: WheelCache = {
  get: async () => undefined,
  put: async () => undefined,
  getNote: async () => undefined,
  putNote: async () => undefined,
  getFile: async () => undefined,
  putFile: async () => undefined,
};

/** The cache, or one that keeps nothing when `enabled` is false or the Cache API is missing. */
export function openWheelCache(enabled: boolean): WheelCache {
  const storage = globalThis.caches;
  if (!enabled || !storage) return noCache;
  let opened: Promise<Cache> | undefined;
  const open = () => (opened ??= storage.open(CACHE_NAME));
  return {
    async get(url, sha256) {
      try {
        const response = await (await open()).match(url);
        if (!response) return undefined;
        if (sha256 && response.headers.get(SHA256_HEADER) !== sha256.toLowerCase()) return undefined;
        return new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        console.warn(`[pyscript] The package cache could not be read (${(error as Error).message}); downloading ${url}.`);
        return undefined;
      }
    },
    async put(url, bytes, sha256) {
      try {
        const headers = { 'content-type': 'application/zip', [SHA256_HEADER]: sha256.toLowerCase() };
        await (await open()).put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
      } catch (error) {
        // A full quota or a private window: the install goes on, the next visit downloads again.
        console.warn(`[pyscript] ${url} could not be kept in the package cache: ${(error as Error).message}`);
      }
    },
    async getNote(key) {
      try {
        return await (await (await open()).match(key))?.json();
      } catch {
        return undefined; // only a head start: without it, resolving takes its usual time
      }
    },
    async putNote(key, value) {
      try {
        await (await open()).put(key, new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }));
      } catch {
        // As above: the next visit resolves without a head start.
      }
    },
    async getFile(key) {
      try {
        const response = await (await open()).match(key);
        return response && new Uint8Array(await response.arrayBuffer());
      } catch {
        return undefined; // the wheels are then read from their own entries
      }
    },
    async putFile(key, bytes) {
      try {
        await (await open()).put(key, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/octet-stream' } }));
      } catch {
        // As above.
      }
    },
  };
}
