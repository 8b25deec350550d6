/**
 * Progress of the interpreter's own download. The interpreters fetch their
 * files themselves (Pyodide streams its wasm straight into the compiler), so
 * rather than fetch twice this watches Resource Timing: each file under the
 * interpreter's folder adds its bytes as it completes. `total` stays 0
 * (unknown) until the interpreter is up, then equals `loaded`.
 */
import { assetUrl } from './assets.js';
import type { ProgressCallback } from './fetch-progress.js';
import type { InterpreterKind } from './types.js';

const folders: Record<InterpreterKind, string> = { pyodide: 'pyodide/', micropython: 'micropython/' };

/**
 * Reports the `interpreter` stage while `kind` downloads.
 * @param url the interpreter module's URL, when the `interpreter` key overrides the bundled one
 * @returns a function that stops watching and reports the final total
 */
export function watchInterpreterDownload(kind: InterpreterKind, url: string | undefined, report: ProgressCallback): () => void {
  const folder = url ? new URL('./', url).href : assetUrl(folders[kind]);
  let loaded = 0;
  const seen = new Set<string>();
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries as PerformanceResourceTiming[]) {
      if (!entry.name.startsWith(folder) || seen.has(entry.name)) continue;
      seen.add(entry.name);
      loaded += entry.decodedBodySize || entry.encodedBodySize || entry.transferSize;
      report({ stage: 'interpreter', loaded, total: 0 });
    }
  };
  if (typeof PerformanceObserver === 'undefined') return () => undefined;
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'resource', buffered: true });
  return () => {
    take(observer.takeRecords());
    observer.disconnect();
    report({ stage: 'interpreter', loaded, total: loaded });
  };
}
