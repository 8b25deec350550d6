/**
 * The worker callables main holds, by id: a Python function passed to main
 * is sent as `{ $: 'f', i }` and kept here (a copy, for Pyodide, which
 * destroys borrowed proxies when the call returns) until main's stand-in
 * for it is collected and main sends a `release`.
 * @packageDocumentation
 */

/** How kept callables are copied and freed (the interpreter's part of `ForeignValues`). */
export interface Keeper {
  keep(fn: Function): Function;
  free(fn: Function): void;
}

/** The worker's table of callables main holds. */
export class KeptCallables {
  readonly #fns = new Map<number, Function>();
  readonly #ids = new WeakMap<Function, number>();
  readonly #keeper: Keeper;
  #next = 0;

  constructor(keeper: Keeper) {
    this.#keeper = keeper;
  }

  /** The id of `fn`, kept now if it was not (the same id for the same function, and for its kept copy). */
  idOf(fn: Function): number {
    let id = this.#ids.get(fn);
    if (id === undefined) {
      id = ++this.#next;
      const kept = this.#keeper.keep(fn);
      this.#fns.set(id, kept);
      this.#ids.set(fn, id);
      if (kept !== fn) this.#ids.set(kept, id);
    }
    return id;
  }

  /** The kept callable `id`, or undefined once released. */
  get(id: number): Function | undefined {
    return this.#fns.get(id);
  }

  /** Main holds these no more: free them. */
  release(ids: number[]): void {
    for (const id of ids) {
      const fn = this.#fns.get(id);
      this.#fns.delete(id);
      if (fn) this.#keeper.free(fn);
    }
  }
}
