/**
 * The pure wheels of a config, kept unpacked: one package-cache entry per
 * config (next to its note, see `warm-start.ts`) holding every file of
 * those wheels as it goes into site-packages, so that a second visit reads
 * them in one request and writes them without unzipping anything. Each
 * wheel in it is found by URL and sha256 as in the wheel cache; one the
 * index now lists with another sha256 is not taken from here. Layout: a
 * 4-byte little-endian header length, the header (JSON: each wheel's URL,
 * sha256 and entries with their sizes, `-1` for a directory), then the
 * files' bytes one after another.
 * @packageDocumentation
 */
import { concatBytes } from '../concat-bytes.js';

/** A wheel's archive entries (directories end with `/` and have no bytes). */
export type WheelEntries = [string, Uint8Array | undefined][];

/** One wheel of the entry. */
export interface UnpackedWheel {
  url: string;
  sha256: string;
  entries: WheelEntries;
}

interface Header {
  wheels: { url: string; sha256: string; entries: [string, number][] }[];
}

/** The cache entry of these wheels. */
export function packWheels(wheels: UnpackedWheel[]): Uint8Array {
  const header: Header = {
    wheels: wheels.map(({ url, sha256, entries }) => ({ url, sha256, entries: entries.map(([name, data]) => [name, data ? data.length : -1]) })),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const headLength = new Uint8Array(4);
  new DataView(headLength.buffer).setUint32(0, head.length, true);
  const chunks = [headLength, head, ...wheels.flatMap(({ entries }) => entries.flatMap(([, data]) => (data ? [data] : [])))];
  return concatBytes(chunks, chunks.reduce((sum, chunk) => sum + chunk.length, 0));
}

/** The wheels of a cache entry (views into `bytes`); none when it is not one. */
export function unpackWheels(bytes: Uint8Array): UnpackedWheel[] {
  try {
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Header;
    let offset = 4 + length;
    const wheels = header.wheels.map(({ url, sha256, entries }) => ({
      url,
      sha256,
      entries: entries.map(([name, size]): [string, Uint8Array | undefined] => {
        if (size < 0) return [name, undefined];
        const data = bytes.subarray(offset, offset + size);
        offset += size;
        return [name, data];
      }),
    }));
    return offset === bytes.length ? wheels : [];
  } catch {
    return []; // not an entry of this layout: the wheels come from the wheel cache instead
  }
}
