/**
 * The deadlock warning: while a worker is blocked in a sync call to main
 * (`sync.name()`, `input()`), main awaiting a call into that worker waits
 * forever, since the worker runs nothing until main answers. Main cannot
 * know it will await, so it warns when such a call is still pending after
 * a while, with the wording of PyScript's (coincident's) warning.
 * @packageDocumentation
 */
import { later, type Schedule } from './schedule.js';

/** How long a main → worker call may wait on a blocked worker before the warning (ms). */
export const DEADLOCK_MS = 1000;

/** Whether one worker is blocked on main, and warnings for calls made into it meanwhile. */
export class DeadlockWatch {
  #blockedOn = '';
  readonly #schedule: Schedule;
  readonly #warn: (message: string) => void;

  constructor(schedule: Schedule = later, warn: (message: string) => void = (message) => console.warn(message)) {
    this.#schedule = schedule;
    this.#warn = warn;
  }

  /** What the worker is blocked on (`sync.name`, `input`), or `''`. */
  get blockedOn(): string {
    return this.#blockedOn;
  }

  /** The worker waits for main to answer `what` until {@link unblock}. */
  block(what: string): void {
    this.#blockedOn = what;
  }

  unblock(): void {
    this.#blockedOn = '';
  }

  /** Main called `label` in the worker: warns if, after {@link DEADLOCK_MS}, it still waits and the worker is still blocked. */
  watch(label: string, isPending: () => boolean): void {
    if (!this.#blockedOn) return;
    this.#schedule(() => {
      if (isPending() && this.#blockedOn) {
        this.#warn(`💀🔒 - Possible deadlock if proxy.${label}(...args) is awaited: the worker is blocked waiting for ${this.#blockedOn}(...) on the main thread, so it cannot run ${label} until that returns.`);
      }
    }, DEADLOCK_MS);
  }
}
