/**
 * `dist/worker.js`: the module worker that runs one Python script. It waits
 * for its `init` message, builds the blocking transport and the bridge
 * (`window`/`document` as synchronous proxies of the main thread's), boots
 * the interpreter with the worker's own config, runs the `hooks.worker`
 * callbacks and code around the script, and reports `ready` and `done`
 * (errors as data). It then stays alive: each `exec` message (the editor's
 * runs) runs more code in the same interpreter, one after the other, with
 * `display()` and `print` going to the element the message names.
 * @packageDocumentation
 */
import { toErrorData, type ErrorData } from './errors.js';
import { isAsyncCode } from './runtime/async-code.js';
import { bootInterpreter } from './runtime/boot.js';
import { WORKER_CALLBACKS, compileCallback, type HookCallback, type WorkerCallbackName, type WorkerHookContext } from './runtime/hooks.js';
import { createBridge } from './runtime/bridge-helpers.js';
import type { PyConfig } from './runtime/config.js';
import { pythonErrorMessage, isPythonError } from './runtime/traceback.js';
import type { Interpreter, Streams } from './runtime/types.js';
import { createAtomicsTransport } from './sync/atomics.js';
import { UNAVAILABLE, UNAVAILABLE_SYNC_MAIN_ONLY, type InitData, type MainMessage, type WorkerMessage } from './sync/protocol.js';
import { createServiceWorkerTransport } from './sync/sw-fallback.js';
import type { BlockingTransport } from './sync/transport.js';
import { WorkerEndpoint, type ForeignValues } from './sync/wrap.js';

/** The bits of `DedicatedWorkerGlobalScope` used here (our TS lib is DOM's). */
const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MainMessage>) => void): void;
};
const post = (message: WorkerMessage) => scope.postMessage(message);

let endpoint: WorkerEndpoint | undefined;
let startRun: () => void = () => undefined;
/** Resolves when main says `:ready` was dispatched, so the code never runs before it. */
const runAllowed = new Promise<void>((resolve) => (startRun = resolve));
const early: MainMessage[] = [];
/** Id of the element `display()` writes to by default. */
let targetId = '';
/** Id of the element `print` writes to during an `exec`; empty: the console. */
let printTarget = '';
let finishCode: () => void = () => undefined;
/** The `exec` runs, chained after the worker's own code. */
let execs = new Promise<void>((resolve) => (finishCode = resolve));
/** Runs an `exec`'s code; set once the interpreter is up. */
let runMore: ((code: string) => Promise<void>) | undefined;

scope.addEventListener('message', (event: MessageEvent<MainMessage>) => {
  const message = event.data;
  if (message.type === 'init') void start(message.data);
  else if (message.type === 'run') startRun();
  else if (message.type === 'exec') queueExec(message.id, message.code, message.targetId);
  else if (endpoint) endpoint.receive(message);
  else early.push(message);
});

async function start(data: InitData): Promise<void> {
  let ready = false;
  targetId = data.targetId;
  try {
    const callbacks = compileCallbacks(data);
    const transport = createTransport(data);
    const unavailable = (data.config as PyConfig).sync_main_only ? UNAVAILABLE_SYNC_MAIN_ONLY : UNAVAILABLE;
    // Until the interpreter is up there are no Python objects to treat specially.
    let foreign: ForeignValues = plain;
    endpoint = new WorkerEndpoint({
      transport,
      post,
      unavailable,
      foreign: { keep: (fn) => foreign.keep(fn), toJs: (value) => foreign.toJs(value), free: (fn) => foreign.free(fn) },
    });
    for (const message of early.splice(0)) endpoint.receive(message);

    const bridge = createBridge({
      interpreter: data.kind,
      window: endpoint.window ?? {},
      document: endpoint.document ?? {},
      worker: true,
      currentTarget: () => targetId,
      findElement: (id) => endpoint!.element(id) as object | null,
      config: data.config,
      baseUrl: data.baseUrl,
    });
    const worker = endpoint;
    Object.assign(bridge, {
      sync: worker.sync,
      // Non-empty when window/document cannot work here: the Python package then raises this text.
      unavailable: transport ? '' : unavailable,
      input: (prompt: string) => worker.input(prompt),
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
      streams,
      onProgress: (progress) => post({ type: 'progress', id: 0, progress }),
      onConfigError: (error) => configErrors.push(toErrorData(error)),
    });
    foreign = foreignValues(interpreter);
    await interpreter.run('import pyscript._worker', { async: false });
    const context: WorkerHookContext = { self: globalThis, targetId: data.targetId, sync: worker.sync, window: worker.window, document: worker.document };
    const runCallbacks = async (name: WorkerCallbackName) => {
      for (const callback of callbacks[name]) {
        try {
          await callback(interpreter.raw, context);
        } catch (error) {
          throw hookFailure(name, error);
        }
      }
    };
    // As on the main thread: onReady before `:ready` is announced.
    await runCallbacks('onReady');
    post({ type: 'ready', id: 0, errors: configErrors });
    ready = true;
    await runAllowed;

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
    runMore = (code) => interpreter.run(code, { async: isAsyncCode(code) }).then(() => undefined);
    post({ type: 'done', id: 0 });
  } catch (error) {
    endpoint?.codeDone();
    if (!ready) post({ type: 'ready', id: 0, errors: [] });
    post({ type: 'done', id: 0, error: errorData(error) });
  } finally {
    finishCode();
  }
}

/** Runs `code` after the worker's own code and the `exec`s before it; answers `exec-done`. */
function queueExec(id: number, code: string, target: string): void {
  execs = execs.then(async () => {
    let error: ErrorData | undefined;
    targetId = printTarget = target;
    try {
      if (!runMore) throw new Error('The worker could not start, so it cannot run code.');
      await runMore(code);
    } catch (caught) {
      error = errorData(caught);
    } finally {
      printTarget = '';
    }
    post({ type: 'exec-done', id, ...(error && { error }) });
  });
}

function errorData(error: unknown): ErrorData {
  const data = toErrorData(error);
  if (isPythonError(error)) data.message = pythonErrorMessage(error);
  return data;
}

/**
 * `print` output: the console, or during an `exec` the target element
 * (appended through the main thread's `document`, on the same lane as
 * `display()`, so the two keep their order).
 */
const streams: Streams = {
  stdout: (text) => write(text, console.log),
  stderr: (text) => write(text, console.error),
};

function write(text: string, log: (text: string) => void): void {
  if (printTarget && endpoint?.document) {
    try {
      const place = endpoint.element(printTarget) as { append(text: string): void } | null;
      if (place) return place.append(`${text}\n`);
    } catch {
      // The page could not be reached (the element went away mid-call): the console still gets it.
    }
  }
  log(text);
}

/** The `hooks.worker` callbacks, evaluated from their source. */
function compileCallbacks(data: InitData): Record<WorkerCallbackName, HookCallback<WorkerHookContext>[]> {
  const entries = WORKER_CALLBACKS.map((name) => [name, (data.hooks[name] ?? []).map((source) => compileCallback(name, source))]);
  return Object.fromEntries(entries) as Record<WorkerCallbackName, HookCallback<WorkerHookContext>[]>;
}

/** A hook that threw fails the script like Python code would; the message names the hook. */
function hookFailure(name: WorkerCallbackName, error: unknown): Error {
  const text = isPythonError(error) ? pythonErrorMessage(error) : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const failure = new Error(`hooks.worker.${name} failed:\n${text}`, { cause: error });
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return failure;
}

function createTransport(data: InitData): BlockingTransport | undefined {
  if (!data.transport) return undefined;
  return data.transport.mode === 'atomics' ? createAtomicsTransport(data.transport.init) : createServiceWorkerTransport(data.transport.init);
}

const plain: ForeignValues = { keep: (fn) => fn, toJs: () => undefined, free: () => undefined };

interface PyodideProxy {
  copy(): PyodideProxy;
  destroy(): void;
  toJs(options: object): unknown;
}

/** How Python objects look in JS, per interpreter. */
function foreignValues(interpreter: Interpreter): ForeignValues {
  if (interpreter.kind === 'pyodide') {
    const PyProxy = (interpreter.raw as { ffi: { PyProxy: new () => PyodideProxy } }).ffi.PyProxy;
    return {
      // Pyodide destroys proxies of arguments when the call returns; main may call back later.
      keep: (fn) => (fn instanceof PyProxy ? (fn.copy() as unknown as Function) : fn),
      free: (fn) => {
        if (fn instanceof PyProxy) fn.destroy();
      },
      toJs: (value) => {
        if (!(value instanceof PyProxy)) return undefined;
        try {
          return { value: value.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false }) };
        } catch {
          // Holds something with no JS equivalent (a class instance): main gets its str().
          return { value: String(value) };
        }
      },
    };
  }
  const PyProxy = (interpreter.raw as { PyProxy: { new (): object; toJs(value: object): unknown } }).PyProxy;
  return {
    keep: (fn) => fn,
    free: () => undefined,
    toJs: (value) => {
      if (!(value instanceof PyProxy)) return undefined;
      const converted = PyProxy.toJs(value);
      return { value: converted === value ? String(value) : converted };
    },
  };
}
