/**
 * The main-thread side of a `worker` script (`<script type="py" worker>`,
 * `<py-script worker>`, …): the controller hands over here. It starts a
 * worker ({@link LazyWorker}) with the element's code, config, name and service
 * worker, fires `:ready` with `detail.worker` when the worker's interpreter is
 * up, and settles when the worker's code has finished or crashed. Removing
 * the element terminates the worker (the controller does it).
 */
import type { PyScriptError } from '../errors.js';
import { LazyWorker } from '../runtime/worker-context.js';
import type { InterpreterKind, Progress } from '../runtime/types.js';
import type { Page } from '../page/page.js';
import { reportError } from '../page/report.js';
import type { ScriptTerminal } from './script-terminal.js';

/** The element attributes a worker script reads. */
export interface WorkerScriptHost extends HTMLElement {
  async: boolean;
  name: string;
  config: string;
  serviceWorker: string;
  readonly sourceScript: HTMLScriptElement | null;
}

/** What the controller learns while the worker runs. */
export interface WorkerScriptCallbacks {
  /** The worker's interpreter is up; its code is about to run. */
  ready(worker: Worker): void;
  /** A config entry failed to load in the worker (the code still runs). */
  configError(error: PyScriptError): void;
  /** Download progress of the worker's interpreter, `files` and `packages`. */
  progress(progress: Progress): void;
}

/** One running worker script. */
export class WorkerScript {
  readonly handle: LazyWorker;
  readonly #host: WorkerScriptHost;
  readonly #page: Page;
  #progress?: (progress: Progress) => void;

  constructor(page: Page, kind: InterpreterKind, host: WorkerScriptHost, code: { code: string; filename?: string }, targetId: string, terminal?: ScriptTerminal) {
    this.#page = page;
    this.#host = host;
    // Properties, not attributes: frameworks set them (a `<script>`'s attributes were copied to its host).
    this.handle = new LazyWorker(kind, {
      code: code.code,
      url: code.filename,
      async: host.async,
      name: host.name || undefined,
      config: host.config || undefined,
      configWhere: 'the config attribute',
      // Without its own, a worker script uses the page's main config of its type, as in PyScript.
      defaultConfig: host.config ? undefined : page.configs.main(kind),
      service_worker: host.serviceWorker || undefined,
      targetId,
      quiet: true,
      onProgress: (progress) => this.#progress?.(progress),
      findElement: (id) => page.places.find(id, host) ?? this.#showHost(id),
      element: host.sourceScript ?? host,
      onError: (error, id) => reportError((id && page.places.find(id, host)) || page.places.find(targetId, host) || this.#shownHost(), error),
      ...(terminal && { terminal: true, input: (prompt: string) => terminal.readLine(prompt) }),
    }, page.workerContext);
    terminal?.serve(this.handle);
  }

  /** The first `display()` without a target: place the `<script>`'s host (see `ScriptTags.show`). */
  #showHost(id: string): HTMLElement | null {
    const host = this.#host;
    if (!host.sourceScript || host.id !== id) return null;
    this.#page.scripts.show(host);
    return host.isConnected ? host : null;
  }

  /** The host, placed in the page first when it is a worker `<script>`'s (an error of a callback shows there). */
  #shownHost(): HTMLElement {
    this.#page.scripts.show(this.#host);
    return this.#host;
  }

  /** How long interrupted code has to answer `KeyboardInterrupt` before its worker is terminated, in ms (as editors'). */
  static gracePeriod = 1500;

  /**
   * Stops the worker's code while it runs: a `KeyboardInterrupt` where the
   * interpreter can take it (Pyodide with SharedArrayBuffer); code that does
   * not end within {@link gracePeriod}, or cannot be interrupted, loses its
   * worker, and the script's error says why.
   * @returns resolves once the code has stopped: true, or false when it had finished already (nothing is done then)
   */
  async interrupt(): Promise<boolean> {
    const { handle } = this;
    if (this.#finished) return false;
    const why = await handle.interruptWithin(handle.done, WorkerScript.gracePeriod);
    if (why) handle.terminate(`Stopped: ${why}, so the worker was terminated.`);
    return true;
  }

  #finished = false;

  /**
   * Runs until the worker's code has finished.
   * @throws PyScriptError the Python error that stopped it, or `WORKER` when it crashed or was terminated
   */
  async run(callbacks: WorkerScriptCallbacks): Promise<void> {
    const { handle } = this;
    this.#progress = callbacks.progress;
    const ready = handle.ready.then(
      () => {
        for (const error of handle.configErrors) callbacks.configError(error);
        callbacks.ready(handle.worker!); // started: ready resolved
      },
      () => undefined, // `done` carries the error
    );
    const error = await handle.done;
    this.#finished = true;
    await ready;
    if (error) throw error;
  }
}
