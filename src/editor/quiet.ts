/**
 * When editors build their CodeMirror views: in idle time, and not while a
 * run is going on. The plain text is on the page already, so a view can
 * wait; a run cannot. Its worker starting up sends messages the main
 * thread must answer, and on a small machine evaluating `dist/editor.js`
 * and building views at that moment held up a first MicroPython run by
 * hundreds of ms (bench/README.md, the `editors-*` rows). A run that goes
 * on for long (a loop, an `input()`) holds the views back for
 * {@link MAX_WAIT_MS} at most.
 */

/** Runs of this document's editors not finished yet. */
const runs = new Set<Promise<unknown>>();

/** How long a view waits for runs, in ms. */
const MAX_WAIT_MS = 3000;

/** Counts `run` as going on until it settles. */
export function noteRun(run: Promise<unknown>): void {
  runs.add(run);
  const forget = () => runs.delete(run);
  run.then(forget, forget);
}

/** Resolves in idle time once no run is going on (or after {@link MAX_WAIT_MS} of them). */
export async function whenQuiet(): Promise<void> {
  const until = Date.now() + MAX_WAIT_MS;
  for (;;) {
    await idle();
    const left = until - Date.now();
    if (runs.size === 0 || left <= 0) return;
    await Promise.race([Promise.allSettled([...runs]), delay(left)]);
  }
}

/** The next idle period (a short timeout where `requestIdleCallback` is missing: Safari). */
const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 20);
  });

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
