/**
 * A second visit's head start. Resolving walks a dependency chain one step
 * at a time (index page, wheel, METADATA, next index page…), and while
 * Pyodide boots, each step waits for a turn of a busy thread. So each
 * resolution of a config's packages leaves a note in the package cache: the
 * index pages it asked for and the wheels it chose. The next resolution of
 * the same requirements asks for all of them at once (the core reads the
 * note while the interpreter downloads, see `prefetch.ts`), then resolves
 * as usual: the pages are still fetched fresh and each wheel still has to
 * be the one the index lists (a note that has gone stale only costs a
 * wasted request).
 * @packageDocumentation
 */
import type { WheelSource } from './resolve.js';

/** What the last resolution of the same requirements asked for. */
export interface WarmStart {
  pages: string[];
  wheels: WheelSource[];
}

/**
 * The cache key of the note for these requirements and indexes (or, with
 * `unpacked`, of their pure wheels' files, see `unpacked.ts`): a URL, as the
 * Cache API wants (never fetched), made without hashing so that the core
 * can read the note before the resolver has loaded.
 */
export function warmStartKey(requirements: string[], indexUrls: string[], base: string, kind: 'warm-start' | 'unpacked' = 'warm-start'): string {
  return new URL(`/.pyscript-packages/${kind}/?for=${encodeURIComponent(JSON.stringify([requirements, indexUrls, base]))}`, base).href;
}

/** A note read back from the cache, or `undefined` when it is missing or not one. */
export function asWarmStart(value: unknown): WarmStart | undefined {
  const note = value as Partial<WarmStart> | undefined;
  if (!note || !Array.isArray(note.pages) || !Array.isArray(note.wheels)) return undefined;
  const pages = note.pages.filter((page): page is string => typeof page === 'string');
  const wheels = note.wheels.filter((wheel): wheel is WheelSource =>
    typeof wheel?.url === 'string' && typeof wheel.filename === 'string' && (wheel.sha256 === undefined || typeof wheel.sha256 === 'string'));
  return { pages, wheels };
}
