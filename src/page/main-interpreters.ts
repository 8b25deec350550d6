/**
 * The main thread's interpreters: one per kind per page (see
 * `Page.interpreter`), booted on first use and shared by every main-thread
 * script of that kind, which run one after the other in the order they were
 * queued (document order at start-up).
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import type { PyscriptBridge } from '../runtime/bridge.js';
import { bootInterpreter } from '../runtime/boot.js';
import { baseUrl } from '../runtime/fetch-progress.js';
import { createBridge } from '../runtime/bridge-helpers.js';
import { workerBridge, type WorkerContext } from '../runtime/worker-context.js';
import type { PyConfig } from '../runtime/config.js';
import type { Interpreter, InterpreterKind, Progress } from '../runtime/types.js';
import type { PageConfigs } from './page-config.js';
import { prefixOf } from './prefix.js';
import type { Places } from './places.js';
import type { Plugins } from './plugins.js';
import { reportError, showStderr } from './report.js';

/** What a main interpreter needs from its page. */
export interface MainInterpreterPage {
  readonly document: Document;
  readonly configs: PageConfigs;
  readonly places: Places;
  /** For `PyWorker`, `MPWorker` and `workers` of the Python package. */
  readonly workerContext: WorkerContext;
  readonly plugins: Plugins;
}

/** One shared interpreter and its run queue. */
export class MainInterpreter {
  readonly kind: InterpreterKind;
  /** Id of the element the running script displays to (see `current_target()`). */
  currentTarget = '';
  /** The running script: ids it names are looked up in its own (shadow) root first. */
  currentScope?: WeakRef<Node>;
  /** The parsed main config (empty until boot has read it). */
  config: PyConfig = {};
  /** The xterm.js `Terminal` of the latest script with a terminal (`__terminal__`), if any. */
  terminal?: object;
  /** Where the running script's stderr shows (its output place); the end of `<body>` between scripts. */
  stderrPlace?: () => Element;
  #booting?: Promise<Interpreter>;
  #booted?: Interpreter;
  #queue: Promise<unknown> = Promise.resolve();
  #configErrors: unknown[] = [];
  #progressListeners = new Set<(progress: Progress) => void>();
  #lastProgress = new Map<string, Progress>();
  readonly #page: MainInterpreterPage;

  constructor(kind: InterpreterKind, page: MainInterpreterPage) {
    this.kind = kind;
    this.#page = page;
  }

  /** Boots the interpreter once; later calls share the same promise. */
  boot(): Promise<Interpreter> {
    this.#booting ??= this.#boot().then((interpreter) => (this.#booted = interpreter));
    return this.#booting;
  }

  /** True when `error` was raised by this interpreter (a `PythonError` of its own). */
  raised(error: unknown): boolean {
    const booted = this.#booted;
    if (!booted || !(error instanceof Error)) return false;
    if (booted.kind === 'pyodide') {
      // any: Pyodide's ffi module is not in our PyodideAPI subset.
      const PythonError = (booted.raw as any).ffi?.PythonError;
      return typeof PythonError === 'function' && error instanceof PythonError;
    }
    return error.name === 'PythonError';
  }

  /**
   * Shows an error of a callback at the element with id `targetId` (the
   * script that registered it, or its target), else at this interpreter's
   * last script, else at the end of the body.
   */
  reportAt(targetId: string, error: PyScriptError): void {
    const { places, document } = this.#page;
    const scope = this.currentScope?.deref();
    const place = (targetId && places.find(targetId, scope)) || (this.currentTarget && places.find(this.currentTarget, scope)) || document.body;
    reportError(place, error);
  }

  /**
   * Config errors not yet shown: the first script to ask reports them, and
   * the scripts still run with whatever of the config could be applied.
   */
  takeConfigErrors(): unknown[] {
    return this.#configErrors.splice(0);
  }

  /** Calls `listener` with each progress report (the latest of each stage first); returns the unsubscribe. */
  onProgress(listener: (progress: Progress) => void): () => void {
    for (const progress of this.#lastProgress.values()) listener(progress);
    this.#progressListeners.add(listener);
    return () => this.#progressListeners.delete(listener);
  }

  async #boot(): Promise<Interpreter> {
    let loaded: { config: PyConfig; url?: string } = { config: {} };
    try {
      loaded = await this.#page.configs.main(this.kind);
    } catch (error) {
      this.#configErrors.push(error);
    }
    this.config = loaded.config;
    // Plugin modules load while the interpreter does; they add their hooks before any script runs.
    const plugins = this.#page.plugins.applyOnce(loaded.config, loaded.url ?? baseUrl());
    const prefix = prefixOf(this.kind);
    const interpreter = await bootInterpreter(this.kind, {
      streams: { stdout: (text) => console.log(text), stderr: (text) => this.#stderr(text) },
      bridge: this.#bridge(),
      // A main-thread terminal on the page now: its output as written (a script added later gets whole lines).
      terminal: this.#page.document.querySelector(`script[type="${prefix}"][terminal]:not([worker]), ${prefix}-script[terminal]:not([worker])`) !== null,
      config: loaded.config,
      configUrl: loaded.url,
      onProgress: (progress) => {
        this.#lastProgress.set(progress.stage, progress);
        for (const listener of this.#progressListeners) listener(progress);
      },
      onConfigError: (error) => this.#configErrors.push(error),
    });
    this.#configErrors.push(...(await plugins)); // never rejects: failed entries come back as errors
    return interpreter;
  }

  /**
   * Python's stderr: the console, and, as PyScript's error plugin does, a
   * `.py-error` box on the page (not with `plugins = ["!error"]`; not for
   * what the interpreter writes while it boots).
   */
  #stderr(text: string): void {
    console.error(text);
    if (!this.#booted || this.config.plugins?.includes('!error')) return;
    const place = this.stderrPlace?.() ?? this.#page.document.body;
    if (place) showStderr(place, text);
  }

  /** Runs `task` after every task queued before it has settled. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #bridge(): PyscriptBridge {
    const page = this.#page;
    const bridge = createBridge({
      interpreter: this.kind,
      window: page.document.defaultView ?? globalThis,
      document: page.document,
      currentTarget: () => this.currentTarget,
      findElement: (id) => page.places.find(id, this.currentScope?.deref()),
      config: this.config,
    });
    // `__terminal__` (pyscript/_terminal.py).
    Object.assign(bridge, { terminal: () => this.terminal ?? null });
    // A callback's error (`when` handlers, pyscript/_errors.py): its traceback and where to show it.
    bridge.report_error = (text: string, targetId: string) => this.reportAt(targetId, new PyScriptError(ErrorCode.PYTHON, text));
    // `PyWorker`, `MPWorker` and `workers` of the Python package.
    return Object.assign(bridge, workerBridge(page.workerContext));
  }
}
