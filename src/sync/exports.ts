/**
 * One side's `sync`: the functions it exports to the other side, by name.
 * Each side reads a name it did not define as a call into the other side
 * ({@link Exports.proxy}). A call that arrives before its name is defined
 * waits for it ({@link Exports.defined}); once the side will define no
 * more (the worker's top-level code has finished), waiting ends.
 * @packageDocumentation
 */

/** The names one side exports and the calls waiting for them. */
export class Exports {
  readonly #values: Record<string, unknown> = Object.create(null);
  readonly #waiting = new Map<string, (() => void)[]>();
  #closed = false;

  has(name: string): boolean {
    return name in this.#values;
  }

  get(name: string): unknown {
    return this.#values[name];
  }

  /** Defines `name`; calls waiting for it go on. */
  set(name: string, value: unknown): void {
    this.#values[name] = value;
    for (const wake of this.#waiting.get(name) ?? []) wake();
    this.#waiting.delete(name);
  }

  delete(name: string): boolean {
    return delete this.#values[name];
  }

  /** Resolves once `name` is defined: at once when it is, or when no more names will be (see {@link close}). */
  defined(name: string): Promise<void> {
    if (this.has(name) || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.#waiting.get(name) ?? [];
      list.push(resolve);
      this.#waiting.set(name, list);
    });
  }

  /** No more names will be defined: calls waiting for one go on (and find it missing). */
  close(): void {
    this.#closed = true;
    for (const list of this.#waiting.values()) for (const wake of list) wake();
    this.#waiting.clear();
  }

  /**
   * The `sync` object: assigning defines a name; reading a defined name
   * gives its value, any other string a function that calls `remote(name,
   * args)`. `hidden` keys read as absent (`then`, so `await sync` is not a
   * call; MicroPython's `_ref` probe).
   */
  proxy(remote: (name: string, args: unknown[]) => unknown, hidden: string[]): Record<string, any> { // any: user functions of any shape
    const isHidden = (name: string | symbol): name is symbol => typeof name !== 'string' || hidden.includes(name);
    return new Proxy(this.#values, {
      get: (_, name) => {
        if (isHidden(name)) return undefined;
        if (this.has(name)) return this.get(name);
        return (...args: unknown[]) => remote(name, args);
      },
      set: (_, name, value) => {
        if (typeof name !== 'string') return false;
        this.set(name, value);
        return true;
      },
      has: (_, name) => !isHidden(name) && this.has(name),
      deleteProperty: (_, name) => typeof name === 'string' && this.delete(name),
    });
  }
}
