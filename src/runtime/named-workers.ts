/**
 * Named workers: `name="calc"` on a worker script (or `name` in the
 * options of `PyWorker()`) makes its `sync` reachable as `workers.calc`
 * from JavaScript and `pyscript.workers["calc"]` from Python. A lookup made
 * before the worker exists waits for it. A worker started under a name that
 * is taken replaces the one before it (a framework re-rendering a named
 * worker script makes a new element, so a new worker), and a named worker
 * that is terminated leaves: lookups then wait for the next one of that name.
 * @packageDocumentation
 */

type Sync = Record<string, unknown>;

/** A name's promise that lookups get, and the `sync` it resolved to once its worker was ready. */
interface Entry {
  promise: Promise<Sync>;
  resolve(sync: Sync): void;
  sync?: Sync;
}

/** The named workers of one page. */
export class NamedWorkers {
  readonly #entries = new Map<string, Entry>();

  /**
   * `workers.name` (or `workers['name']`): a promise of that worker's `sync`
   * once it is ready. `then` is not a name, so `await workers` is the object.
   */
  readonly proxy: Readonly<Record<string, Promise<Record<string, any>>>> = new Proxy( // any: see PythonWorker.sync
    {},
    { get: (_, name) => (typeof name === 'string' && name !== 'then' ? this.get(name) : undefined) },
  );

  /** The `sync` of the worker named `name`, once it is ready (waits for it to appear). */
  get(name: string): Promise<Sync> {
    return this.#entry(name).promise;
  }

  /** The worker named `name` is ready, with this `sync`: it is `workers[name]` from now on. */
  ready(name: string, sync: Sync): void {
    const entry = this.#entry(name);
    if (entry.sync) this.#entries.set(name, { promise: Promise.resolve(sync), resolve: () => undefined, sync });
    else {
      entry.sync = sync;
      entry.resolve(sync);
    }
  }

  /** The worker named `name` with this `sync` was terminated: unless another took the name since, the name is free. */
  gone(name: string, sync: Sync): void {
    if (this.#entries.get(name)?.sync === sync) this.#entries.delete(name);
  }

  #entry(name: string): Entry {
    let entry = this.#entries.get(name);
    if (!entry) {
      let resolve!: (sync: Sync) => void;
      const promise = new Promise<Sync>((r) => (resolve = r));
      this.#entries.set(name, (entry = { promise, resolve }));
    }
    return entry;
  }
}
