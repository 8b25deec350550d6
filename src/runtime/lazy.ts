/**
 * Code that only some pages need lives in its own files in `dist/`, next to
 * `core.js` and `worker.js`, and is imported by URL on first use (each file
 * once per thread). Under `npm test` the sources are served as they are,
 * so the same URL names the `.ts` file there.
 */
import { assetUrl } from './assets.js';

type ArchiveModule = typeof import('./archive.js');
type TomlModule = typeof import('./toml.js');
type ResolverModule = typeof import('./resolver/index.js');
type ConfigReaderModule = typeof import('./load-config.js');

let archive: Promise<ArchiveModule> | undefined;
let toml: Promise<TomlModule> | undefined;
let resolver: Promise<ResolverModule> | undefined;
let configReader: Promise<ConfigReaderModule> | undefined;

/**
 * Imports `dist/<name>.js`; served unbundled (under `npm test`), the source
 * file `source` instead, relative to this folder (default: `<name>.ts`).
 */
export const importLazy = <T>(name: string, source = `${name}.ts`): Promise<T> =>
  import(/* @vite-ignore */ assetUrl(import.meta.url.endsWith('.ts') ? source : `${name}.js`)) as Promise<T>;

/** `dist/archive.js`: unzip and untar. */
export function loadArchiveReader(): Promise<ArchiveModule> {
  archive ??= importLazy<ArchiveModule>('archive');
  return archive;
}

/** `dist/toml.js`: the TOML parser. */
export function loadTomlParser(): Promise<TomlModule> {
  toml ??= importLazy<TomlModule>('toml');
  return toml;
}

/** `dist/resolver.js`: Pyodide packages by name, with their dependencies, and `micropip`. */
export function loadResolver(): Promise<ResolverModule> {
  resolver ??= importLazy<ResolverModule>('resolver', 'resolver/index.ts');
  return resolver;
}

/** `dist/config.js`: reading and checking a config (`load-config.ts`), for pages that have one. */
export function loadConfigReader(): Promise<ConfigReaderModule> {
  configReader ??= importLazy<ConfigReaderModule>('config', 'load-config.ts');
  return configReader;
}
