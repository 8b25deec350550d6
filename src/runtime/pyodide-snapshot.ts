/**
 * Decoding the start-up snapshot, `dist/pyodide/snapshot.bin.br` (made by
 * `scripts/pyodide-snapshot.mjs`, which describes its layout). Lazy
 * (`dist/pyodide-snapshot.js`): only Pyodide pages load it, with the
 * brotli decoder (`dist/pyodide/brotli-dec.wasm`, from brotli-dec-wasm:
 * `DecompressionStream` does not decode brotli in every engine).
 *
 * The file holds only the memory pages that differ from what the freshly
 * instantiated wasm holds, XOR'd with it; {@link applySnapshot} rebuilds
 * the whole memory from the fresh one, once Pyodide has instantiated its
 * module and before it restores the snapshot.
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

/** Splits the decoded stream: a JSON {@link SnapshotInfo} (its length first), Pyodide's header, the pages. */
function parse(bytes: Uint8Array): DecodedSnapshot {
  const { info, header, start } = parseHead(bytes)!;
  const pages = bytes.subarray(start);
  const count = info.pages.reduce((sum, [, n]) => sum + n, 0);
  if (pages.length !== count * info.page) throw new Error('snapshot is cut short');
  return { info, header, pages };
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

/**
 * Reads the snapshot response, decompressing while it downloads.
 * `decoder`: the response for the decoder's wasm. A server that already
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
  decoder: Promise<Response>,
  cached: Promise<CachedSnapshot | undefined>,
  digest: Promise<string | undefined>,
): SnapshotReading {
  let headFound: ((head: SnapshotHead) => void) | undefined;
  let headFailed!: (error: unknown) => void;
  const head = new Promise<SnapshotHead>((resolve, reject) => {
    headFound = resolve;
    headFailed = reject;
  });
  const chunks: Uint8Array[] = [];
  let length = 0;
  const add = (chunk: Uint8Array) => {
    chunks.push(chunk);
    length += chunk.length;
    if (!headFound) return;
    const found = parseHead(concatBytes(chunks, length));
    if (found) {
      headFound(found);
      headFound = undefined;
    }
  };
  const whole = (async (): Promise<DecodedSnapshot> => {
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const store = await cached;
    // Only a visit with something kept waits for the digest before it decodes.
    const hit = store?.hit && store.hit.headers.get(DIGEST_HEADER) === (await digest) ? store.hit : undefined;
    if (hit) {
      const kept = await hit.arrayBuffer().then((bytes) => parse(new Uint8Array(bytes))).catch(() => undefined);
      if (kept) {
        response.body.cancel().catch(() => undefined);
        headFound?.(kept);
        return kept;
      }
      store!.cache.delete(url).catch(() => undefined); // spoilt: decoded again below, and kept anew
    }
    await decode(response, decoder, add);
    const bytes = concatBytes(chunks, length);
    chunks.length = 0;
    const decoded = parse(bytes);
    if (store) {
      // A full disk or a closed page only costs the next visit a decode.
      digest.then((version) => {
        if (version) return store.cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { [DIGEST_HEADER]: version } }));
      }).catch(() => undefined);
    }
    return decoded;
  })();
  whole.catch(headFailed);
  return { head, whole };
}

async function decode(response: Response, decoder: Promise<Response>, add: (chunk: Uint8Array) => void): Promise<void> {
  if (response.headers.get('content-encoding')) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) add(chunk);
    return;
  }
  await initBrotli({ module_or_path: decoder });
  const stream = new DecompressStream();
  let done = false;
  const reader = response.body!.getReader();
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    let input = value;
    for (;;) {
      const result = stream.decompress(input, 1 << 20);
      const output = result.buf;
      const code = result.code;
      const used = result.input_offset;
      result.free();
      if (output.length) add(output);
      if (code === BrotliStreamResultCode.NeedsMoreOutput) input = input.subarray(used);
      else {
        done = code === BrotliStreamResultCode.ResultSuccess;
        break;
      }
    }
  }
  stream.free();
  if (!done) throw new Error('truncated snapshot');
}

/** The hash the build computed over the kept pages (same arithmetic). */
function pageHash(bytes: Uint8Array, hash: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  for (let i = 0; i < words.length; i++) hash = (Math.imul(hash, 31) + words[i]) | 0;
  return hash;
}

/** Set when {@link applySnapshot} found the fresh memory unlike the build's: the reason Pyodide refused the snapshot. */
export let mismatch = false;

/** The buffer handed to Pyodide's `_loadSnapshot`: its header, the memory to be filled by {@link applySnapshot}. */
export function snapshotBuffer({ info, header }: SnapshotHead): Uint8Array {
  const buffer = new Uint8Array(info.header + info.memory);
  buffer.set(header);
  return buffer;
}

/** Makes Pyodide's restore refuse `buffer` ("invalid magic number"), so that the caller boots fresh. */
export function spoil(buffer: Uint8Array): void {
  buffer.fill(0, 0, 4);
}

/**
 * Fills `buffer`'s memory part from `heap` (the fresh module's memory) and
 * the stored pages. When the kept pages do not hash as they did at build
 * time (another Pyodide build), the buffer is spoiled so that Pyodide's
 * restore refuses it ("invalid magic number") and the caller boots fresh.
 */
export function applySnapshot(heap: Uint8Array, buffer: Uint8Array, { info, pages }: DecodedSnapshot): void {
  const { page } = info;
  let check = 0;
  for (const [first, count] of info.kept) check = pageHash(heap.subarray(first * page, (first + count) * page), check);
  if (check !== info.check || heap.length < info.memory) {
    mismatch = true;
    spoil(buffer);
    return;
  }
  const memory = buffer.subarray(info.header);
  memory.set(heap.subarray(0, info.memory));
  const target = new Int32Array(memory.buffer, memory.byteOffset, info.memory >> 2);
  const source = new Int32Array(pages.buffer, pages.byteOffset, pages.byteLength >> 2);
  const wordsPerPage = page >> 2;
  let from = 0;
  for (const [first, count] of info.pages) {
    const to = first * wordsPerPage;
    const words = count * wordsPerPage;
    for (let i = 0; i < words; i++) target[to + i] ^= source[from + i];
    from += words;
  }
}
