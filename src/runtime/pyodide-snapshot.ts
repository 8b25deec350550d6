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

export interface DecodedSnapshot {
  info: SnapshotInfo;
  /** Pyodide's snapshot header. */
  header: Uint8Array;
  /** The stored pages, one after the other. */
  pages: Uint8Array;
}

/** The hash the build computed over the kept pages (same arithmetic). */
function pageHash(bytes: Uint8Array, hash: number): number {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  for (let i = 0; i < words.length; i++) hash = (Math.imul(hash, 31) + words[i]) | 0;
  return hash;
}

/**
 * Reads the snapshot response, decompressing while it downloads.
 * `decoder`: the response for the decoder's wasm. A server that already
 * decoded the body (it sent `Content-Encoding`) gets it read as it is.
 */
export async function decodeSnapshot(response: Response, decoder: Promise<Response>): Promise<DecodedSnapshot> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (response.headers.get('content-encoding')) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      length += chunk.length;
    }
  } else {
    await initBrotli({ module_or_path: decoder });
    const stream = new DecompressStream();
    let done = false;
    const reader = response.body.getReader();
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
        if (output.length) {
          chunks.push(output);
          length += output.length;
        }
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
  const bytes = concatBytes(chunks, length);
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  const info = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + jsonLength))) as SnapshotInfo;
  const start = 4 + Math.ceil(jsonLength / 4) * 4;
  const header = bytes.subarray(start, start + info.header);
  const pages = bytes.subarray(start + info.header);
  const count = info.pages.reduce((sum, [, n]) => sum + n, 0);
  if (pages.length !== count * info.page) throw new Error('snapshot is cut short');
  return { info, header, pages };
}


/** Set when {@link applySnapshot} found the fresh memory unlike the build's: the reason Pyodide refused the snapshot. */
export let mismatch = false;

/** The buffer handed to Pyodide's `_loadSnapshot`: its header, the memory to be filled by {@link applySnapshot}. */
export function snapshotBuffer({ info, header }: DecodedSnapshot): Uint8Array {
  const buffer = new Uint8Array(info.header + info.memory);
  buffer.set(header);
  return buffer;
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
    buffer.fill(0, 0, 4);
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
