/**
 * Reading `.zip`/`.whl` and `.tar.gz`/`.tgz` archives (fflate, nanotar).
 * Built alone as `dist/archive.js` and loaded through {@link loadArchiveReader}
 * only when a config unpacks an archive or installs a wheel: fflate builds
 * its lookup tables as it loads, which every page would otherwise pay for.
 */
import { gunzipSync, unzipSync } from 'fflate';
import { parseTar } from 'nanotar';

/** The archive's entries: name (directories end with `/`) and bytes. */
export function readArchive(bytes: Uint8Array, format: 'zip' | 'tgz'): [string, Uint8Array | undefined][] {
  if (format === 'zip') return Object.entries(unzipSync(bytes));
  // nanotar reads `.buffer` whole, so hand it an unshared copy.
  const tar = gunzipSync(bytes).slice();
  return parseTar(tar)
    .filter((item) => item.type === 'file' || item.type === 'directory' || item.type === undefined)
    .map((item) => [item.type === 'directory' && !item.name.endsWith('/') ? `${item.name}/` : item.name, item.data ?? new Uint8Array()]);
}

/** The entries of a zip whose names pass `test`, unpacking nothing else (a wheel's METADATA). */
export function readZipEntries(bytes: Uint8Array, test: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(bytes, { filter: (file) => test(file.name) });
}
