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
import { ErrorCode, toErrorData, type ErrorData } from '../errors.js';
import { createAtomicsTransport } from '../sync/atomics.js';
import { UNAVAILABLE_SYNC_MAIN_ONLY, unavailableMessage, type InitData, type MainMessage, type WorkerMessage } from '../sync/protocol.js';
import { createServiceWorkerTransport } from '../sync/sw-fallback.js';
import type { BlockingTransport } from '../sync/transport.js';
import { WorkerEndpoint, type ForeignValues } from '../sync/wrap.js';
import { isAsyncCode } from './async-code.js';
import { answerFromBytes } from './boot-fetch.js';
import { noteDelivered } from './interpreter-progress.js';
import { bootInterpreter } from './boot.js';
import { createBridge } from './bridge-helpers.js';
import type { PyConfig } from './config.js';
import { foreignValues } from './foreign-values.js';
import type { FsMainCall } from './fs-bridge.js';
import { compileWorkerCallbacks, runWorkerCallbacks, type WorkerCallbackName, type WorkerHookContext } from './hooks.js';
import { FS_SYNC_NAME, IMPORT_SYNC_NAME } from './main-services.js';
import type { PyodideAPI } from './pyodide.js';
import { receivePythonImage } from './python-package.js';
import type { MicroPythonAPI } from './micropython.js';
import { OutputBuffer, REPL_KEYS, TERMINAL_OBJECT, TERMINAL_REPL, TERMINAL_WRITE } from './terminal-io.js';
import { isPythonError, pythonErrorMessage } from './traceback.js';
import type { Interpreter, Streams } from './types.js';

/**
 * Why `input()` cannot work in a worker that cannot block on main (Python
 * raises it as a RuntimeError).
 */
export const INPUT_UNAVAILABLE =
  'input() cannot wait for an answer in this worker -> see README.md#sharedarraybuffer ' +
  '(this page is not cross-origin isolated, so a worker cannot wait for the main thread: serve it with the headers ' +
  '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp", ' +
  'or give the script a service-worker attribute)';

/** The same for a worker whose config says `sync_main_only = true`. */
export const INPUT_UNAVAILABLE_SYNC_MAIN_ONLY =
  'input() cannot wait for an answer in this worker: its config says sync_main_only = true, ' +
  'so it never waits for the main thread (see README.md#sharedarraybuffer)';

/** The bits of `DedicatedWorkerGlobalScope` used here (our TS lib is DOM's). */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MainMessage>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  close?(): void;
}

/** The inside of one Python worker. */
export class WorkerRuntime {
  readonly #scope: WorkerScope;
  #endpoint?: WorkerEndpoint;
  /** Bridge messages that came before `init` had built the endpoint. */
  readonly #early: MainMessage[] = [];
  /** Waiting for main's `reclaimed` (the blocking transport's `connect`). */
  readonly #reclaimed: (() => void)[] = [];
  /** The files main sends (`InitData.assets`), by URL: each one's arrival. */
  readonly #assets = new Map<string, (bytes: ArrayBuffer | null) => void>();
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
  /** True once the worker's own code has finished. */
  #finished = false;
  /** The booted interpreter, once its own code has run (`exec`s need it). */
  #interpreter?: Interpreter;
  /** How an editor's `exec` runs (inside the `hooks.worker` run hooks); other workers' run bare. */
  #runExec?: (code: string, targetId: string) => Promise<void>;
  /** The interpreter's objects, once it is up (see {@link foreignValues}). */
  #foreign?: ForeignValues;
  /** Output on its way to the script's terminal on main, when it has one. */
  #terminal?: OutputBuffer;
  /** MicroPython in a terminal worker: what `code.interact()` starts the REPL of. */
  #repl?: MicroPythonAPI;

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
    // `close()` from Python (`js.close()`) ends the worker without any event on main: say so first, or main waits forever.
    const close = scope.close?.bind(scope);
    if (close) {
      scope.close = () => {
        const message = this.#finished ? 'The worker closed itself (close()).' : 'The worker closed itself (close()) before its code finished.';
        this.#post({ type: 'done', id: 0, error: { name: 'PyScriptError', message, code: ErrorCode.WORKER } });
        close();
      };
    }
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
    else if (message.type === 'reclaimed') this.#reclaimed.shift()?.();
    else if (message.type === 'asset') this.#receiveAsset(message.url, message.bytes);
    else if (this.#endpoint) this.#endpoint.receive(message);
    else this.#early.push(message);
  }

  /** A file main sent for the boot (`InitData.assets`); the interpreter's own count as downloaded (`:progress`). */
  #receiveAsset(url: string, bytes: ArrayBuffer | null): void {
    if (bytes && url !== 'romfs') noteDelivered(url, bytes.byteLength);
    this.#assets.get(url)?.(bytes);
  }

  #post(message: WorkerMessage): void {
    this.#scope.postMessage(message);
  }

  async #start(data: InitData): Promise<void> {
    let ready = false;
    this.#targetId = data.targetId;
    // Before anything asks for them: the boot takes these from main instead of fetching them.
    for (const url of data.assets ?? []) {
      const bytes = new Promise<ArrayBuffer | null>((resolve) => this.#assets.set(url, resolve));
      if (url === 'romfs') receivePythonImage(bytes);
      else answerFromBytes(url, bytes, 'application/wasm');
    }
    try {
      const callbacks = compileWorkerCallbacks(data.hooks);
      const transport = createTransport(data);
      await transport?.connect?.(() => new Promise((resolve) => {
        this.#reclaimed.push(resolve);
        this.#post({ type: 'reclaim', id: 0 });
      }));
      const syncMainOnly = Boolean((data.config as PyConfig).sync_main_only);
      const unavailable = syncMainOnly
        ? UNAVAILABLE_SYNC_MAIN_ONLY
        : unavailableMessage(globalThis.crossOriginIsolated === true); // a worker shares its page's isolation
      const endpoint = (this.#endpoint = new WorkerEndpoint({
        transport,
        post: (message) => this.#post(message),
        unavailable,
        onCallbackError: (error) => this.#reportError(error, ''),
        // Until the interpreter is up there are no Python objects to treat specially.
        foreign: {
          keep: (fn) => this.#foreign?.keep(fn) ?? fn,
          toJs: (value) => this.#foreign?.toJs(value),
          free: (fn) => this.#foreign?.free(fn),
        },
      }));
      for (const message of this.#early.splice(0)) endpoint.receive(message);

      let pyodide: PyodideAPI | undefined; // once booted, when it is Pyodide
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
        input_unavailable: transport ? '' : syncMainOnly ? INPUT_UNAVAILABLE_SYNC_MAIN_ONLY : INPUT_UNAVAILABLE,
        input: (prompt: string) => {
          this.#terminal?.flush();
          return endpoint.input(prompt);
        },
        // `__terminal__`: main's xterm.js Terminal, through a proxy (none without a blocking lane).
        terminal: () => (data.terminal && transport ? (endpoint.sync[TERMINAL_OBJECT] as () => unknown)() : null),
        // MicroPython's `code.interact()` (pyscript/_terminal.py): its own REPL, fed with the keys typed on main.
        repl: () => {
          const mp = this.#repl;
          if (!mp) throw new Error('code.interact() needs a terminal: add the terminal attribute');
          mp.replInit();
          this.#terminal?.flush();
          (endpoint.sync[TERMINAL_REPL] as () => void)();
        },
        // pyscript.fs: the folder picker and permission prompts only exist on the main thread.
        fs_main: ((...args) => (endpoint.sync[FS_SYNC_NAME] as FsMainCall)(...args)) satisfies FsMainCall,
        // js_modules.main, from a worker: imported on main, used through proxies.
        import_main: (url: string) => {
          if (!transport) throw new Error(unavailable);
          return (endpoint.sync[IMPORT_SYNC_NAME] as (url: string) => unknown)(new URL(url, data.configUrl ?? data.baseUrl).href);
        },
        // With an interrupt buffer: raises the KeyboardInterrupt main asked for (pyscript/_worker.py makes time.sleep check it).
        ...(data.interrupt && data.kind === 'pyodide' && { check_interrupt: () => pyodide?.checkInterrupt() }),
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
        terminal: data.terminal,
        onProgress: (progress) => this.#post({ type: 'progress', id: 0, progress }),
        onConfigError: (error) => configErrors.push(toErrorData(error)),
      });
      this.#foreign = foreignValues(interpreter);
      // Stop in an editor, `interrupt()` on a handle: main writes SIGINT into this byte.
      if (data.interrupt && data.kind === 'pyodide') (pyodide = interpreter.raw as PyodideAPI).setInterruptBuffer(data.interrupt);
      if (data.terminal) this.#attachTerminal(interpreter, endpoint);
      await interpreter.run('import pyscript._worker', { async: false });
      if (data.terminal) await interpreter.run('import pyscript._terminal\npyscript._terminal.attach()', { async: false });
      const context: WorkerHookContext = { self: globalThis, targetId: data.targetId, sync: endpoint.sync, window: endpoint.window, document: endpoint.document };
      const runCallbacks = (name: WorkerCallbackName) => runWorkerCallbacks(callbacks, name, interpreter.raw, context);
      // As on the main thread: onReady before `:ready` is announced.
      await runCallbacks('onReady');
      this.#post({ type: 'ready', id: 0, errors: configErrors });
      ready = true;
      await this.#runAllowed;

      const { hooks } = data;
      /** Runs `code` between the `hooks.worker` run hooks (sync or async ones, as the code is). */
      const runHooked = async (code: string, isAsync: boolean, filename?: string) => {
        await runCallbacks(isAsync ? 'onBeforeRunAsync' : 'onBeforeRun');
        const before = isAsync ? hooks.codeBeforeRunAsync : hooks.codeBeforeRun;
        if (before) await interpreter.run(before, { async: isAsync });
        await interpreter.run(code, { async: isAsync, filename });
        const after = isAsync ? hooks.codeAfterRunAsync : hooks.codeAfterRun;
        if (after) await interpreter.run(after, { async: isAsync });
        await runCallbacks(isAsync ? 'onAfterRunAsync' : 'onAfterRun');
      };
      if (data.editor) {
        this.#runExec = (code, target) => {
          context.targetId = target;
          return runHooked(code, isAsyncCode(code));
        };
      } else {
        await runHooked(data.code, data.async, data.filename);
      }
      await interpreter.run('import pyscript._worker\npyscript._worker.export_main()', { async: false });
      endpoint.codeDone();
      this.#interpreter = interpreter;
      this.#post({ type: 'done', id: 0 });
    } catch (error) {
      this.#endpoint?.codeDone();
      if (!ready) this.#post({ type: 'ready', id: 0, errors: [] });
      this.#post({ type: 'done', id: 0, error: errorData(error) });
    } finally {
      this.#finished = true;
      this.#codeFinished();
    }
  }

  /**
   * The script has a terminal on main: output goes there as written
   * (through main's `sync`: blocking, so it stays in order with `input()`;
   * without a blocking lane, as messages), and on MicroPython the keys of
   * its REPL come back as calls of {@link REPL_KEYS}.
   */
  #attachTerminal(interpreter: Interpreter, endpoint: WorkerEndpoint): void {
    const send = endpoint.sync[TERMINAL_WRITE] as (text: string) => unknown;
    const output = (this.#terminal = new OutputBuffer((text) => {
      try {
        const sent = send(text);
        if (sent instanceof Promise) sent.catch(() => undefined); // no blocking lane: the message went
      } catch (error) {
        console.error(text, error); // main could not write it: the console keeps it
      }
    }));
    interpreter.setRawOutput({ stdout: (text) => output.write(text), stderr: (text) => output.write(text) });
    if (interpreter.kind !== 'micropython') return;
    const mp = (this.#repl = interpreter.raw as MicroPythonAPI);
    const encoder = new TextEncoder();
    endpoint.sync[REPL_KEYS] = (keys: string) => {
      for (const byte of encoder.encode(keys)) mp.replProcessChar(byte);
    };
  }

  /** Runs `code` after the worker's own code and the `exec`s before it; answers `exec-done`. */
  #queueExec(id: number, code: string, target: string): void {
    this.#execs = this.#execs.then(async () => {
      let error: ErrorData | undefined;
      this.#targetId = this.#printTarget = target;
      try {
        const interpreter = this.#interpreter;
        if (!interpreter) throw new Error('The worker could not start, so it cannot run code.');
        if (this.#runExec) await this.#runExec(code, target);
        else await interpreter.run(code, { async: isAsyncCode(code) });
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
