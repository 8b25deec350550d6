/**
 * Decoding the start-up snapshot, `dist/pyodide/snapshot.bin.br` (made by
 * `scripts/pyodide-snapshot.mjs`, which describes its layout). Lazy
 * (`dist/pyodide-snapshot.js`): only Pyodide pages load it, with the
 * brotli decoder (`dist/pyodide/brotli-dec.wasm`, from brotli-dec-wasm),
 * where `DecompressionStream` does not decode brotli (Chromium and WebKit
 * in 2026; Firefox does).
 *
 * The file holds only the memory pages that differ from what the freshly
 * instantiated wasm holds, XOR'd with it (most with zeros: only those over
 * the wasm's data are XOR'd back, `SnapshotInfo.xor`); {@link snapshotRestore}
 * rebuilds the whole memory from the fresh one, in the module itself, once Pyodide
 * has instantiated it.
 */
import initBrotli, { BrotliStreamResultCode, DecompressStream } from 'brotli-dec-wasm/web';
import { concatBytes } from './concat-bytes.js';

/** What `scripts/pyodide-snapshot.mjs` writes at the start of the stream. */
export interface SnapshotInfo {
  /** Pyodide's version the snapshot was made with. */
  pyodide: string;
  /** Bytes of wasm memory the snapshot covers. */
  memory: number;
  /** Bytes of Pyodide's own snapshot header (before the memory). */
  header: number;
  /** Page size, bytes. */
  page: number;
  /** Stored pages (XOR'd with the fresh memory), as `[first, count]` runs, in order. */
  pages: [number, number][];
  /** Non-zero pages kept as the fresh memory has them, `[first, count]` runs. */
  kept: [number, number][];
  /** {@link pageHash} of the kept pages, in order. */
  check: number;
  /**
   * The stored pages whose fresh content is not all zero, as `[page, position
   * among the stored pages, count]` runs: only they need the XOR undone.
   */
  xor: [number, number, number][];
}

/** What Pyodide needs before it instantiates its module: the memory's size, its snapshot header. */
export interface SnapshotHead {
  info: SnapshotInfo;
  /** Pyodide's snapshot header. */
  header: Uint8Array;
}

export interface DecodedSnapshot extends SnapshotHead {
  /** The stored pages, one after the other. */
  pages: Uint8Array;
}

/**
 * A snapshot being read. The head comes with the first decoded bytes, so
 * Pyodide can size its memory and compile and instantiate its wasm while the
 * rest decodes; the pages are needed only once the module is instantiated.
 */
export interface SnapshotReading {
  head: Promise<SnapshotHead>;
  whole: Promise<DecodedSnapshot>;
}

/** Where decoded snapshots are kept between visits: a Cache API cache and the entry for `url`. */
export interface CachedSnapshot {
  cache: Cache;
  hit: Response | undefined;
}

/** The header of a kept snapshot: the sha256 of the file it was decoded from (`snapshot.json` says which is current). */
const DIGEST_HEADER = 'x-pyscript-snapshot';

/** The hash the build computed over the kept pages (same arithmetic). */
function pageHash(bytes: Uint8Array, hash: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  for (let i = 0; i < words.length; i++) hash = (Math.imul(hash, 31) + words[i]) | 0;
  return hash;
}

/** The head, once `bytes` holds it (else `undefined`), and where the pages start. */
function parseHead(bytes: Uint8Array): (SnapshotHead & { start: number }) | undefined {
  if (bytes.length < 4) return undefined;
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  if (bytes.length < 4 + jsonLength) return undefined;
  const info = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength))) as SnapshotInfo;
  const start = 4 + Math.ceil(jsonLength / 4) * 4;
  if (bytes.length < start + info.header) return undefined;
  return { info, header: bytes.slice(start, start + info.header), start: start + info.header };
}

const pageBytes = (info: SnapshotInfo): number => info.pages.reduce((sum, [, n]) => sum + n, 0) * info.page;

/** A whole decoded stream, as kept in the cache: its pages are a view of `bytes`, not a copy. */
function parse(bytes: Uint8Array): DecodedSnapshot {
  const { info, header, start } = parseHead(bytes) ?? {};
  if (!info || !header || bytes.length - start! !== pageBytes(info)) throw new Error('snapshot is cut short');
  return { info, header, pages: bytes.subarray(start) };
}

/**
 * Collects the decompressed stream: the prefix (JSON, Pyodide's header)
 * until it is whole, then the pages straight into one array of their final
 * size, so the decoded data is copied once (the engine counts every buffer
 * toward its next major GC, which would otherwise land in the first Python
 * that runs after the boot: bench/README.md, "Where the first worker reads go").
 */
class SnapshotSink {
  #prefix: Uint8Array[] = [];
  #prefixLength = 0;
  #decoded?: DecodedSnapshot & { prefix: Uint8Array };
  #filled = 0;
  readonly #onHead: (head: SnapshotHead) => void;

  constructor(onHead: (head: SnapshotHead) => void) {
    this.#onHead = onHead;
  }

  push(chunk: Uint8Array): void {
    if (!this.#decoded) {
      this.#prefix.push(chunk);
      this.#prefixLength += chunk.length;
      const bytes = concatBytes(this.#prefix, this.#prefixLength);
      this.#prefix = [bytes];
      const head = parseHead(bytes);
      if (!head) return;
      const { info, header, start } = head;
      this.#decoded = { info, header, pages: new Uint8Array(pageBytes(info)), prefix: bytes.slice(0, start) };
      this.#prefix = [];
      this.#onHead({ info, header });
      chunk = bytes.subarray(start);
    }
    const { pages } = this.#decoded;
    if (this.#filled + chunk.length > pages.length) throw new Error('snapshot is longer than it says');
    pages.set(chunk, this.#filled);
    this.#filled += chunk.length;
  }

  /** The snapshot, and the whole stream as the cache keeps it (a copy: the restore changes the pages in place). */
  end(): { decoded: DecodedSnapshot; stream: Blob } {
    if (!this.#decoded || this.#filled !== this.#decoded.pages.length) throw new Error('snapshot is cut short');
    const { info, header, pages, prefix } = this.#decoded;
    return { decoded: { info, header, pages }, stream: new Blob([prefix as Uint8Array<ArrayBuffer>, pages as Uint8Array<ArrayBuffer>]) };
  }
}

/**
 * Reads the snapshot response, decompressing while it downloads.
 * `decoder`: the response for the decoder's wasm (none where the engine
 * decodes brotli itself). A server that already
 * decoded the body (it sent `Content-Encoding`) gets it read as it is.
 * `cached`: the cache and its entry for `url`, `digest`: the current
 * file's sha256. The decoded bytes are kept in the cache under the digest,
 * and a later visit whose digest is the same reads them instead of
 * decoding again (most of the snapshot's cost once the file itself comes
 * from the HTTP cache).
 */
export function readSnapshot(
  url: string,
  response: Response,
  decoder: Promise<Response> | undefined,
  cached: Promise<CachedSnapshot | undefined>,
  digest: Promise<string | undefined>,
): SnapshotReading {
  let headFound!: (head: SnapshotHead) => void;
  let headFailed!: (error: unknown) => void;
  const head = new Promise<SnapshotHead>((resolve, reject) => {
    headFound = resolve;
    headFailed = reject;
  });
  const whole = (async (): Promise<DecodedSnapshot> => {
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const store = await cached;
    const hit = await currentHit(store, digest);
    if (hit) {
      const kept = await hit.arrayBuffer().then((bytes) => parse(new Uint8Array(bytes))).catch(() => undefined);
      if (kept) {
        response.body.cancel().catch(() => undefined);
        headFound(kept);
        return kept;
      }
      store!.cache.delete(url).catch(() => undefined); // spoilt: decoded again below, and kept anew
    }
    const sink = new SnapshotSink(headFound);
    await decode(response, decoder, sink);
    const { decoded, stream } = sink.end();
    if (store) keep(store.cache, url, stream, digest);
    return decoded;
  })();
  whole.catch(headFailed);
  return { head, whole };
}

/** The kept entry, when it was decoded from the current file: only a visit with something kept waits for the digest. */
async function currentHit(store: CachedSnapshot | undefined, digest: Promise<string | undefined>): Promise<Response | undefined> {
  return store?.hit && store.hit.headers.get(DIGEST_HEADER) === (await digest) ? store.hit : undefined;
}

/** Keeps `bytes` in `cache` as `url` under the digest, once known; a full disk or a closed page only costs the next visit a decode. */
function keep(cache: Cache, url: string, bytes: Blob, digest: Promise<string | undefined>, type?: string): void {
  digest.then((version) => {
    if (version) return cache.put(url, new Response(bytes, { headers: { ...(type && { 'Content-Type': type }), [DIGEST_HEADER]: version } }));
  }).catch(() => undefined);
}

async function decode(response: Response, decoder: Promise<Response> | undefined, sink: SnapshotSink): Promise<void> {
  const chunks = chunksOf(response.body!.getReader());
  const decoded = response.headers.get('content-encoding') ? chunks : brotliChunks(chunks, decoder, 'snapshot');
  for await (const chunk of decoded) sink.push(chunk);
}

/** The chunks of a stream (WebKit's streams are not async iterable). */
async function* chunksOf(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A stream of what `chunks` yields, read as the stream is (WebKit has no `ReadableStream.from`). */
function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The decoder's wasm, instantiated once: its objects live in its memory, so a second instance would break the first's. */
let brotli: Promise<unknown> | undefined;

/**
 * The decompressed bytes of `chunks`, as they arrive, by the decoder's wasm
 * (`decoder`) or, without one, the engine's; `what` names the file in the
 * error of a stream that does not decode.
 */
async function* brotliChunks(chunks: AsyncGenerator<Uint8Array>, decoder: Promise<Response> | undefined, what: string): AsyncGenerator<Uint8Array> {
  if (!decoder) {
    try {
      const native = new DecompressionStream('brotli' as CompressionFormat) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
      yield* chunksOf(streamOf(chunks).pipeThrough(native).getReader());
    } catch (error) {
      throw new Error(`truncated or spoilt ${what} (${error instanceof Error ? error.message : String(error)})`);
    }
    return;
  }
  await (brotli ??= initBrotli({ module_or_path: decoder }));
  const stream = new DecompressStream();
  let done = false;
  try {
    for await (let input of chunks) {
      for (;;) {
        const result = stream.decompress(input, 1 << 20);
        const output = result.buf;
        const code = result.code;
        const used = result.input_offset;
        result.free();
        if (output.length) yield output;
        if (code === BrotliStreamResultCode.NeedsMoreOutput) input = input.subarray(used);
        else {
          done = code === BrotliStreamResultCode.ResultSuccess;
          break;
        }
      }
    }
  } finally {
    stream.free();
  }
  if (!done) throw new Error(`truncated or spoilt ${what}`);
}

/** The first bytes of every wasm module, `\0asm`, as a little-endian word. */
const WASM_MAGIC = 0x6d736100;

/**
 * Pyodide's wasm from `pyodide.asm.wasm.br` (the build's brotli at its best
 * quality: 2.8 MB, where a host's on-the-fly brotli makes 3.1 MB of
 * `pyodide.asm.wasm`, gzip 3.6 and a host that does not compress 9.6),
 * decoded as it downloads, into a response that `instantiateStreaming`
 * compiles as it arrives. A body that is wasm already (a server that sent
 * the file with `Content-Encoding: br`) is passed on as it is. `fallback`
 * fetches the plain file when the compressed one cannot be had.
 *
 * Like the snapshot, the decoded wasm is kept in the cache (`cached`, the
 * entry for `url`) under the file's sha256 (`digest`), and a later visit
 * whose file is the same compiles the kept copy instead of decoding again
 * (~50 ms of CPU, on the boot's path once the file comes from the HTTP cache).
 */
export async function decodedWasm(
  url: string,
  response: Response,
  decoder: Promise<Response> | undefined,
  fallback: () => Promise<Response>,
  cached: Promise<CachedSnapshot | undefined> = Promise.resolve(undefined),
  digest: Promise<string | undefined> = Promise.resolve(undefined),
): Promise<Response> {
  if (!response.ok || !response.body) {
    response.body?.cancel().catch(() => undefined);
    return fallback();
  }
  const store = await cached;
  const hit = await currentHit(store, digest);
  if (hit) {
    response.body.cancel().catch(() => undefined);
    return hit;
  }
  const chunks = chunksOf(response.body.getReader());
  const first = await chunks.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const isWasm = head.length >= 4 && new DataView(head.buffer, head.byteOffset).getUint32(0, true) === WASM_MAGIC;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length) yield head;
    if (!first.done) yield* chunks;
  }
  const body = isWasm ? all() : brotliChunks(all(), decoder, 'wasm');
  return new Response(streamOf(store ? keeping(body, store.cache, url, digest) : body), { headers: { 'Content-Type': WASM_TYPE } });
}

const WASM_TYPE = 'application/wasm';

/** Passes `chunks` on; once they all went through, puts them in `cache` as `url` under `digest`. */
async function* keeping(chunks: AsyncGenerator<Uint8Array>, cache: Cache, url: string, digest: Promise<string | undefined>): AsyncGenerator<Uint8Array> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of chunks) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    yield chunk;
  }
  keep(cache, url, new Blob(parts), digest, WASM_TYPE);
}

/** Set when the fresh memory was found unlike the build's: the reason Pyodide refused the snapshot. */
export let mismatch = false;

/** What the module factory's `preRun` callbacks get: the instantiated module. */
export interface EmscriptenModule {
  HEAPU8: Uint8Array;
  addRunDependency(id: string): void;
  removeRunDependency(id: string): void;
}

/** What {@link snapshotRestore} returns: Pyodide's `_loadSnapshot` value, and the `preRun` callback that prepares the pages. */
export interface SnapshotRestore {
  /** For `_loadSnapshot`: Pyodide's header, posing as the whole snapshot (see {@link snapshotRestore}). */
  buffer: Uint8Array;
  /** To run first among the module's `preRun` callbacks, while its memory is as freshly instantiated. */
  preRun(module: EmscriptenModule): void;
}

/**
 * The restore of a snapshot into a fresh Pyodide module, without a copy of
 * its 31 MB memory in between. Pyodide's restore (`API.restoreSnapshot`)
 * takes one buffer, the header then the memory, sizes the module's memory
 * by its `length` and copies `buffer.subarray(header)` over it. The buffer
 * handed over here holds only the header (known from the first decoded
 * bytes: Pyodide instantiates its module while the pages still decode);
 * its `length` says what the whole would be, and its `subarray(header)`
 * writes the memory into the module itself, then hands Pyodide nothing
 * more to copy.
 *
 * Two steps, as the memory changes in between (the module's constructors
 * run after `preRun`): {@link SnapshotRestore.preRun} sees the memory the
 * build XOR'd the stored pages with, holds the module's start (a run
 * dependency) until `whole` has the pages, and turns them into their final
 * content in place (checking first, by the kept pages' hash, that this is
 * the build's Pyodide: else the header is spoiled, so that Pyodide refuses
 * it with "invalid magic number"); the restore then writes the stored
 * pages, zeroes the pages the snapshot has empty, and leaves the kept
 * pages, which it checks the constructors left alone. Nothing here holds
 * the pages once they are written.
 */
export function snapshotRestore({ info, header }: SnapshotHead, whole: Promise<DecodedSnapshot>): SnapshotRestore {
  const { page } = info;
  let module: EmscriptenModule | undefined;
  let pages: Uint8Array | undefined;
  let decoding: Promise<DecodedSnapshot> | undefined = whole;
  const buffer = header;
  const spoil = (): void => void buffer.fill(0, 0, 4);
  const restore = (): Uint8Array => {
    const heap = module?.HEAPU8;
    const stored = pages;
    pages = undefined;
    if (!heap || !stored) throw new Error('the snapshot was already used, or its module never started');
    if (keptHash(heap, info) !== info.check) throw new Error('the module changed the snapshot\'s kept pages before the restore');
    let from = 0;
    let next = 0; // the first page not yet written or checked
    const fill = (until: number) => heap.fill(0, next * page, until * page);
    // Stored and kept runs, in page order: what lies between them is zero in the snapshot.
    const runs = [...info.pages.map(([first, count]) => [first, count, 1]), ...info.kept.map(([first, count]) => [first, count, 0])].sort((a, b) => a[0] - b[0]);
    for (const [first, count, isStored] of runs) {
      fill(first);
      if (isStored) {
        heap.set(stored.subarray(from, from + count * page), first * page);
        from += count * page;
      }
      next = first + count;
    }
    fill(info.memory / page);
    return new Uint8Array(0);
  };
  Object.defineProperties(buffer, {
    length: { value: info.header + info.memory },
    subarray: {
      value: (begin?: number, end?: number) =>
        begin === info.header && end === undefined ? restore() : Uint8Array.prototype.subarray.call(header, begin, end),
    },
  });
  const preRun = (fresh: EmscriptenModule) => {
    const heap = fresh.HEAPU8;
    const decoded = decoding;
    decoding = undefined;
    if (!decoded) return spoil();
    if (heap.length < info.memory || keptHash(heap, info) !== info.check) {
      mismatch = true;
      return spoil();
    }
    fresh.addRunDependency('pyscript-snapshot');
    decoded.then(({ pages: final }) => {
      const target = new Int32Array(final.buffer, final.byteOffset, final.byteLength >> 2);
      const source = new Int32Array(heap.buffer, heap.byteOffset, info.memory >> 2);
      const wordsPerPage = page >> 2;
      for (const [first, at, count] of info.xor) {
        const from = first * wordsPerPage;
        const to = at * wordsPerPage;
        const words = count * wordsPerPage;
        for (let i = 0; i < words; i++) target[to + i] ^= source[from + i];
      }
      pages = final;
      module = fresh;
    }, spoil).finally(() => fresh.removeRunDependency('pyscript-snapshot'));
  };
  return { buffer, preRun };
}

/** {@link pageHash} of the pages `info` keeps from the fresh memory, in order. */
function keptHash(heap: Uint8Array, info: SnapshotInfo): number {
  let check = 0;
  for (const [first, count] of info.kept) check = pageHash(heap.subarray(first * info.page, (first + count) * info.page), check);
  return check;
}
