/**
 * Python in a dedicated worker, seen from the main thread: {@link PythonWorker}
 * starts `dist/worker.js` (a real file, no `blob:` URL), picks how the worker
 * blocks on main (Atomics, the service worker, or not at all), serves its
 * synchronous calls, and exposes `sync`, `ready`, `done` and `terminate()`.
 * Built as its own file, `dist/workers.js`, which `worker-context.ts`
 * imports when a page starts its first worker; everyone else holds a
 * `WorkerHandle` (`PyWorker()`/`MPWorker()`, worker script elements,
 * editors, Python's `PyWorker`). What the workers of one page share (its
 * `hooks.worker`, named workers, service-worker registrations) comes in a
 * `WorkerContext`.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError, fromErrorData } from '../errors.js';
import { createAtomicsServer } from '../sync/atomics.js';
import { MainEndpoint } from '../sync/expose.js';
import { unavailableMessage, type InitData, type MainMessage, type WorkerMessage } from '../sync/protocol.js';
import { ServiceWorkerChannels, selectSyncMode, type SyncMode } from '../sync/sw-fallback.js';
import type { TransportServer } from '../sync/transport.js';
import { isAsyncCode } from './async-code.js';
import { dedent } from './dedent.js';
import { baseUrl, fetchText, type ProgressCallback } from './fetch-progress.js';
import { provideMainServices } from './main-services.js';
import { WORKER_CALLBACKS, callbackSources, joinCode, type Hooks, type WorkerHookContext } from './hooks.js';
import type { PyConfig } from './config.js';
import { loadConfig, type LoadedConfig } from './load-config.js';
import type { InterpreterKind } from './types.js';
import type { WorkerContext } from './worker-context.js';
import { CACHE_NAME } from './resolver/wheel-cache.js';

/**
 * Opens the package cache for the page and keeps it open (in the page's
 * worker context). WebKit forgets the entries a worker put in a cache once
 * no live context has that cache open: a Pyodide worker's wheels, note and
 * unpacked copy (see `resolver/`) were gone when it was terminated, though
 * each write had settled (WebKitGTK, whose automated sessions keep storage
 * in memory). Opened again as each Pyodide worker starts, in case the page
 * deleted the cache since, so what its workers write outlives them.
 */
function holdPackageCache(context: WorkerContext): void {
  context.packageCache = globalThis.caches?.open(CACHE_NAME).catch(() => undefined); // no storage (a private window): nothing is kept anyway
}

/** Options of `PyWorker(url, options)` / `MPWorker(url, options)`. */
export interface PyWorkerOptions {
  /** The worker's config: an object, inline TOML/JSON, or the URL of a `.toml`/`.json` file. */
  config?: object | string;
  /** URL of `dist/service-worker.js`, used for sync calls when SharedArrayBuffer is missing. */
  service_worker?: string;
  /** `'pyodide'`/`'py'` or `'micropython'`/`'mpy'`: overrides the function's interpreter. */
  type?: string;
  /** Makes the worker reachable as `workers[name]`. */
  name?: string;
}

/** Everything a worker needs beyond {@link PyWorkerOptions} (worker script elements). */
export interface PythonWorkerOptions extends PyWorkerOptions {
  /** The Python code; when absent, it is fetched from `url`. */
  code?: string;
  /** URL of the Python file (also the traceback file name). */
  url?: string;
  /** Allow top-level await; detected from the code when absent. */
  async?: boolean;
  /** Id of the element `display()` writes to by default. */
  targetId?: string;
  /** Where `config` was written, for messages. */
  configWhere?: string;
  /** The config to use when `config` is absent (a worker script's: the page's main config of its type, as in PyScript). */
  defaultConfig?: Promise<LoadedConfig>;
  /** True when the caller reports errors itself (no console message here). */
  quiet?: boolean;
  /** Answers `input()` in the worker; `window.prompt` by default (`null`: EOFError, `false`: KeyboardInterrupt). */
  input?(prompt: string): string | null | false | Promise<string | null | false>;
  /** The script has a terminal: its output goes to main's `sync` (see `terminal-io.ts`), served by the caller. */
  terminal?: boolean;
  /** Download progress of the worker's interpreter, `files` and `packages`. */
  onProgress?: ProgressCallback;
  /** An editor's worker: the `hooks.worker` run hooks go around each {@link PythonWorker.exec} instead of its own code. */
  editor?: boolean;
  /** Finds the element the worker's `display()`/`print` name by id; `document.getElementById` by default. */
  findElement?(id: string): Element | null;
  /** The element this worker runs for (a worker script's, an editor's), for `hooks.main.onWorker`. */
  element?: Element;
  /**
   * Shows an error of a Python callback that ran after the code (a `when`
   * handler, a timer) at the element with id `targetId` (empty: the
   * worker's own place). Without it the error is logged.
   */
  onError?(error: PyScriptError, targetId: string): void;
}

/** How often {@link PythonWorker.interruptWithin} looks whether Python took the interrupt, in ms. */
const INTERRUPT_POLL_MS = 20;

/** The kinds the `type` option names (PyScript spells them either way). */
const kinds: Record<string, InterpreterKind> = { pyodide: 'pyodide', py: 'pyodide', micropython: 'micropython', mpy: 'micropython' };

/** One Python worker, seen from the main thread. */
export class PythonWorker {
  readonly kind: InterpreterKind;
  /** The dedicated worker. */
  readonly worker: Worker;
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
  /** How the worker blocks on main: `'atomics'`, `'service-worker'` or `'none'`. */
  mode: SyncMode = 'none';
  /** Config entries that failed to load in the worker (the code still ran). */
  readonly configErrors: PyScriptError[] = [];
  readonly #endpoint: MainEndpoint;
  #server?: TransportServer;
  #resolveReady!: () => void;
  #rejectReady!: (error: unknown) => void;
  #resolveDone!: (error: PyScriptError | undefined) => void;
  #finished = false;
  #isReady = false;
  /** `exec` calls waiting for their `exec-done`, by id. */
  readonly #execs = new Map<number, (error: PyScriptError | undefined) => void>();
  #execIds = 0;
  #quiet: boolean;
  readonly #onProgress?: ProgressCallback;
  /** The byte the worker's Pyodide watches for signals (see {@link PythonWorker.interrupt}). */
  readonly #interruptBuffer?: Int8Array;
  readonly #onError?: (error: PyScriptError, targetId: string) => void;
  /** Set once the worker is gone: later `exec` calls get it at once. */
  #terminated?: PyScriptError;
  readonly #context: WorkerContext;
  readonly #name?: string;

  constructor(kind: InterpreterKind, options: PythonWorkerOptions, context: WorkerContext) {
    this.#context = context;
    this.kind = kinds[options.type ?? ''] ?? kind;
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => undefined); // callers awaiting only `done` must not see an unhandled rejection
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    // Only Pyodide watches shared memory for signals; MicroPython's webassembly port has no such hook (README, "Stop").
    if (this.kind === 'pyodide' && hasSharedMemory()) this.#interruptBuffer = new Int8Array(new SharedArrayBuffer(1));
    if (this.kind === 'pyodide') holdPackageCache(context);
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: options.name || undefined });
    this.#endpoint = new MainEndpoint({
      post: (message: MainMessage) => this.worker.postMessage(message),
      input: options.input,
      findElement: options.findElement,
      label: options.name ? `The worker "${options.name}"` : `The worker ${options.url ?? ''}`.trim(),
    });
    this.sync = this.#endpoint.sync;
    provideMainServices(this.sync); // what the worker's Python package has main do
    this.worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => this.#receive(event.data));
    this.worker.addEventListener('error', (event) => {
      // Before `ready` the worker could not start; later, an error in a callback is only logged.
      if (this.#isReady) return;
      event.preventDefault();
      this.#finish(new PyScriptError(ErrorCode.WORKER, `The worker failed: ${event.message || 'it could not start or crashed'}`));
    });
    this.#quiet = options.quiet ?? false;
    this.#onProgress = options.onProgress;
    this.#onError = options.onError;
    if (options.name) {
      const name = (this.#name = options.name);
      void this.ready.then(() => context.named.ready(name, this.sync), () => undefined);
    }
    void this.#start(options).catch((error) => this.#finish(toWorkerError(error)));
    for (const callback of context.onWorker) {
      try {
        void Promise.resolve(callback(undefined, this, options.element)).catch((error) => console.error('hooks.main.onWorker failed:', error));
      } catch (error) {
        console.error('hooks.main.onWorker failed:', error);
      }
    }
  }

  /**
   * Runs more Python in this worker's interpreter, after its own code and
   * any earlier `exec` (the editor's runs); `display()` and `print` go to
   * the element with id `targetId`. Resolves with `undefined`, or the error
   * that stopped the code (also when the worker crashed or was terminated).
   */
  exec(code: string, targetId: string): Promise<PyScriptError | undefined> {
    if (this.#terminated) return Promise.resolve(this.#terminated);
    const id = ++this.#execIds;
    this.worker.postMessage({ type: 'exec', id, code, targetId } satisfies MainMessage);
    return new Promise((resolve) => this.#execs.set(id, resolve));
  }

  /**
   * Raises `KeyboardInterrupt` in the Python code running in the worker,
   * the next time the interpreter checks (between bytecodes; not while the
   * code waits in a JavaScript call). Pyodide on a page with
   * SharedArrayBuffer only: returns false, and does nothing, when this
   * worker cannot be interrupted (then {@link terminate} is what stops it).
   */
  interrupt(): boolean {
    if (!this.#interruptBuffer || this.#terminated) return false;
    Atomics.store(this.#interruptBuffer, 0, 2); // SIGINT
    return true;
  }

  /** Withdraws an interrupt the code did not see (it finished first), so the next run does not get it. */
  clearInterrupt(): void {
    if (this.#interruptBuffer) Atomics.store(this.#interruptBuffer, 0, 0);
  }

  /**
   * {@link interrupt}s the code whose end `settled` marks (the worker's own
   * code, an `exec`) and waits for it to end: up to `graceMs` for Python to
   * take the interrupt (Pyodide clears the buffer when it raises
   * `KeyboardInterrupt`), then up to `graceMs` from that moment for the code
   * to unwind. A slow or busy machine that takes the interrupt late still
   * gets its full grace to unwind; code that catches the interrupt and goes
   * on is stopped `graceMs` after it took it.
   * @returns undefined when it ended; else why it was not stopped (the caller terminates the worker)
   */
  async interruptWithin(settled: Promise<unknown>, graceMs: number): Promise<string | undefined> {
    if (!this.interrupt()) {
      return this.kind === 'micropython' ? 'MicroPython cannot interrupt running code' : 'without SharedArrayBuffer running code cannot be interrupted';
    }
    const buffer = this.#interruptBuffer!;
    const ended = settled.then(() => true, () => true);
    const start = performance.now();
    let took: number | undefined;
    for (;;) {
      if (await Promise.race([ended, new Promise<false>((resolve) => setTimeout(resolve, INTERRUPT_POLL_MS, false))])) break;
      const now = performance.now();
      if (took === undefined && Atomics.load(buffer, 0) === 0) took = now;
      if (took === undefined && now - start >= graceMs) {
        return 'the code did not take the KeyboardInterrupt (it was not running Python: a long call into JavaScript or a C extension)';
      }
      if (took !== undefined && now - took >= graceMs) return 'the code did not answer KeyboardInterrupt';
    }
    this.clearInterrupt(); // in case the code finished before it saw the interrupt
    return undefined;
  }

  /**
   * Stops the worker at once; `done` resolves with an error if its code had not finished. A named worker gives up its name.
   * @param message that error's message
   */
  terminate(message = 'The worker was terminated before its code finished.'): void {
    this.worker.terminate();
    if (this.#name) this.#context.named.gone(this.#name, this.sync);
    this.#finish(new PyScriptError(ErrorCode.WORKER, message));
  }

  async #start(options: PythonWorkerOptions): Promise<void> {
    const base = baseUrl();
    const url = options.url ? new URL(options.url, base).href : undefined;
    const code = options.code !== undefined ? Promise.resolve(options.code) : fetchCode(url ?? '');
    const config = options.config
      ? loadConfig({ value: options.config, where: options.configWhere ?? 'the worker config', base }).then((loaded) => ({
          config: loaded.config as object,
          url: loaded.url,
        }))
      : options.defaultConfig
        ? options.defaultConfig.then((loaded) => ({ config: loaded.config as object, url: loaded.url }))
        : Promise.resolve({ config: {} as object, url: undefined });
    // Both are awaited below; until then a rejection must not count as unhandled.
    code.catch(() => undefined);
    config.catch(() => undefined);
    // Checked first: a callback that cannot be sent fails the worker before it boots.
    const side = this.#context.hooks;
    let callbacks: ReturnType<typeof workerCallbacks>;
    try {
      callbacks = workerCallbacks(side);
    } catch (error) {
      this.worker.terminate();
      throw new PyScriptError(ErrorCode.WORKER, (error as Error).message);
    }
    const loaded = await config;
    // The bundled MicroPython's files, downloaded on main while worker.js loads: sent, not fetched by the worker.
    const kept = this.kind === 'micropython' && !('interpreter' in loaded.config) ? this.#context.keptFiles() : [];
    // sync_main_only: main calls the worker, never the other way, so no blocking lane (and no SharedArrayBuffer).
    const mode = (this.mode = (loaded.config as PyConfig).sync_main_only ? 'none' : selectSyncMode(options.service_worker));
    if (mode === 'atomics') this.#server = createAtomicsServer();
    else if (mode === 'service-worker') this.#server = await (this.#context.serviceWorkers ??= new ServiceWorkerChannels()).open(new URL(options.service_worker!, base).href);
    if (this.#finished) return this.#server?.release();
    if (this.#server) this.#endpoint.serve(this.#server);
    const text = await code;
    const data: InitData = {
      kind: this.kind,
      code: text,
      filename: url ? url.split('/').pop() : undefined,
      async: options.async || isAsyncCode(text),
      config: loaded.config,
      configUrl: loaded.url,
      baseUrl: base,
      transport: this.#server ? { mode: this.#server.mode, init: this.#server.init } : undefined,
      targetId: options.targetId ?? '',
      interrupt: this.#interruptBuffer,
      editor: options.editor,
      terminal: options.terminal,
      hooks: {
        codeBeforeRun: joinCode(side.codeBeforeRun),
        codeBeforeRunAsync: joinCode(side.codeBeforeRunAsync),
        codeAfterRun: joinCode(side.codeAfterRun),
        codeAfterRunAsync: joinCode(side.codeAfterRunAsync),
        ...callbacks,
      },
    };
    if (kept.length) data.assets = kept.map((file) => file.url);
    if (this.#finished) return;
    this.worker.postMessage({ type: 'init', id: 0, data } satisfies MainMessage);
    for (const { url, bytes } of kept) {
      const send = (body: ArrayBuffer | null) => {
        if (!this.#finished) this.worker.postMessage({ type: 'asset', id: 0, url, bytes: body } satisfies MainMessage);
      };
      bytes.then(send, () => send(null));
    }
  }

  #receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        for (const error of message.errors) {
          const failed = fromErrorData(error);
          this.configErrors.push(failed);
          // A PyWorker started from JavaScript has no place on the page: the console shows what failed.
          if (!this.#quiet) console.error(failed.message);
        }
        this.#isReady = true;
        this.#resolveReady();
        // After the `:ready` listeners (they were attached to `ready` earlier): the code must not run before them.
        void this.ready.then(() => this.worker.postMessage({ type: 'run', id: 0 } satisfies MainMessage));
        break;
      case 'progress':
        this.#onProgress?.(message.progress);
        break;
      case 'done':
        this.#finish(message.error ? fromErrorData(message.error) : undefined);
        break;
      case 'error': {
        const error = fromErrorData(message.error);
        if (this.#onError) this.#onError(error, message.targetId);
        else console.error(error.message);
        break;
      }
      case 'exec-done':
        this.#execs.get(message.id)?.(message.error ? fromErrorData(message.error) : undefined);
        this.#execs.delete(message.id);
        break;
      case 'reclaim': {
        // Whether it worked, the worker probes again; if not, its first sync call says why.
        const reply = () => { if (!this.#finished) this.worker.postMessage({ type: 'reclaimed', id: 0 } satisfies MainMessage); };
        void Promise.resolve(this.#server?.reclaim?.()).then(reply, reply);
        break;
      }
      default:
        this.#endpoint.receive(message);
    }
  }

  #finish(error: PyScriptError | undefined): void {
    if (this.#finished) {
      if (error?.code === ErrorCode.WORKER) this.#release(error); // terminated after its code finished
      return;
    }
    this.#finished = true;
    if (error) this.#rejectReady(error);
    if (error && !this.#quiet) console.error(error.message);
    this.#resolveDone(error);
    // A finished worker keeps serving: its callbacks and `sync` exports live on.
    if (error?.code === ErrorCode.WORKER) this.#release(error);
  }

  #release(error: PyScriptError): void {
    this.#terminated = error;
    for (const resolve of this.#execs.values()) resolve(error);
    this.#execs.clear();
    this.#endpoint.release(error);
    this.#server?.release();
  }
}

/**
 * Why a worker given `serviceWorker` could not block on the main thread (no
 * SharedArrayBuffer and no service worker): the error its first sync call
 * would raise; undefined when it can block.
 */
export function cannotBlock(serviceWorker: string | undefined): PyScriptError | undefined {
  if (selectSyncMode(serviceWorker) !== 'none') return undefined;
  return new PyScriptError(ErrorCode.WORKER, unavailableMessage(globalThis.crossOriginIsolated === true));
}

/** The source text of the `hooks.worker` callbacks, by set. */
const workerCallbacks = (hooks: Hooks<WorkerHookContext>) =>
  Object.fromEntries(WORKER_CALLBACKS.map((name) => [name, callbackSources(name, hooks[name])])) as Pick<
    InitData['hooks'],
    (typeof WORKER_CALLBACKS)[number]
  >;

function toWorkerError(error: unknown): PyScriptError {
  return error instanceof PyScriptError ? error : new PyScriptError(ErrorCode.WORKER, (error as Error)?.message ?? String(error), { cause: error });
}

/** True where SharedArrayBuffer can be made and sent to a worker (a cross-origin isolated page). */
const hasSharedMemory = (): boolean => typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;

const fetchCode = async (url: string): Promise<string> => dedent(await fetchText(url, ''));

/** What `dist/workers.js` gives `worker-context.ts`. */
export interface WorkersModule {
  PythonWorker: typeof PythonWorker;
  cannotBlock: typeof cannotBlock;
}
