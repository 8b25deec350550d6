/**
 * `py:all-done`: fired once on `window` when every script present at start-up
 * (of both types, main thread and workers) has finished.
 */

export class AllDoneTracker {
  #pending = 0;
  #closed = false;
  #fired = false;

  /** Counts `done` until it settles. */
  track(done: Promise<unknown>): void {
    if (this.#fired) return;
    this.#pending++;
    const settle = () => {
      this.#pending--;
      this.#check();
    };
    done.then(settle, settle);
  }

  /** No more start-up scripts will be tracked; fire once they are all done. */
  close(): void {
    this.#closed = true;
    this.#check();
  }

  #check(): void {
    if (!this.#closed || this.#fired || this.#pending > 0) return;
    this.#fired = true;
    window.dispatchEvent(new CustomEvent('py:all-done', { detail: {} }));
  }
}

/** The page's tracker. */
export const allDone = new AllDoneTracker();
