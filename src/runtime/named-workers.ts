/**
 * Named workers: `name="calc"` on a worker script (or `name` in the
 * options of `PyWorker()`) makes its `sync` reachable as `workers.calc`
 * from JavaScript and `pyscript.workers["calc"]` from Python. A lookup made
 * before the worker exists waits for it.
 * @packageDocumentation
 */

type Sync = Record<string, unknown>;

/** The named workers of one page. */
export class NamedWorkers {
  readonly #entries = new Map<string, { promise: Promise<Sync>; resolve(sync: Sync): void }>();

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

  /** The worker named `name` is ready, with this `sync`. */
  ready(name: string, sync: Sync): void {
    this.#entry(name).resolve(sync);
  }

  #entry(name: string) {
    let entry = this.#entries.get(name);
    if (!entry) {
      let resolve!: (sync: Sync) => void;
      const promise = new Promise<Sync>((r) => (resolve = r));
      this.#entries.set(name, (entry = { promise, resolve }));
    }
    return entry;
  }
}
