/**
 * The shared base of `<py-script>` and `<mpy-script>`: the HTML attributes
 * and the promise twins of the lifecycle events. Script-like elements keep
 * light DOM and render nothing; they are the output place of their code.
 */
import { ReactiveElement, type PropertyValues } from '@lit/reactive-element';
import { property } from '@lit/reactive-element/decorators.js';
import type { InterpreterKind } from '../runtime/types.js';
import { InterpreterController, type ScriptHost } from './interpreter-controller.js';
import { pageOf } from '../page/page.js';

/** What a changed property makes a worker script do: restart in a new worker. */
const workerRestarts = new Set(['src', 'config', 'name', 'serviceWorker', 'worker', 'async', 'target']);
/** What makes a main-thread script run again (its config is the page's, read once). */
const mainRestarts = new Set(['src', 'worker']);
/** The `async` attribute: present means async, except `async="false"` (`0`, `no`), as PyScript reads it. */
const isAsyncAttribute = (value: string | null): boolean => value !== null && !/^(?:false|0|no)$/i.test(value.trim());

export abstract class PythonScriptElement extends ReactiveElement implements ScriptHost {
  /** URL of a Python file to run instead of the inline text. */
  @property() src = '';
  /** Id of the element `display()` writes to by default. */
  @property() target = '';
  /** Allow top-level `await` (detected automatically when the code uses `await`); `async="false"` (or `0`, `no`) is not async, as in PyScript. */
  @property({ type: Boolean, converter: { fromAttribute: isAsyncAttribute } }) async = false;
  /** Run the code in a dedicated web worker. */
  @property({ type: Boolean }) worker = false;
  /** Name of the worker, reachable as `pyscript.workers[name]`. */
  @property() name = '';
  /** Inline TOML/JSON config, or the URL of a `.toml`/`.json` file. */
  @property() config = '';
  /** URL of the service worker used for sync calls without SharedArrayBuffer. */
  @property({ attribute: 'service-worker' }) serviceWorker = '';
  /** The interpreter's own API (Pyodide's `pyodide`, MicroPython's `mp`), once ready. */
  interpreter: unknown = undefined;

  #controller: InterpreterController;
  #terminal?: object;
  #process?: (code: string) => Promise<void>;

  /**
   * The `terminal` attribute: the script's `print` and errors go to an
   * xterm.js terminal (with `input()` and a REPL in a worker). Once the
   * terminal is open, reads as its xterm.js `Terminal`, as PyScript's
   * `script.terminal` does; before, as whether the attribute is there.
   * Setting it sets the attribute (read once, on first connect).
   */
  get terminal(): boolean | object {
    return this.#terminal ?? this.hasAttribute('terminal');
  }

  set terminal(value: boolean | object) {
    this.toggleAttribute('terminal', Boolean(value));
  }

  /** Types `code` into the script's terminal line by line (PyScript's `script.process`), e.g. for its REPL. */
  process(code: string): Promise<void> {
    if (!this.#process) return Promise.reject(new Error('This script has no terminal open (see the terminal attribute).'));
    return this.#process(code);
  }

  /** The controller opened the script's terminal: `terminal` and `process` on this element and its `<script>`. */
  terminalOpened(terminal: object, process: (code: string) => Promise<void>): void {
    this.#terminal = terminal;
    this.#process = process;
    const script = this.sourceScript;
    if (script) Object.defineProperties(script, { terminal: { value: terminal, configurable: true }, process: { value: process, configurable: true } });
  }

  constructor(kind: InterpreterKind) {
    super();
    this.#controller = new InterpreterController(this, kind);
  }

  /** The `<script type="py">` this element stands for, if any. */
  get sourceScript(): HTMLScriptElement | null {
    return pageOf(this).scripts.sourceOf(this);
  }

  /** @internal False for an element that must not run when it connects (see `<script-py>`). */
  get runnable(): boolean {
    return true;
  }

  /** @internal Starts the code of a host that stays out of the page until it shows something (a worker `<script>`'s). */
  start(): void {
    this.#controller.start();
  }

  /** @internal Its `<script>` left the page: stops its worker. */
  sourceRemoved(): void {
    this.#controller.hostDisconnected();
  }

  /**
   * Stops a worker script's code while it runs. On Pyodide, on a page with
   * SharedArrayBuffer, the code gets a `KeyboardInterrupt` (its traceback is
   * the script's error, unless it catches it); code that has not ended 1.5 s
   * later, MicroPython code and code on a page without SharedArrayBuffer lose
   * their worker instead, and the script's error box says so. `:done` follows
   * either way. The `<script>` tag has the same `interrupt()`.
   * @returns resolves once the code has stopped, with true; with false when there was nothing to stop (not a worker script, or its code had not started or had finished)
   */
  interrupt(): Promise<boolean> {
    return this.#controller.interrupt();
  }

  /** Resolves after bootstrap, just before the code runs; rejects if bootstrap failed. */
  get ready(): Promise<void> {
    return this.#controller.ready;
  }

  /** Resolves once the code has finished, with or without an error. */
  get done(): Promise<void> {
    return this.#controller.done;
  }

  /**
   * A property changed after the element connected: a worker script
   * restarts (`src`, `config`, `name`, `service-worker`, `worker`, `async`,
   * `target`: its worker is replaced by a new one), a main-thread script runs
   * again for a new `src` or `worker`; other changes are used by the next run.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#updatedOnce) {
      this.#updatedOnce = true; // the values it connected with
      return;
    }
    const restarts = this.worker ? workerRestarts : mainRestarts;
    if ([...changed.keys()].some((key) => restarts.has(key as string))) this.#controller.restart(changed.has('src'));
  }

  #updatedOnce = false;

  /** Keep the user's markup: no shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
