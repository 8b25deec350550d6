/**
 * The head start of a config's packages, begun by the core with the
 * interpreter's download (before `dist/resolver.js` has loaded): the
 * package cache opened, the last visit's note and unpacked wheels read, and
 * the note's index pages and other cached wheels asked for (see
 * `prefetch.ts`, `warm-start.ts`, `unpacked.ts`).
 */
import { startPrefetch, type Prefetch } from './prefetch.js';
import { warmStartKey } from './warm-start.js';
import { openWheelCache } from './wheel-cache.js';

/** Starts the requests of a config resolution (only the index pages and wheels it asks for itself, with `cache` false). */
export function startConfigPrefetch(requirements: string[], settings: { indexUrls: string[]; base: string; cache: boolean }): Prefetch {
  const key = (kind: 'warm-start' | 'unpacked') => warmStartKey(requirements, settings.indexUrls, settings.base, kind);
  return startPrefetch(openWheelCache(settings.cache), { keys: settings.cache ? { note: key('warm-start'), unpacked: key('unpacked') } : undefined });
}
