/**
 * `py:all-done`: fired once on `window` when every script present at start-up
 * (of both types, main thread and workers) has finished.
 */

export class AllDoneTracker {
  readonly #window: EventTarget;
  #pending = 0;
  #closed = false;
  #fired = false;

  /** @param window where `py:all-done` is dispatched: the document's window */
  constructor(window: EventTarget) {
    this.#window = window;
  }

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
    this.#window.dispatchEvent(new CustomEvent('py:all-done', { detail: {} }));
  }
}
