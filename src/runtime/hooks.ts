/**
 * Hooks: callbacks and code snippets that plugins add around every script,
 * in the order the contract lists (`onReady`, `onBeforeRun`, …). `main`
 * applies to main-thread scripts, `worker` to worker scripts and to
 * `PyWorker()`/`MPWorker()`: its code strings and callbacks run inside the
 * worker. A worker callback crosses as its source text (`String(fn)`) and is
 * evaluated again in the worker, so it must be self-contained: it sees the
 * worker's globals, not the closures of the page that added it.
 * @packageDocumentation
 */
import { isPythonError, pythonErrorMessage } from './traceback.js';

/**
 * Called with the interpreter's API and, on the main thread, the script
 * element (for `hooks.worker`, a {@link WorkerHookContext}).
 */
export type HookCallback<Context = Element> = (interpreter: unknown, context: Context) => void | Promise<void>;

/** The second argument of a `hooks.worker` callback, inside the worker. */
export interface WorkerHookContext {
  /** The worker's global scope. */
  self: typeof globalThis;
  /** Id of the element `display()` writes to by default (empty for `PyWorker()`). */
  targetId: string;
  /** The worker's `sync` (as `from pyscript import sync`). */
  sync: Record<string, unknown>;
  /** The main thread's `window` and `document` (synchronous proxies); undefined when the worker cannot block on main. */
  window?: object;
  document?: object;
}

/** The callbacks and code strings of one side (main thread or worker). */
export interface Hooks<Context = Element> {
  onReady: Set<HookCallback<Context>>;
  onBeforeRun: Set<HookCallback<Context>>;
  onBeforeRunAsync: Set<HookCallback<Context>>;
  /** Python code run before each synchronous script. */
  codeBeforeRun: Set<string>;
  /** Python code run before each async script. */
  codeBeforeRunAsync: Set<string>;
  codeAfterRun: Set<string>;
  codeAfterRunAsync: Set<string>;
  onAfterRun: Set<HookCallback<Context>>;
  onAfterRunAsync: Set<HookCallback<Context>>;
  /**
   * `hooks.main` only: called on the main thread as each worker starts (a
   * worker script's, an editor's, `PyWorker()`/`MPWorker()`'s, from
   * JavaScript or Python), before it is ready, as PyScript calls it: with no
   * interpreter (`undefined`), the worker's handle (its `sync` takes
   * functions for the worker to call) and, for a worker script or an editor, its element.
   */
  onWorker: Set<WorkerStartCallback>;
}

/** What a `hooks.main.onWorker` callback gets as the worker: its handle (`PythonWorker`). */
export interface WorkerHandle {
  readonly worker: Worker;
  readonly sync: Record<string, any>; // any: user functions of any shape
  readonly ready: Promise<void>;
}

/** A `hooks.main.onWorker` callback: `(undefined, worker, element?)`, as PyScript's `(wrap, xworker)`. */
export type WorkerStartCallback = (interpreter: undefined, worker: WorkerHandle, element?: Element) => void | Promise<void>;

const createHooks = <Context>(): Hooks<Context> => ({
  onReady: new Set(),
  onBeforeRun: new Set(),
  onBeforeRunAsync: new Set(),
  codeBeforeRun: new Set(),
  codeBeforeRunAsync: new Set(),
  codeAfterRun: new Set(),
  codeAfterRunAsync: new Set(),
  onAfterRun: new Set(),
  onAfterRunAsync: new Set(),
  onWorker: new Set(),
});

/** The hooks of one page: `main` for its main-thread scripts, `worker` for its workers. */
export interface PageHooks {
  main: Hooks;
  worker: Hooks<WorkerHookContext>;
}

/** Empty hooks, for a page's `hooks` export. */
export const createPageHooks = (): PageHooks => ({ main: createHooks<Element>(), worker: createHooks<WorkerHookContext>() });

/** Joins the code hooks of one kind into one Python snippet (empty when none). */
export const joinCode = (snippets: Set<string>): string => [...snippets].join('\n');

/** The `hooks.worker` callbacks that run in the worker, in the order they run around a script. */
export const WORKER_CALLBACKS = ['onReady', 'onBeforeRun', 'onBeforeRunAsync', 'onAfterRun', 'onAfterRunAsync'] as const;
export type WorkerCallbackName = (typeof WORKER_CALLBACKS)[number];

/**
 * The source text of each callback of one set, for the worker to evaluate.
 * @throws Error naming the hook when a callback has no source to send (a native or bound function)
 */
export function callbackSources(name: WorkerCallbackName, callbacks: Set<HookCallback<WorkerHookContext>>): string[] {
  return [...callbacks].map((callback) => {
    const source = typeof callback === 'function' ? Function.prototype.toString.call(callback) : '';
    if (!source) throw new Error(`hooks.worker.${name}: ${String(callback)} is not a function`);
    if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
      throw new Error(
        `hooks.worker.${name}: a native or bound function (${source.replace(/\s+/g, ' ')}) cannot be sent to a worker, ` +
          "which gets only a hook's source text: add a self-contained function instead",
      );
    }
    return source;
  });
}

/**
 * Turns a callback's source back into a function (in the worker). Takes
 * arrow functions, `function` and `async function` expressions, and method
 * shorthand (`onReady(i) {…}`, `async onReady(i) {…}`), which is only valid
 * inside an object literal.
 * @throws Error naming the hook when the source does not evaluate to a function
 */
export function compileCallback(name: WorkerCallbackName, source: string): HookCallback<WorkerHookContext> {
  let value: unknown;
  try {
    value = new Function(`return (${source}\n);`)();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw hookError(name, error);
    try {
      const holder = new Function(`return ({${source}\n});`)() as object;
      value = Object.values(Object.getOwnPropertyDescriptors(holder))[0]?.value;
    } catch {
      throw hookError(name, error);
    }
  }
  if (typeof value !== 'function') throw new Error(`hooks.worker.${name}: its source does not evaluate to a function in the worker:\n${source}`);
  return value as HookCallback<WorkerHookContext>;
}

const hookError = (name: string, error: unknown) =>
  new Error(`hooks.worker.${name}: its source cannot be evaluated in the worker: ${String(error)}`, { cause: error });

/** The `hooks.worker` callbacks of one worker, compiled, by set. */
export type WorkerCallbacks = Record<WorkerCallbackName, HookCallback<WorkerHookContext>[]>;

/**
 * Compiles the callbacks a worker was sent (see {@link compileCallback}).
 * @throws Error naming the hook whose source does not evaluate to a function
 */
export function compileWorkerCallbacks(sources: Partial<Record<WorkerCallbackName, string[]>>): WorkerCallbacks {
  const entries = WORKER_CALLBACKS.map((name) => [name, (sources[name] ?? []).map((source) => compileCallback(name, source))]);
  return Object.fromEntries(entries) as WorkerCallbacks;
}

/**
 * Runs the callbacks of set `name` in order, awaiting each.
 * @throws Error `hooks.worker.<name> failed: …` when one throws, so it fails the script like Python code would
 */
export async function runWorkerCallbacks(callbacks: WorkerCallbacks, name: WorkerCallbackName, interpreter: unknown, context: WorkerHookContext): Promise<void> {
  for (const callback of callbacks[name]) {
    try {
      await callback(interpreter, context);
    } catch (error) {
      throw hookFailure(name, error);
    }
  }
}

/** A hook that threw, as an error whose message names the hook. */
function hookFailure(name: WorkerCallbackName, error: unknown): Error {
  const text = isPythonError(error) ? pythonErrorMessage(error) : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const failure = new Error(`hooks.worker.${name} failed:\n${text}`, { cause: error });
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return failure;
}

