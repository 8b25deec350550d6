/**
 * Progress of the interpreter's own download. The interpreters fetch their
 * files themselves (Pyodide streams its wasm straight into the compiler), so
 * rather than fetch twice this watches Resource Timing: each file under the
 * interpreter's folder adds its bytes as it completes. `total` is the size
 * of the bundled build, measured at build time; for another build (the
 * `interpreter` key) it is 0 (unknown) until the interpreter is up.
 */
import { assetUrl } from './assets.js';
import type { ProgressCallback } from './fetch-progress.js';
import type { InterpreterKind } from './types.js';

const folders: Record<InterpreterKind, string> = { pyodide: 'pyodide/', micropython: 'micropython/' };

/** Set by `scripts/build.mjs`; absent when the source runs unbundled. */
declare const __INTERPRETER_BYTES__: Record<InterpreterKind, number> | undefined;
const bundledBytes = typeof __INTERPRETER_BYTES__ === 'undefined' ? undefined : __INTERPRETER_BYTES__;

/** A file of an interpreter that arrived: its URL and size. */
type Arrival = { name: string; bytes: number };

/** Entries seen before anyone watched (see {@link recordInterpreterDownloads}). */
const early: PerformanceResourceTiming[] = [];
/** Files that came without a request of this realm (a worker's, sent by main), and who watches. */
const delivered: Arrival[] = [];
const watchers = new Set<(arrivals: Arrival[]) => void>();

const arrival = (entry: PerformanceResourceTiming): Arrival =>
  ({ name: entry.name, bytes: entry.decodedBodySize || entry.encodedBodySize || entry.transferSize });

/** Counts a file of an interpreter that arrived without a request of this realm: Resource Timing does not see it. */
export function noteDelivered(url: string, bytes: number): void {
  const found = { name: new URL(url, globalThis.location?.href).href, bytes };
  delivered.push(found);
  for (const watch of watchers) watch([found]);
}

/**
 * Starts recording resource entries now, for downloads that begin before a
 * script watches them (`warm-up.ts`): the page's Resource Timing buffer holds
 * only 250 entries, so a later `buffered` observer may never see them.
 */
export function recordInterpreterDownloads(): void {
  if (typeof PerformanceObserver === 'undefined') return;
  const folderUrls = Object.values(folders).map((folder) => assetUrl(folder));
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
      if (folderUrls.some((folder) => entry.name.startsWith(folder))) early.push(entry);
    }
    // Both interpreters have at most a handful of files: stop once they are in.
    if (early.length >= 8) observer.disconnect();
  });
  observer.observe({ type: 'resource' });
}

/**
 * Reports the `interpreter` stage while `kind` downloads.
 * @param url the interpreter module's URL, when the `interpreter` key overrides the bundled one
 * @returns a function that stops watching and reports the final total (`booted`: the interpreter is up)
 */
export function watchInterpreterDownload(kind: InterpreterKind, url: string | undefined, report: ProgressCallback): (booted: boolean) => void {
  const folder = url ? new URL('./', url).href : assetUrl(folders[kind]);
  const expected = url ? 0 : bundledBytes?.[kind] ?? 0;
  let loaded = 0;
  const seen = new Set<string>();
  const take = (arrivals: Arrival[]) => {
    for (const { name, bytes } of arrivals) {
      if (!name.startsWith(folder) || seen.has(name)) continue;
      seen.add(name);
      loaded += bytes;
      report({ stage: 'interpreter', loaded, total: Math.max(expected, loaded) });
    }
  };
  const observed = (entries: PerformanceEntryList) => take((entries as PerformanceResourceTiming[]).map(arrival));
  if (typeof PerformanceObserver === 'undefined') return () => undefined;
  report({ stage: 'interpreter', loaded: 0, total: expected });
  observed(early);
  take(delivered);
  watchers.add(take);
  const observer = new PerformanceObserver((list) => observed(list.getEntries()));
  observer.observe({ type: 'resource', buffered: true });
  return (booted) => {
    observed(observer.takeRecords());
    observer.disconnect();
    watchers.delete(take);
    // Once the interpreter is up all of it has arrived, whether or not the
    // browser has reported each file yet (a preloaded wasm's entry can come
    // after the boot): the bundled build's size is exact.
    const final = booted ? Math.max(expected, loaded) : loaded;
    report({ stage: 'interpreter', loaded: final, total: final });
  };
}
