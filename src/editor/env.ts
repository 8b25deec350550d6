/**
 * Editor environments: the worker behind a group of editors. Editors with
 * the same `env` (and interpreter) share one worker, so names one run
 * defines are seen by the next; an editor without `env` has its own. The
 * worker starts on the first run (a page of editors downloads no
 * interpreter until asked), runs the env's `setup` code first, then every
 * run in order, each through {@link PythonWorker.exec}.
 * @packageDocumentation
 */
import { PyScriptError } from '../errors.js';
import { findPlace } from '../page/places.js';
import { toPyScriptError } from '../page/report.js';
import { PythonWorker, cannotBlock } from '../runtime/py-worker.js';
import type { InterpreterKind } from '../runtime/types.js';

/** What an editor brings to its env; the first editor that sets one wins. */
export interface EnvOptions {
  /** Inline TOML/JSON, or the URL of a `.toml`/`.json` file. */
  config?: string;
  /** URL of `dist/service-worker.js` (the fallback without SharedArrayBuffer). */
  serviceWorker?: string;
}

/** One run's outcome: the error that stopped it, and config entries that failed when the worker started. */
export interface RunOutcome {
  error?: PyScriptError;
  configErrors: PyScriptError[];
}

/** The shared worker of one env. */
export class EditorEnv {
  readonly kind: InterpreterKind;
  readonly #options: EnvOptions = {};
  readonly #setups: Promise<{ code: string; targetId: string }>[] = [];
  /** How many of `#setups` the current worker has run. */
  #setupsRun = 0;
  /** Editors of this env on the page (setup editors not counted). */
  #editors = 0;
  #worker?: PythonWorker;
  #queue: Promise<unknown> = Promise.resolve();
  /** Where the running code's output goes: `input()` asks there. */
  #place?: HTMLElement;

  constructor(kind: InterpreterKind) {
    this.kind = kind;
  }

  /** Records an editor's `config` and `service-worker` (used when the worker starts). */
  adopt(options: EnvOptions): void {
    this.#options.config ||= options.config;
    this.#options.serviceWorker ||= options.serviceWorker;
  }

  /** Adds setup code: it runs before the first run of this env (or the next one, once started), and again in each new worker. */
  addSetup(source: Promise<{ code: string; targetId: string }>): void {
    source.catch(() => undefined); // reported when it runs
    this.#setups.push(source);
  }

  /** Runs `code` after the runs before it; `display()` and `print` go to `targetId`. */
  run(code: string, targetId: string): Promise<RunOutcome> {
    const outcome = this.#queue.then(() => this.#run(code, targetId));
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
  }

  /** Stops the worker; the next run starts a new one, which runs the setup code again. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#setupsRun = 0;
  }

  async #run(code: string, targetId: string): Promise<RunOutcome> {
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
        findElement: findPlace,
        input: (prompt) => (this.#place?.isConnected ? askInline(this.#place, prompt) : globalThis.prompt(prompt)),
      });
      const failed = await worker.done;
      if (failed) {
        this.#worker = undefined;
        return { error: failed, configErrors };
      }
      configErrors.push(...worker.configErrors);
    }
    for (const setup of this.#setups.slice(this.#setupsRun)) {
      this.#setupsRun++;
      let error: PyScriptError | undefined;
      try {
        const { code: setupCode, targetId: setupTarget } = await setup;
        error = await worker.exec(setupCode, setupTarget);
      } catch (caught) {
        error = toPyScriptError(caught);
      }
      if (error) return { error: new PyScriptError(error.code, `The setup code of this editor's env failed:\n${error.message}`, { cause: error }), configErrors };
    }
    this.#place = findPlace(targetId) ?? undefined;
    try {
      const error = await worker.exec(code, targetId);
      return error ? { error, configErrors } : { configErrors };
    } finally {
      this.#place = undefined;
    }
  }
}

/**
 * `input()` in an editor: a text field in the output area, after what the
 * code printed so far. Enter answers; Escape answers nothing (`EOFError` in
 * Python). The field then turns into a line of output, the prompt and the
 * answer, as a terminal would show them.
 */
function askInline(place: HTMLElement, prompt: string): Promise<string | null> {
  const line = document.createElement('div');
  line.className = 'py-editor-input';
  const label = document.createElement('label');
  const field = document.createElement('input');
  field.type = 'text';
  field.setAttribute('aria-label', prompt.trim() || 'Input');
  label.append(prompt, field);
  line.append(label);
  place.append(line);
  field.focus();
  return new Promise((resolve) => {
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      const answer = event.key === 'Enter' ? field.value : null;
      line.replaceWith(`${prompt}${answer ?? ''}\n`); // a line of output, like print's
      resolve(answer);
    });
  });
}

const envs = new Map<string, EditorEnv>();
let unnamed = 0;

/** The env named `name` for `kind` (a new one of its own when `name` is empty). */
export function editorEnv(kind: InterpreterKind, name: string): EditorEnv {
  const key = name ? `${kind}:${name}` : `${kind}:#${++unnamed}`;
  let env = envs.get(key);
  if (!env) envs.set(key, (env = new EditorEnv(kind)));
  return env;
}
