/**
 * The shared base of `<py-script>` and `<mpy-script>`: the HTML attributes
 * and the promise twins of the lifecycle events. Script-like elements keep
 * light DOM and render nothing; they are the output place of their code.
 */
import { ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { InterpreterKind } from '../runtime/types.js';
import { InterpreterController, type ScriptHost } from './interpreter-controller.js';
import { pageOf } from '../page/page.js';

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

  /** Resolves after bootstrap, just before the code runs; rejects if bootstrap failed. */
  get ready(): Promise<void> {
    return this.#controller.ready;
  }

  /** Resolves once the code has finished, with or without an error. */
  get done(): Promise<void> {
    return this.#controller.done;
  }

  /** Keep the user's markup: no shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
