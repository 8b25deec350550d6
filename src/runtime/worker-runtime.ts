/**
 * One Python worker, seen from inside (`dist/worker.js` makes one for its
 * global scope). It waits for its `init` message, builds the blocking
 * transport and the bridge (`window`/`document` as synchronous proxies of
 * the main thread's), boots the interpreter with the worker's own config,
 * runs the `hooks.worker` callbacks and code around the script, and
 * reports `ready` and `done` (errors as data). It then stays alive: each
 * `exec` message (the editor's runs) runs more code in the same
 * interpreter, one after the other, with `display()` and `print` going to
 * the element the message names. All of its state is here, none at module
 * level.
 * @packageDocumentation
 */
import { toErrorData, type ErrorData } from '../errors.js';
import { createAtomicsTransport } from '../sync/atomics.js';
import { UNAVAILABLE_SYNC_MAIN_ONLY, unavailableMessage, type InitData, type MainMessage, type WorkerMessage } from '../sync/protocol.js';
import { createServiceWorkerTransport } from '../sync/sw-fallback.js';
import type { BlockingTransport } from '../sync/transport.js';
import { WorkerEndpoint, type ForeignValues } from '../sync/wrap.js';
import { isAsyncCode } from './async-code.js';
import { bootInterpreter } from './boot.js';
import { createBridge } from './bridge-helpers.js';
import type { PyConfig } from './config.js';
import { foreignValues } from './foreign-values.js';
import type { FsMainCall } from './fs-bridge.js';
import { compileWorkerCallbacks, runWorkerCallbacks, type WorkerCallbackName, type WorkerHookContext } from './hooks.js';
import { FS_SYNC_NAME, IMPORT_SYNC_NAME } from './main-services.js';
import { isPythonError, pythonErrorMessage } from './traceback.js';
import type { Interpreter, Streams } from './types.js';

/** The bits of `DedicatedWorkerGlobalScope` used here (our TS lib is DOM's). */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MainMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

/** The inside of one Python worker. */
export class WorkerRuntime {
  readonly #scope: WorkerScope;
  #endpoint?: WorkerEndpoint;
  /** Bridge messages that came before `init` had built the endpoint. */
  readonly #early: MainMessage[] = [];
  /** Resolves when main says `:ready` was dispatched, so the code never runs before it. */
  readonly #runAllowed: Promise<void>;
  #allowRun!: () => void;
  /** Id of the element `display()` writes to by default. */
  #targetId = '';
  /** Id of the element `print` writes to during an `exec`; empty: the console. */
  #printTarget = '';
  /** The `exec` runs, chained after the worker's own code. */
  #execs: Promise<void>;
  #codeFinished!: () => void;
  /** The booted interpreter, once its own code has run (`exec`s need it). */
  #interpreter?: Interpreter;
  /** The interpreter's objects, once it is up (see {@link foreignValues}). */
  #foreign?: ForeignValues;

  constructor(scope: WorkerScope) {
    this.#scope = scope;
    this.#runAllowed = new Promise((resolve) => (this.#allowRun = resolve));
    this.#execs = new Promise((resolve) => (this.#codeFinished = resolve));
    scope.addEventListener('message', (event) => this.receive(event.data));
    // A callback of this worker's Python (a timer, a promise's `then`) that raised: shown on the page, not only logged.
    const uncaught = (event: Event, error: unknown) => {
      if (!isPythonError(error)) return;
      event.preventDefault();
      this.#reportError(error, '');
    };
    scope.addEventListener('error', (event) => uncaught(event, event.error));
    scope.addEventListener('unhandledrejection', (event) => uncaught(event, event.reason));
  }

  /** Sends main an error of a callback, to show at `targetId` (empty: this worker's place). */
  #reportError(error: unknown, targetId: string): void {
    this.#post({ type: 'error', id: 0, error: errorData(error), targetId });
  }

  /** Handles one message from main. */
  receive(message: MainMessage): void {
    if (message.type === 'init') void this.#start(message.data);
    else if (message.type === 'run') this.#allowRun();
    else if (message.type === 'exec') this.#queueExec(message.id, message.code, message.targetId);
    else if (this.#endpoint) this.#endpoint.receive(message);
    else this.#early.push(message);
  }

  #post(message: WorkerMessage): void {
    this.#scope.postMessage(message);
  }

  async #start(data: InitData): Promise<void> {
    let ready = false;
    this.#targetId = data.targetId;
    try {
      const callbacks = compileWorkerCallbacks(data.hooks);
      const transport = createTransport(data);
      const unavailable = (data.config as PyConfig).sync_main_only
        ? UNAVAILABLE_SYNC_MAIN_ONLY
        : unavailableMessage(globalThis.crossOriginIsolated === true); // a worker shares its page's isolation
      const endpoint = (this.#endpoint = new WorkerEndpoint({
        transport,
        post: (message) => this.#post(message),
        unavailable,
        // Until the interpreter is up there are no Python objects to treat specially.
        foreign: {
          keep: (fn) => this.#foreign?.keep(fn) ?? fn,
          toJs: (value) => this.#foreign?.toJs(value),
          free: (fn) => this.#foreign?.free(fn),
        },
      }));
      for (const message of this.#early.splice(0)) endpoint.receive(message);

      const bridge = createBridge({
        interpreter: data.kind,
        window: endpoint.window ?? {},
        document: endpoint.document ?? {},
        worker: true,
        currentTarget: () => this.#targetId,
        findElement: (id) => endpoint.element(id) as object | null,
        config: data.config,
        baseUrl: data.baseUrl,
      });
      Object.assign(bridge, {
        sync: endpoint.sync,
        // Non-empty when window/document cannot work here: the Python package then raises this text.
        unavailable: transport ? '' : unavailable,
        input: (prompt: string) => endpoint.input(prompt),
        // pyscript.fs: the folder picker and permission prompts only exist on the main thread.
        fs_main: ((...args) => (endpoint.sync[FS_SYNC_NAME] as FsMainCall)(...args)) satisfies FsMainCall,
        // js_modules.main, from a worker: imported on main, used through proxies.
        import_main: (url: string) => {
          if (!transport) throw new Error(unavailable);
          return (endpoint.sync[IMPORT_SYNC_NAME] as (url: string) => unknown)(new URL(url, data.configUrl ?? data.baseUrl).href);
        },
        // A `when` handler's error (pyscript/_errors.py): its traceback and where to show it.
        report_error: (text: string, targetId: string) => this.#reportError(Object.assign(new Error(text), { name: 'PythonError' }), targetId),
        create_worker: () => {
          throw new Error('PyWorker is only available on the main thread');
        },
        get_worker: () => {
          throw new Error('pyscript.workers is only available on the main thread');
        },
      });
      const configErrors: ErrorData[] = [];
      const interpreter = await bootInterpreter(data.kind, {
        bridge,
        config: data.config as PyConfig,
        configUrl: data.configUrl,
        pageUrl: data.baseUrl,
        side: 'worker',
        streams: this.#streams,
        onProgress: (progress) => this.#post({ type: 'progress', id: 0, progress }),
        onConfigError: (error) => configErrors.push(toErrorData(error)),
      });
      this.#foreign = foreignValues(interpreter);
      await interpreter.run('import pyscript._worker', { async: false });
      const context: WorkerHookContext = { self: globalThis, targetId: data.targetId, sync: endpoint.sync, window: endpoint.window, document: endpoint.document };
      const runCallbacks = (name: WorkerCallbackName) => runWorkerCallbacks(callbacks, name, interpreter.raw, context);
      // As on the main thread: onReady before `:ready` is announced.
      await runCallbacks('onReady');
      this.#post({ type: 'ready', id: 0, errors: configErrors });
      ready = true;
      await this.#runAllowed;

      const { hooks } = data;
      const isAsync = data.async;
      await runCallbacks(isAsync ? 'onBeforeRunAsync' : 'onBeforeRun');
      const before = isAsync ? hooks.codeBeforeRunAsync : hooks.codeBeforeRun;
      if (before) await interpreter.run(before, { async: isAsync });
      await interpreter.run(data.code, { async: isAsync, filename: data.filename });
      const after = isAsync ? hooks.codeAfterRunAsync : hooks.codeAfterRun;
      if (after) await interpreter.run(after, { async: isAsync });
      await runCallbacks(isAsync ? 'onAfterRunAsync' : 'onAfterRun');
      await interpreter.run('import pyscript._worker\npyscript._worker.export_main()', { async: false });
      endpoint.codeDone();
      this.#interpreter = interpreter;
      this.#post({ type: 'done', id: 0 });
    } catch (error) {
      this.#endpoint?.codeDone();
      if (!ready) this.#post({ type: 'ready', id: 0, errors: [] });
      this.#post({ type: 'done', id: 0, error: errorData(error) });
    } finally {
      this.#codeFinished();
    }
  }

  /** Runs `code` after the worker's own code and the `exec`s before it; answers `exec-done`. */
  #queueExec(id: number, code: string, target: string): void {
    this.#execs = this.#execs.then(async () => {
      let error: ErrorData | undefined;
      this.#targetId = this.#printTarget = target;
      try {
        const interpreter = this.#interpreter;
        if (!interpreter) throw new Error('The worker could not start, so it cannot run code.');
        await interpreter.run(code, { async: isAsyncCode(code) });
      } catch (caught) {
        error = errorData(caught);
      } finally {
        this.#printTarget = '';
      }
      this.#post({ type: 'exec-done', id, ...(error && { error }) });
    });
  }

  /**
   * `print` output: the console, or during an `exec` the target element
   * (appended through the main thread's `document`, on the same lane as
   * `display()`, so the two keep their order).
   */
  readonly #streams: Streams = {
    stdout: (text) => this.#write(text, console.log),
    stderr: (text) => this.#write(text, console.error),
  };

  #write(text: string, log: (text: string) => void): void {
    const endpoint = this.#endpoint;
    if (this.#printTarget && endpoint?.document) {
      try {
        const place = endpoint.element(this.#printTarget) as { append(text: string): void } | null;
        if (place) return place.append(`${text}\n`);
      } catch {
        // The page could not be reached (the element went away mid-call): the console still gets it.
      }
    }
    log(text);
  }
}

/** An error as data for main, with a Python traceback as its message. */
function errorData(error: unknown): ErrorData {
  const data = toErrorData(error);
  if (isPythonError(error)) data.message = pythonErrorMessage(error);
  return data;
}

function createTransport(data: InitData): BlockingTransport | undefined {
  if (!data.transport) return undefined;
  return data.transport.mode === 'atomics' ? createAtomicsTransport(data.transport.init) : createServiceWorkerTransport(data.transport.init);
}
