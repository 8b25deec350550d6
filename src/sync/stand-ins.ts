/**
 * Stand-ins for the other side's objects, by the id that side gave them:
 * the worker's proxies of main-thread objects, main's functions standing
 * for worker callables. They are held weakly; when one is collected its id
 * is reported back (in batches, by `flush`), and the other side forgets the
 * object. One stand-in per id at a time, so identity holds (`a is a`).
 * @packageDocumentation
 */
import { later, type Schedule } from './schedule.js';

/** The stand-ins of one side, by id. */
export class StandIns<T extends object> {
  readonly #live = new Map<number, WeakRef<T>>();
  readonly #ids = new WeakMap<object, number>();
  readonly #registry = new FinalizationRegistry<number>((id) => this.collected(id));
  readonly #flushAfter: number;
  readonly #flush: (ids: number[]) => void;
  readonly #schedule: Schedule;
  #collected: number[] = [];
  #flushing = false;

  /**
   * @param flushAfter ms from the first collected id to `flush`
   * @param flush reports collected ids that no request took meanwhile (see {@link takeCollected})
   */
  constructor(flushAfter: number, flush: (ids: number[]) => void, schedule: Schedule = later) {
    this.#flushAfter = flushAfter;
    this.#flush = flush;
    this.#schedule = schedule;
  }

  /** The live stand-in of `id`, if any. */
  get(id: number): T | undefined {
    return this.#live.get(id)?.deref();
  }

  /** Makes `standIn` the one for `id`, reported when collected. */
  add(id: number, standIn: T): T {
    this.#live.set(id, new WeakRef(standIn));
    this.#ids.set(standIn, id);
    this.#registry.register(standIn, id);
    return standIn;
  }

  /** Gives `standIn` the fixed id `id`, never reported (a worker's `window` and `document`). */
  pin(id: number, standIn: object): void {
    this.#ids.set(standIn, id);
  }

  /** The id `standIn` stands for, when it is one of these. */
  idOf(standIn: object): number | undefined {
    return this.#ids.get(standIn);
  }

  /** Whether collected ids wait to be reported. */
  get hasCollected(): boolean {
    return this.#collected.length > 0;
  }

  /** Collected ids not yet reported, now handed to the caller to report (in the next request). */
  takeCollected(): number[] {
    const ids = this.#collected;
    this.#collected = [];
    return ids;
  }

  /** `id`'s stand-in was garbage-collected (called by the registry; tests call it directly). */
  collected(id: number): void {
    if (this.get(id)) return; // a newer stand-in holds the id
    this.#live.delete(id);
    this.#collected.push(id);
    if (this.#flushing) return;
    this.#flushing = true;
    this.#schedule(() => {
      this.#flushing = false;
      const ids = this.takeCollected();
      if (ids.length) this.#flush(ids);
    }, this.#flushAfter);
  }
}
