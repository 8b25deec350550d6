/**
 * Editor environments: the worker behind a group of editors, page state
 * shared by the editor elements. Editors with the same `env` (and
 * interpreter) share one worker, so names one run defines are seen by the
 * next; an editor without `env` has its own. The worker starts on the first
 * run (a page of editors downloads no interpreter until asked), runs the
 * env's `setup` code first, then every run in order, each through
 * {@link PythonWorker.exec}.
 * @packageDocumentation
 */
import { PyScriptError } from '../errors.js';
import { PythonWorker, cannotBlock, type WorkerContext } from '../runtime/py-worker.js';
import type { InterpreterKind } from '../runtime/types.js';
import type { Places } from './places.js';
import { toPyScriptError } from './report.js';

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
  #worker?: PythonWorker;
  #queue: Promise<unknown> = Promise.resolve();
  /** How the running code's `input()` is answered (the running editor's), if any. */
  #ask?: Ask;
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
   * looked up in `scope`'s root first (the running editor's).
   */
  run(code: string, targetId: string, ask?: Ask, scope?: Node): Promise<RunOutcome> {
    const outcome = this.#queue.then(() => this.#run(code, targetId, ask, scope));
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
    for (const setup of this.#setups) setup.ran = false;
  }

  #releaseIfEmpty(): void {
    if (this.#editors > 0 || this.#setups.size > 0 || this.released) return;
    this.terminate();
    this.released = true;
    this.#onEmpty();
  }

  async #run(code: string, targetId: string, ask: Ask | undefined, scope: Node | undefined): Promise<RunOutcome> {
    const configErrors: PyScriptError[] = [];
    const { serviceWorker, config } = this.#options;
    // Without a way for the worker to block on main, the editor cannot work: say why instead of hanging.
    const unavailable = cannotBlock(serviceWorker);
    if (unavailable) return { error: unavailable, configErrors };
    let worker = this.#worker;
    if (!worker) {
      worker = this.#worker = new PythonWorker(this.kind, {
        code: '',
        config: config || undefined,
        configWhere: 'the config attribute',
        service_worker: serviceWorker || undefined,
        quiet: true,
        findElement: (id) => this.#places.find(id, this.#scope?.deref()),
        input: (prompt) => (this.#ask ? this.#ask(prompt) : globalThis.prompt(prompt)),
      }, this.#context);
      const failed = await worker.done;
      if (failed) {
        this.#worker = undefined;
        return { error: failed, configErrors };
      }
      configErrors.push(...worker.configErrors);
    }
    for (const setup of this.#setups) {
      if (setup.ran) continue;
      setup.ran = true;
      let error: PyScriptError | undefined;
      try {
        const { code: setupCode, targetId: setupTarget } = await setup.source;
        error = await worker.exec(setupCode, setupTarget);
      } catch (caught) {
        error = toPyScriptError(caught);
      }
      if (error) return { error: new PyScriptError(error.code, `The setup code of this editor's env failed:\n${error.message}`, { cause: error }), configErrors };
    }
    this.#ask = ask;
    this.#scope = scope && new WeakRef(scope);
    try {
      const error = await worker.exec(code, targetId);
      return error ? { error, configErrors } : { configErrors };
    } finally {
      this.#ask = undefined;
    }
  }
}

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
