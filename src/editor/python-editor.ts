/**
 * The shared base of `<py-editor>` and `<mpy-editor>` (and of
 * `<script type="py-editor">`, which gets one of them right after it): a
 * CodeMirror editor with a run button and an output area, whose code always
 * runs in a web worker. The element itself lives in `core.js` and is small;
 * CodeMirror comes from `dist/editor.js`, imported when the first editor
 * connects. The worker is its env's (`page/editor-env.ts`), started on the
 * first run.
 */
import { css, ReactiveElement } from '@lit/reactive-element';
import { property } from '@lit/reactive-element/decorators.js';
import { ErrorCode, PyScriptError } from '../errors.js';
import type { EditorEnv } from '../page/editor-env.js';
import { emit } from '../page/events.js';
import { pageOf } from '../page/page.js';
import { prefixOf } from '../page/prefix.js';
import { reportError, toPyScriptError } from '../page/report.js';
import { clearContent, elementCode } from '../page/script-tags.js';
import { dedent } from '../runtime/dedent.js';
import { importLazy } from '../runtime/lazy.js';
import { baseUrl, fetchText } from '../runtime/fetch-progress.js';
import type { InterpreterKind } from '../runtime/types.js';
import { askInline } from './ask-inline.js';
import { noteRun, whenQuiet } from './quiet.js';
import type { CodeView } from './view.js';

type ViewModule = typeof import('./view.js');
let viewModule: Promise<ViewModule> | undefined;

/** `dist/editor.js` (the sources' `view.ts` when served unbundled), once per page. */
const loadView = (): Promise<ViewModule> => (viewModule ??= importLazy<ViewModule>('editor', '../editor/view.ts'));

export abstract class PythonEditorElement extends ReactiveElement {
  static override styles = css`
    :host { display: block; }
    :host([setup]) { display: none; }
    .box { position: relative; border: 1px solid #8888; border-radius: 4px; }
    .code { min-height: 2.5em; }
    .code pre { margin: 0; padding: 4px 2.5em 4px 8px; font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
    button { position: absolute; top: 4px; right: 4px; z-index: 1; min-width: 2em; min-height: 2em; border: 1px solid #8888; border-radius: 4px; background: Canvas; color: CanvasText; cursor: pointer; }
  `;

  /** URL of a Python file to show instead of the inline text. */
  @property() src = '';
  /** Id of the element `display()` and `print` write to, instead of the output area under the editor. */
  @property() target = '';
  /** Editors with the same `env` (and type) share one worker; without it an editor has its own. */
  @property() env = '';
  /** A hidden editor: its code runs first in its env, before the first run there. */
  @property({ type: Boolean }) setup = false;
  /** Inline TOML/JSON config, or the URL of a `.toml`/`.json` file, for the env's worker. */
  @property() config = '';
  /** URL of `dist/service-worker.js`: the fallback for pages without SharedArrayBuffer. */
  @property({ attribute: 'service-worker' }) serviceWorker = '';

  readonly kind: InterpreterKind;
  #code = '';
  /** True once `code` was set from JavaScript: the source read on connect does not overwrite it. */
  #codeSet = false;
  #source?: Promise<{ code: string; targetId: string }>;
  #view?: CodeView;
  #env?: EditorEnv;
  #output?: HTMLElement;
  /** Where CodeMirror mounts. */
  #holder?: HTMLElement;
  /** Takes a setup editor's code out of its env again (see {@link EditorEnv.addSetup}). */
  #removeSetup?: () => void;
  /** Counted among its env's editors (see {@link EditorEnv.attach}). */
  #attached = false;
  #button?: HTMLButtonElement;
  #runs: Promise<unknown> = Promise.resolve();
  /** One per run asked for and not yet finished: {@link stop} aborts them all. */
  readonly #pending = new Set<AbortController>();

  constructor(kind: InterpreterKind) {
    super();
    this.kind = kind;
  }

  /** The `<script type="py-editor">` this element stands for, if any. */
  get sourceScript(): HTMLScriptElement | null {
    return pageOf(this).scripts.sourceOf(this);
  }

  /** The code in the editor. Setting it replaces the text. */
  get code(): string {
    return this.#view?.code ?? this.#code;
  }

  set code(code: string) {
    this.#code = code;
    this.#codeSet = true;
    this.#view?.setCode(code);
    const pre = this.renderRoot?.querySelector('.code pre');
    if (pre) pre.textContent = code;
  }

  /**
   * Runs the code in the env's worker (the run button, Shift+Enter and
   * Ctrl/Cmd+Enter do the same), after the runs already asked for. The
   * previous output is cleared; an error is shown in the output area.
   * `py-editor:done` is dispatched when it finishes (on MicroPython
   * editors after `mpy-editor:done`).
   * @returns resolves when the run is done: with `undefined`, or the error that stopped it (never rejects)
   */
  run(): Promise<PyScriptError | undefined> {
    const controller = new AbortController();
    this.#pending.add(controller);
    this.#showRunning();
    const result = this.#runs.then(() => this.#run(controller));
    this.#runs = result;
    noteRun(result); // CodeMirror views wait for it
    return result;
  }

  /**
   * Stops this editor's run (the Stop button does the same), and drops the
   * runs asked for after it. On Pyodide with SharedArrayBuffer the code gets
   * a `KeyboardInterrupt` and the env keeps its names; code that does not
   * stop within a moment (or MicroPython, or a page without
   * SharedArrayBuffer) loses its env's worker instead: a new one starts on
   * the next run and runs the env's setup code again. The output says which.
   * @returns resolves once the runs are over
   */
  async stop(): Promise<void> {
    for (const controller of this.#pending) controller.abort();
    await this.#runs;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const page = pageOf(this);
    page.places.register(this);
    if (!this.#source) {
      this.#source = this.#readSource();
      this.#source.catch(() => undefined); // shown by #run
      if (!this.setup) {
        this.#exposeOnScript();
        void this.#mount();
      }
    } else if (!this.setup && !this.#view && this.#holder) {
      void this.#showView(this.#holder); // back on the page after a removal
    }
    // The page forgets an env once its last editor has left: back on the page, get it anew.
    if (!this.#env || this.#env.released) {
      this.#env = page.editorEnvs.get(this.kind, this.env);
      this.#env.adopt({ config: this.config, serviceWorker: this.serviceWorker });
    }
    if (this.setup) {
      this.#removeSetup ??= this.#env.addSetup(this.#source);
    } else if (!this.#attached) {
      this.#attached = true;
      this.#env.attach();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (this.isConnected) return; // only moved
      if (this.#view) this.#code = this.#view.code;
      this.#view?.destroy();
      this.#view = undefined;
      if (this.#attached) {
        // The last editor of an env to leave stops its worker.
        this.#attached = false;
        this.#env?.detach();
      }
      // A setup editor's code no longer runs in its env's new workers.
      this.#removeSetup?.();
      this.#removeSetup = undefined;
    });
  }

  /** Builds the box, the run button and the output area; CodeMirror replaces the plain text once loaded. */
  async #mount(): Promise<void> {
    const root = this.renderRoot as ShadowRoot;
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('part', 'box');
    const holder = document.createElement('div');
    holder.className = 'code';
    const pre = document.createElement('pre');
    holder.append(pre);
    const button = (this.#button = document.createElement('button'));
    button.type = 'button';
    button.setAttribute('part', 'run');
    button.addEventListener('click', () => void (this.#pending.size ? this.stop() : this.run()));
    // A press is a click on its way (~100 ms before it): the worker starts booting now. Hover and
    // focus are no such promise (tabbing through a page of editors would start a worker for each).
    button.addEventListener('pointerdown', () => {
      if (!this.#pending.size) this.#env?.warm();
    });
    this.#showRunning();
    box.append(holder, button);
    root.append(box, document.createElement('slot'));
    if (!this.id) this.id = `${prefixOf(this.kind)}-editor-${pageOf(this).nextId('editor')}`;
    const output = (this.#output = document.createElement('div'));
    output.className = 'py-editor-output';
    // A live region: screen readers read new output as it comes, without moving focus.
    output.setAttribute('role', 'log');
    output.setAttribute('aria-live', 'polite');
    output.setAttribute('aria-label', 'Output');
    output.id = `${this.id}-output`;
    this.append(output);

    let code: string;
    try {
      ({ code } = await this.#source!);
    } catch (error) {
      reportError(output, error as PyScriptError);
      return;
    }
    if (!this.#codeSet) this.#code = code;
    pre.textContent = this.#code;
    this.#holder = holder;
    this.#showViewSoon(holder, pre);
  }

  /**
   * CodeMirror takes over from the plain text when the editor comes near
   * the viewport (in idle time, after the runs going on: see `quiet.ts`),
   * or at once when its text gets focus: a page of many editors shows all
   * their code at once and builds only the views someone can see.
   */
  #showViewSoon(holder: HTMLElement, pre: HTMLElement): void {
    if (typeof IntersectionObserver !== 'function') return void this.#showView(holder);
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', this.#label);
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void whenQuiet().then(() => this.#showView(holder, true));
    }, { rootMargin: '200px' });
    observer.observe(holder);
    pre.addEventListener('focus', () => {
      observer.disconnect();
      void this.#showView(holder).then(() => this.#view?.focus());
    }, { once: true });
  }

  get #label(): string {
    return `${this.kind === 'pyodide' ? 'Python' : 'MicroPython'} code`;
  }

  /**
   * Replaces the plain text in `holder` with CodeMirror (once `dist/editor.js` is in).
   * @param lazily nobody is waiting for it: build it when {@link whenQuiet} says so
   */
  async #showView(holder: HTMLElement, lazily = false): Promise<void> {
    const { createCodeView } = await loadView();
    // The module's evaluation took a turn; building the view takes another.
    if (lazily) await whenQuiet();
    if (!this.isConnected || this.#view) return;
    holder.replaceChildren();
    this.#view = createCodeView({
      parent: holder,
      root: this.renderRoot as ShadowRoot,
      code: this.#code,
      onRun: () => void this.run(),
      label: this.#label,
    });
  }

  /** The run button is a Stop button while a run of this editor is asked for or going. */
  #showRunning(): void {
    const button = this.#button;
    if (!button) return;
    const running = this.#pending.size > 0;
    button.textContent = running ? '■' : '▶';
    button.setAttribute('aria-label', running ? 'Stop' : 'Run');
    button.title = running ? 'Stop' : 'Run (Shift+Enter)';
  }

  async #run(controller: AbortController): Promise<PyScriptError | undefined> {
    const { signal } = controller;
    const place = this.#outputPlace();
    let error: PyScriptError | undefined;
    try {
      if (!this.#env) throw new PyScriptError(ErrorCode.PYTHON, 'Add the editor to the page before running it.');
      await this.#source;
      place?.replaceChildren();
      // input() asks in the output place while it is on the page, else with window.prompt.
      const ask = place && ((prompt: string) => (place.isConnected ? askInline(place, prompt) : globalThis.prompt(prompt)));
      const outcome = await this.#env.run(this.code, place?.id ?? '', ask, this, signal);
      for (const configError of outcome.configErrors) if (place) reportError(place, configError);
      error = outcome.error;
    } catch (caught) {
      error = toPyScriptError(caught);
    }
    // Back to Run before the done event: a listener may run again at once.
    this.#pending.delete(controller);
    this.#showRunning();
    if (error) {
      if (place) reportError(place, error);
      else console.error(error.message);
    }
    // PyScript fires py-editor:done for every editor; MicroPython ones also get mpy-editor:done (first).
    const target = this.sourceScript ?? this;
    if (this.kind === 'micropython') emit(target, 'mpy-editor:done', error ? { error } : {});
    emit(target, 'py-editor:done', error ? { error } : {});
    return error;
  }

  /** The `target` attribute as an id (`#` optional there). */
  get #targetId(): string {
    return this.target.replace(/^#/, '');
  }

  /** Where a run's output goes: the `target` element, else the output area. */
  #outputPlace(): HTMLElement | undefined {
    const target = this.#targetId && pageOf(this).places.find(this.#targetId, this);
    return target || this.#output;
  }

  /** Reads the code once: the `<script>`'s text, the element's text (then cleared), or `src`. */
  async #readSource(): Promise<{ code: string; targetId: string }> {
    const script = this.sourceScript;
    const targetId = this.#targetId;
    const src = script ? script.getAttribute('src') ?? '' : this.src;
    let code: string;
    if (script) {
      code = script.textContent ?? '';
    } else {
      code = elementCode(this);
      clearContent(this);
    }
    // A file is shown as it is; inline code loses the blank lines around it, which only the markup needed.
    if (src) return { code: await fetchCode(src), targetId };
    return { code: dedent(code).replace(/^\s*\n/, '').trimEnd(), targetId };
  }

  /** `<script type="py-editor">` gets `code` and `run()` too, which forward here. */
  #exposeOnScript(): void {
    const script = this.sourceScript;
    if (!script || 'run' in script) return;
    const editor = this;
    Object.defineProperties(script, {
      code: { configurable: true, get: () => editor.code, set: (code: string) => (editor.code = code) },
      run: { configurable: true, value: () => editor.run() },
      stop: { configurable: true, value: () => editor.stop() },
    });
  }
}

const fetchCode = (src: string): Promise<string> => fetchText(new URL(src, baseUrl()).href, '');
