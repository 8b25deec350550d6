/**
 * What `core.js` keeps of the workers: the page's {@link WorkerContext}, the
 * JavaScript API (`PyWorker()`, `MPWorker()`) and Python's `PyWorker` bridge,
 * and {@link LazyWorker}, the handle all of them give out. The worker
 * itself (`py-worker.ts`: the `dist/worker.js` protocol, the sync bridge,
 * the service-worker fallback) is `dist/workers.js`, imported by URL when a
 * page starts its first worker: a page without workers never loads it.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import type { WorkerHookContext, Hooks, WorkerStartCallback } from './hooks.js';
import { assetUrl } from './assets.js';
import { keepForWorkers } from './boot-fetch.js';
import { importLazy } from './lazy.js';
import { loadPythonImage } from './python-package.js';
import { NamedWorkers } from './named-workers.js';
import type { PythonWorker, PythonWorkerOptions, PyWorkerOptions, WorkersModule } from './py-worker.js';
import type { InterpreterKind } from './types.js';
import type { ServiceWorkerChannels } from '../sync/sw-fallback.js';

export type { PythonWorkerOptions, PyWorkerOptions } from './py-worker.js';

/** What the workers of one page share; the page owns it (`src/page/page.ts`). */
export interface WorkerContext {
  /** The page's `hooks.worker`: code and callbacks run inside each worker. */
  hooks: Hooks<WorkerHookContext>;
  /** The page's `hooks.main.onWorker`: called on main as each worker starts. */
  onWorker: Set<WorkerStartCallback>;
  /** The page's named workers (`workers.name`). */
  named: NamedWorkers;
  /** The page's service-worker registrations, for the fallback without SharedArrayBuffer (made by the first worker that needs them). */
  serviceWorkers?: ServiceWorkerChannels;
  /** The package cache, held open by the page while its Pyodide workers may write it (see `py-worker.ts`). */
  packageCache?: Promise<Cache | undefined>;
  /**
   * The bundled MicroPython's wasm and the package's image, downloaded on
   * main (started by the warm-up, or now) and kept for every such worker of
   * the page, to send it (`InitData.assets`): a worker asks for them only
   * once its own script has downloaded and run. Here because
   * `dist/workers.js` has its own copy of the runtime's modules.
   */
  keptFiles(): KeptFile[];
}

/** A file main sends a worker: `url`, or `romfs` for the package's image. */
export interface KeptFile {
  url: string;
  bytes: Promise<ArrayBuffer>;
}

function keptFiles(): KeptFile[] {
  const wasm = assetUrl('micropython/micropython.wasm');
  return [
    { url: wasm, bytes: keepForWorkers(wasm) },
    { url: 'romfs', bytes: loadPythonImage().then((view) => view.slice().buffer) },
  ];
}

/** A new page's worker context, around its `hooks.worker` and `hooks.main.onWorker`. */
export const createWorkerContext = (hooks: Hooks<WorkerHookContext>, onWorker: Set<WorkerStartCallback> = new Set()): WorkerContext => ({
  hooks,
  onWorker,
  named: new NamedWorkers(),
  keptFiles,
});

let workers: Promise<WorkersModule> | undefined;

/** `dist/workers.js` (`py-worker.ts`), imported once. */
export function loadWorkers(): Promise<WorkersModule> {
  workers ??= importLazy<WorkersModule>('workers', 'py-worker.ts');
  return workers;
}

/** The kinds the `type` option names (PyScript spells them either way). */
const kinds: Record<string, InterpreterKind> = { pyodide: 'pyodide', py: 'pyodide', micropython: 'micropython', mpy: 'micropython' };

/**
 * One Python worker, seen from the main thread: what `PyWorker()` resolves
 * to, what worker scripts, editors and Python's `PyWorker` hold. It is
 * usable at once: the worker starts as soon as `dist/workers.js` is there,
 * assignments to `sync` made before wait for it, `terminate()` before then
 * stops it from starting.
 */
export class LazyWorker {
  readonly kind: InterpreterKind;
  /**
   * Functions both ways: assign `sync.fn = jsFn` for the worker to call
   * (`sync.fn()` there blocks until it returns, waiting for the assignment
   * if needed); read `sync.pyFn` to call what the worker put on its `sync`
   * (returns a promise; calls made before the worker's code defined it wait).
   */
  readonly sync: Record<string, any>; // any: user functions of any shape
  /** Resolves once the interpreter is up in the worker, before the code runs; rejects if bootstrap failed. */
  readonly ready: Promise<void>;
  /** Resolves when the code has finished: undefined, or the error that stopped it. */
  readonly done: Promise<PyScriptError | undefined>;
  #worker?: PythonWorker;
  #terminated = false;
  readonly #started: Promise<PythonWorker>;
  /** `sync` assignments made before the worker started, in order. */
  readonly #assigned: [string, unknown][] = [];

  constructor(kind: InterpreterKind, options: PythonWorkerOptions, context: WorkerContext) {
    this.kind = kinds[options.type ?? ''] ?? kind;
    this.#started = loadWorkers().then(({ PythonWorker }) => {
      if (this.#terminated) throw terminatedError();
      const worker = (this.#worker = new PythonWorker(kind, options, context));
      for (const [name, value] of this.#assigned.splice(0)) worker.sync[name] = value;
      return worker;
    });
    this.ready = this.#started.then((worker) => worker.ready);
    this.ready.catch(() => undefined); // callers awaiting only `done` must not see an unhandled rejection
    this.done = this.#started.then(
      (worker) => worker.done,
      (error: unknown) => {
        const failed = error instanceof PyScriptError ? error : new PyScriptError(ErrorCode.WORKER, `The worker could not start: ${(error as Error)?.message ?? error}`, { cause: error });
        if (!options.quiet && !this.#terminated) console.error(failed.message);
        return failed;
      },
    );
    this.sync = new Proxy({} as Record<string, any>, { // any: see above
      get: (_, name) => {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (this.#worker) return this.#worker.sync[name];
        return (...args: unknown[]) => this.#started.then((worker) => worker.sync[name](...args));
      },
      set: (_, name, value) => {
        if (typeof name !== 'string') return false;
        if (this.#worker) this.#worker.sync[name] = value;
        else this.#assigned.push([name, value]);
        return true;
      },
    });
  }

  /** The dedicated worker, once started (before `ready` resolves). */
  get worker(): Worker | undefined {
    return this.#worker?.worker;
  }

  /** How the worker blocks on main: `'atomics'`, `'service-worker'` or `'none'`. */
  get mode(): string {
    return this.#worker?.mode ?? 'none';
  }

  /** Config entries that failed to load in the worker (the code still ran). */
  get configErrors(): PyScriptError[] {
    return this.#worker?.configErrors ?? [];
  }

  /** See `PythonWorker.exec`: more code in this worker, after its own. */
  exec(code: string, targetId: string): Promise<PyScriptError | undefined> {
    return this.#started.then((worker) => worker.exec(code, targetId), () => this.done);
  }

  /** See `PythonWorker.interrupt`: false when this worker cannot be interrupted (or has not started). */
  interrupt(): boolean {
    return this.#worker?.interrupt() ?? false;
  }

  /** See `PythonWorker.interruptWithin`: why the code was not stopped by an interrupt within `graceMs`, or undefined. */
  async interruptWithin(settled: Promise<unknown>, graceMs: number): Promise<string | undefined> {
    if (!this.#worker) return this.kind === 'micropython' ? 'MicroPython cannot interrupt running code' : 'the worker had not started';
    return this.#worker.interruptWithin(settled, graceMs);
  }

  /** Withdraws an interrupt the code did not see. */
  clearInterrupt(): void {
    this.#worker?.clearInterrupt();
  }

  /** Stops the worker at once (or keeps it from starting); `done` resolves with an error if its code had not finished. */
  terminate(message?: string): void {
    this.#terminated = true;
    this.#worker?.terminate(message);
  }
}

const terminatedError = () => new PyScriptError(ErrorCode.WORKER, 'The worker was terminated before its code finished.');

/**
 * `PyWorker(url, options)` / `MPWorker(url, options)`: starts a worker of
 * `kind` running the Python file at `url` (`options.type` may name the
 * other kind); resolves once its interpreter is up (before the code runs)
 * to the handle. Calls of the worker's `sync` functions made before its
 * code defined them wait for it.
 */
export async function startWorker(context: WorkerContext, kind: InterpreterKind, url: string, options: PyWorkerOptions = {}): Promise<LazyWorker> {
  const handle = new LazyWorker(kind, { ...options, url }, context);
  await handle.ready;
  return handle;
}

/** The `_pyscript` entries of a main-thread interpreter for `PyWorker` and `workers`. */
export function workerBridge(context: WorkerContext): Record<string, unknown> {
  return {
    /** `PyWorker(url, options)` from Python: `options` arrives as JSON text. */
    create_worker: (url: string, options: string, kind: InterpreterKind): LazyWorker =>
      new LazyWorker(kind, { ...(JSON.parse(options || '{}') as PyWorkerOptions), url }, context),
    get_worker: (name: string) => context.named.get(name),
  };
}
