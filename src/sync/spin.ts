/**
 * Spin-then-park for the `atomics` transport: before a thread goes to sleep
 * waiting for the other side, it polls for a few microseconds.
 *
 * A blocking call is two wake-ups: main wakes to serve the worker's request,
 * the worker wakes to read the answer. Serving `document.title` takes a few
 * microseconds, but waking a thread that went to sleep costs tens of them,
 * more on a virtual machine whose idle CPU halted (figures in
 * bench/README.md, "Measurement history"). A waiter that polls
 * briefly first catches a quick answer awake, as adaptive mutexes do
 * (glibc's `PTHREAD_MUTEX_ADAPTIVE_NP`, WebKit's `ParkingLot`).
 *
 * Polling only pays when the other side runs meanwhile on another CPU. When
 * the answer is slow (main running a long handler, a user typing into
 * `input()`), or when the OS put both threads on one CPU (then the poller
 * only delays the side it waits for), the spins miss. After a few misses
 * in a row a spinner stops polling and sleeps at once, trying one spin in
 * {@link PROBE_EVERY} waits to see whether polling pays again.
 * @packageDocumentation
 */

/** Misses in a row after which a spinner stops polling. */
export const MISSES_TO_BACK_OFF = 4;
/**
 * While backed off, one wait in this many still polls, to notice when it
 * pays again. A probe that misses costs a whole budget (main's is 100 µs),
 * so probes are rare; the OS moves threads between CPUs far less often.
 */
export const PROBE_EVERY = 64;

/** `Atomics.pause` (ES2025, Chromium 133+): a hint to the CPU inside spin loops. */
const pause = (Atomics as unknown as { pause?: () => void }).pause?.bind(Atomics);

/** A clock in milliseconds; `performance.now` unless a test gives another. */
export type Clock = () => number;

/** When and how long one waiting side of a channel polls before it sleeps. */
export class Spinner {
  readonly #budget: number;
  readonly #now: Clock;
  #misses = 0;
  #skipped = 0;

  /** @param budget the longest spin, in milliseconds */
  constructor(budget: number, now: Clock = () => performance.now()) {
    this.#budget = budget;
    this.#now = now;
  }

  /** Whether the next wait polls (false while backed off, but for probes). */
  get polling(): boolean {
    return this.#misses < MISSES_TO_BACK_OFF;
  }

  /**
   * Polls `isDone` until it returns true or the budget is spent.
   * @returns whether `isDone` became true in time (else the caller sleeps)
   */
  spin(isDone: () => boolean): boolean {
    if (isDone()) return true;
    if (!this.polling && ++this.#skipped % PROBE_EVERY) return false;
    const until = this.#now() + this.#budget;
    do {
      pause?.();
      if (isDone()) {
        this.#misses = 0;
        return true;
      }
    } while (this.#now() < until);
    this.#misses++;
    return false;
  }
}
