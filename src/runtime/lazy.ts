/**
 * Code that only some pages need lives in its own files in `dist/`, next to
 * `core.js` and `worker.js`, and is imported by URL on first use (each file
 * once per thread). Under `npm test` the sources are served as they are,
 * so the same URL names the `.ts` file there.
 */
import { assetUrl } from './assets.js';

type ArchiveModule = typeof import('./archive.js');
type TomlModule = typeof import('./toml.js');

let archive: Promise<ArchiveModule> | undefined;
let toml: Promise<TomlModule> | undefined;

const load = <T>(name: string): Promise<T> =>
  import(/* @vite-ignore */ assetUrl(import.meta.url.endsWith('.ts') ? `${name}.ts` : `${name}.js`)) as Promise<T>;

/** `dist/archive.js`: unzip and untar. */
export function loadArchiveReader(): Promise<ArchiveModule> {
  archive ??= load<ArchiveModule>('archive');
  return archive;
}

/** `dist/toml.js`: the TOML parser. */
export function loadTomlParser(): Promise<TomlModule> {
  toml ??= load<TomlModule>('toml');
  return toml;
}
