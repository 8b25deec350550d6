/**
 * The main-thread objects a worker holds, by id: the worker's proxies name
 * them by these ids in every request. `window` and `document` have fixed
 * ids and are never dropped; any other object is kept until the worker says
 * its proxy is gone (the `drop` list of a request).
 * @packageDocumentation
 */

/** Main's table of objects referenced by a worker. */
export class RefTable {
  readonly #refs: Map<number, unknown>;
  readonly #ids: Map<unknown, number>;
  readonly #pinned: Set<number>;
  #next: number;

  /** @param pinned the objects every worker knows by a fixed id (never dropped) */
  constructor(pinned: [number, unknown][]) {
    this.#refs = new Map(pinned);
    this.#ids = new Map(pinned.map(([id, value]) => [value, id]));
    this.#pinned = new Set(pinned.map(([id]) => id));
    this.#next = Math.max(0, ...this.#pinned) + 1;
  }

  /**
   * The object with this id.
   * @throws ReferenceError when it was dropped (or never given out)
   */
  get(id: number): unknown {
    if (!this.#refs.has(id)) throw new ReferenceError(`The main-thread object #${id} was released`);
    return this.#refs.get(id);
  }

  /** The id of `value`, given out now if it has none. */
  idOf(value: object): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#next++;
      this.#ids.set(value, id);
      this.#refs.set(id, value);
    }
    return id;
  }

  /** The worker holds `id` no more (pinned ids stay). */
  drop(id: number): void {
    if (this.#pinned.has(id)) return;
    this.#ids.delete(this.#refs.get(id));
    this.#refs.delete(id);
  }

  /** Forgets everything (the worker is gone). */
  clear(): void {
    this.#refs.clear();
    this.#ids.clear();
  }
}
