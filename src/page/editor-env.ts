/**
 * Editor environments: the worker behind a group of editors, page state
 * shared by the editor elements. Editors with the same `env` (and
 * interpreter) share one worker, so names one run defines are seen by the
 * next; an editor without `env` has its own. The worker starts on the first
 * run (a page of editors downloads no interpreter until asked), runs the
 * env's `setup` code first, then every run in order, each through
 * {@link LazyWorker.exec}.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { LazyWorker, loadWorkers, type WorkerContext } from '../runtime/worker-context.js';
import type { InterpreterKind } from '../runtime/types.js';
import type { Places } from './places.js';
import { reportError, toPyScriptError } from './report.js';

/** What an editor brings to its env; the first editor that sets one wins. */
export interface EnvOptions {
  /** Inline TOML/JSON, or the URL of a `.toml`/`.json` file. */
  config?: string;
  /** URL of `dist/service-worker.js` (the fallback without SharedArrayBuffer). */
  serviceWorker?: string;
}

/** Answers `input()` during a run (null: no answer, `EOFError` in Python). */
export type Ask = (prompt: string) => string | null | Promise<string | null>;

/** One run's outcome: the error that stopped it, and config entries that failed when the worker started. */
export interface RunOutcome {
  error?: PyScriptError;
  configErrors: PyScriptError[];
}

/** The shared worker of one env. */
export class EditorEnv {
  readonly kind: InterpreterKind;
  readonly #places: Places;
  readonly #context: WorkerContext;
  readonly #options: EnvOptions = {};
  /** The setup code of the env's setup editors on the page, each marked once the current worker has run it. */
  readonly #setups = new Set<{ source: Promise<{ code: string; targetId: string }>; ran: boolean }>();
  /** Called when no editor and no setup is left: the page forgets the env. */
  readonly #onEmpty: () => void;
  /** The page forgot this env (it was empty): an editor coming back gets the env of its name anew. */
  released = false;
  /** Editors of this env on the page (setup editors not counted). */
  #editors = 0;
  #worker?: LazyWorker;
  /** The worker was started and no run has waited for it yet (see {@link warm}). */
  #starting = false;
  #queue: Promise<unknown> = Promise.resolve();
  /** How the running code's `input()` is answered (the running editor's), if any. */
  #ask?: Ask;
  /** Output id of the latest run: where a callback's error without a place of its own shows. */
  #lastTarget = '';
  /** The running editor: ids its code names are looked up in its own (shadow) root first. */
  #scope?: WeakRef<Node>;

  constructor(kind: InterpreterKind, places: Places, context: WorkerContext, onEmpty: () => void = () => undefined) {
    this.kind = kind;
    this.#places = places;
    this.#context = context;
    this.#onEmpty = onEmpty;
  }

  /** Records an editor's `config` and `service-worker` (used when the worker starts). */
  adopt(options: EnvOptions): void {
    this.#options.config ||= options.config;
    this.#options.serviceWorker ||= options.serviceWorker;
  }

  /**
   * Adds setup code: it runs before the first run of this env (or the next
   * one, once started), and again in each new worker.
   * @returns removes it (its setup editor left the page): new workers do not run it
   */
  addSetup(source: Promise<{ code: string; targetId: string }>): () => void {
    source.catch(() => undefined); // reported when it runs
    const setup = { source, ran: false };
    this.#setups.add(setup);
    return () => {
      this.#setups.delete(setup);
      this.#releaseIfEmpty();
    };
  }

  /**
   * Runs `code` after the runs before it; `display()` and `print` go to
   * `targetId`, `input()` asks `ask` (else `window.prompt`), and ids are
   * looked up in `scope`'s root first (the running editor's). Aborting
   * `signal` stops the run (see the README, Editor, "Stop"); a run stopped
   * before its turn does not run at all.
   */
  run(code: string, targetId: string, ask?: Ask, scope?: Node, signal?: AbortSignal): Promise<RunOutcome> {
    const outcome = this.#queue.then(() => this.#run(code, targetId, ask, scope, signal));
    this.#queue = outcome;
    return outcome;
  }

  /** An editor of this env is on the page. */
  attach(): void {
    this.#editors++;
  }

  /** An editor of this env left the page: the last one out stops the worker. */
  detach(): void {
    if (--this.#editors === 0) this.terminate();
    this.#releaseIfEmpty();
  }

  /** Stops the worker; the next run starts a new one, which runs the setup code again. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#starting = false;
    for (const setup of this.#setups) setup.ran = false;
  }

  #releaseIfEmpty(): void {
    if (this.#editors > 0 || this.#setups.size > 0 || this.released) return;
    this.terminate();
    this.released = true;
    this.#onEmpty();
  }

  /**
   * Starts the worker before the first run is asked for (the run button is
   * being pressed), so its interpreter boots meanwhile. Nothing when it is
   * started already, or cannot work on this page (the run says why).
   */
  warm(): void {
    if (this.#worker || this.released) return;
    void loadWorkers().then((workers) => {
      if (this.#worker || this.released || workers.cannotBlock(this.#options.serviceWorker)) return;
      this.#startWorker();
    });
  }

  async #run(code: string, targetId: string, ask: Ask | undefined, scope: Node | undefined, signal: AbortSignal | undefined): Promise<RunOutcome> {
    const configErrors: PyScriptError[] = [];
    if (signal?.aborted) return { error: stoppedError('The run was stopped before it started.'), configErrors };
    // Without a way for the worker to block on main, the editor cannot work: say why instead of hanging.
    const unavailable = (await loadWorkers()).cannotBlock(this.#options.serviceWorker);
    if (unavailable) return { error: unavailable, configErrors };
    const stopped = whenAborted(signal);
    const worker = this.#worker ?? this.#startWorker();
    if (this.#starting) {
      this.#starting = false; // the first run after a start waits for it and shows its config errors
      const failed = await Promise.race([worker.done, stopped]);
      if (failed === STOPPED) return { error: this.#replace(worker, 'The run was stopped while the interpreter started.'), configErrors };
      if (failed) {
        if (this.#worker === worker) this.#worker = undefined;
        return { error: failed, configErrors };
      }
      configErrors.push(...worker.configErrors);
    }
    for (const setup of this.#setups) {
      if (setup.ran) continue;
      setup.ran = true;
      let error: PyScriptError | undefined | typeof STOPPED;
      try {
        const { code: setupCode, targetId: setupTarget } = await setup.source;
        error = await Promise.race([worker.exec(setupCode, setupTarget), stopped]);
      } catch (caught) {
        error = toPyScriptError(caught);
      }
      if (error === STOPPED) return { error: this.#replace(worker, "The run was stopped while its env's setup code ran."), configErrors };
      if (error) return { error: new PyScriptError(error.code, `The setup code of this editor's env failed:\n${error.message}`, { cause: error }), configErrors };
    }
    this.#ask = ask;
    this.#lastTarget = targetId;
    this.#scope = scope && new WeakRef(scope);
    try {
      const exec = worker.exec(code, targetId);
      let error = await Promise.race([exec, stopped]);
      if (error === STOPPED) {
        // Interrupt where the interpreter can take it; code that does not answer in time loses its worker.
        const why = await worker.interruptWithin(exec, EditorEnv.gracePeriod);
        if (why) return { error: this.#replace(worker, `Stopped: ${why}, so this env's worker was replaced.`), configErrors };
        error = await exec;
      }
      return error ? { error, configErrors } : { configErrors };
    } finally {
      this.#ask = undefined;
    }
  }

  /** Starts the env's worker (its interpreter boots; no code runs until a run asks). */
  #startWorker(): LazyWorker {
    const { serviceWorker, config } = this.#options;
    this.#starting = true;
    return (this.#worker = new LazyWorker(this.kind, {
      code: '',
      config: config || undefined,
      configWhere: 'the config attribute',
      service_worker: serviceWorker || undefined,
      quiet: true,
      editor: true,
      findElement: (id) => this.#places.find(id, this.#scope?.deref()),
      // A callback's error (a `when` handler, a timer) shows in the output it belongs to, else in the last run's.
      onError: (error, id) => {
        const scope = this.#scope?.deref();
        const place = (id && this.#places.find(id, scope)) || this.#places.find(this.#lastTarget, scope);
        if (place) reportError(place, error);
        else console.error(error.message);
      },
      input: (prompt) => (this.#ask ? this.#ask(prompt) : globalThis.prompt(prompt)),
    }, this.#context));
  }

  /** How long stopped code has to answer `KeyboardInterrupt` before its worker is replaced, in ms. */
  static gracePeriod = 1500;

  /** Terminates `worker` (the env's): the next run starts a new one, which runs the setup code again. */
  #replace(worker: LazyWorker, message: string): PyScriptError {
    if (this.#worker === worker) this.terminate();
    else worker.terminate();
    const setup = this.#setups.size ? ' its setup code runs again before the next run' : ' the next run starts afresh';
    return stoppedError(`${message} Names defined in it are gone;${setup}.`);
  }
}

/** What `whenAborted` resolves to. */
const STOPPED = Symbol('stopped');

/** Resolves with {@link STOPPED} once `signal` aborts (never without one). */
const whenAborted = (signal: AbortSignal | undefined): Promise<typeof STOPPED> =>
  new Promise((resolve) => {
    if (signal?.aborted) resolve(STOPPED);
    else signal?.addEventListener('abort', () => resolve(STOPPED), { once: true });
  });

/** The error a stopped run ends with (the output shows it). */
const stoppedError = (message: string): PyScriptError => new PyScriptError(ErrorCode.WORKER, message);

/** The editor envs of one page. */
export class EditorEnvs {
  readonly #places: Places;
  readonly #context: WorkerContext;
  readonly #envs = new Map<string, EditorEnv>();
  #unnamed = 0;

  constructor(places: Places, context: WorkerContext) {
    this.#places = places;
    this.#context = context;
  }

  /** How many envs the page holds. */
  get size(): number {
    return this.#envs.size;
  }

  /**
   * The env named `name` for `kind` (a new one of its own when `name` is
   * empty). The page holds an env while an editor or setup of it is on the
   * page: once the last leaves, it forgets it.
   */
  get(kind: InterpreterKind, name: string): EditorEnv {
    const key = name ? `${kind}:${name}` : `${kind}:#${++this.#unnamed}`;
    let env = this.#envs.get(key);
    if (!env) {
      env = new EditorEnv(kind, this.#places, this.#context, () => {
        if (this.#envs.get(key) === env) this.#envs.delete(key);
      });
      this.#envs.set(key, env);
    }
    return env;
  }
}
