/**
 * The lifecycle of one script element, as a lit `ReactiveController`: read
 * the source once on first connect, boot (or share) the interpreter, fire
 * `:ready`, run the code between the hooks, report errors on the page, fire
 * `:done`. `<script type="py">` tags reach it through the `<script-py>` host
 * that `script-tags.ts` makes for them, so there is one lifecycle.
 */
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { PyScriptError } from '../errors.js';
import { isAsyncCode } from '../runtime/async-code.js';
import { dedent } from '../runtime/dedent.js';
import { baseUrl, fetchText } from '../runtime/fetch-progress.js';
import { joinCode, type HookCallback } from '../runtime/hooks.js';
import { exitCodeOf } from '../runtime/traceback.js';
import type { Interpreter, InterpreterKind } from '../runtime/types.js';
import { emit } from '../page/events.js';
import type { MainInterpreter } from '../page/main-interpreters.js';
import { pageOf, type Page } from '../page/page.js';
import type { TerminalView } from '../terminal/view.js';
import { prefixOf } from '../page/prefix.js';
import { reportError, toPyScriptError } from '../page/report.js';
import { clearContent, elementCode } from '../page/script-tags.js';
import { ScriptTerminal } from './script-terminal.js';
import { WorkerScript, type WorkerScriptHost } from './worker-script.js';

/** What the controller needs from its element. */
export interface ScriptHost extends ReactiveControllerHost, HTMLElement {
  src: string;
  target: string;
  async: boolean;
  worker: boolean;
  /** The `<script type="py">` this element stands for, if any. */
  readonly sourceScript: HTMLScriptElement | null;
  /** False for an element that never runs code (a hand-written `<script-py>`). */
  readonly runnable: boolean;
  /** The interpreter's own API, set before `:ready`. */
  interpreter: unknown;
  /** The script's terminal is open (the `terminal` attribute): its xterm.js `Terminal`, and how to type into it. */
  terminalOpened(terminal: object, process: (code: string) => Promise<void>): void;
}

/** Resolves once the HTML parser has finished with `document`, so element text is complete. */
const parsed = (document: Document): Promise<void> =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();

/** How one attempt to run the code ended: it ran (or failed), or the element had left the page first. */
type Outcome = 'ran' | 'cancelled';

export class InterpreterController implements ReactiveController {
  readonly kind: InterpreterKind;
  /** Resolves after bootstrap, just before the code runs; rejects if bootstrap failed. */
  ready!: Promise<void>;
  /** Resolves after the code has finished, with or without an error. */
  done!: Promise<void>;
  #host: ScriptHost;
  /** An attempt to run is under way. */
  #running = false;
  /** The code ran (to its end, an error, or its worker's termination). */
  #ran = false;
  /** The element left the page and its worker was terminated: back on the page, it runs again. */
  #stopped = false;
  /** Put back while its stopped worker's run was still settling: run again once it has. */
  #again = false;
  /** The code, read once (the element's text is cleared then). */
  #source?: Promise<{ code: string; filename?: string }>;
  #worker?: WorkerScript;
  /** The script's terminal (the `terminal` attribute), once opened; disposed when the script leaves the page. */
  #terminal?: ScriptTerminal;
  /** Points the main-thread interpreter's output away from {@link #terminal} again, if it still goes there. */
  #detachTerminal?: () => void;
  /** The element's inline code, as read on the first run. */
  #inline?: string;
  #resolveReady!: () => void;
  #rejectReady!: (error: unknown) => void;
  #resolveDone!: () => void;

  constructor(host: ScriptHost, kind: InterpreterKind) {
    this.#host = host;
    this.kind = kind;
    this.#renew();
    host.addController(this);
  }

  /** Fresh `ready` and `done` promises, for the first run and each run after a restart. */
  #renew(): void {
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Callers who only await `done` must not see an unhandled rejection.
    this.ready.catch(() => undefined);
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  /**
   * Runs the code when the element first connects. Put back after a
   * removal: a worker script, whose worker the removal terminated, runs
   * again; a main-thread script that ran does not (its output is still in
   * it, its names in the shared interpreter); one that was removed before
   * its turn came runs now.
   */
  hostConnected(): void {
    this.#page.startScript(this.#host, () => this.start());
  }

  /** {@link hostConnected}'s start, also called for a host that is not in the page (a worker `<script>`'s, see `ScriptTags`). */
  start(): void {
    if (!this.#host.runnable) return;
    if (this.#running) {
      if (this.#stopped) this.#again = true;
      return;
    }
    if (this.#ran && !this.#stopped) return;
    this.#launch();
  }

  /**
   * The element left the page (not only moved): a worker script's worker is
   * terminated. For a `<script>`'s host, which is only its output place,
   * what counts is the `<script>` (`sourceRemoved()` calls this when it goes).
   */
  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.#inPage) return;
      this.#closeTerminal();
      if (!this.#worker) return;
      this.#worker.handle.terminate();
      this.#worker = undefined;
      this.#stopped = true;
    });
  }

  /**
   * Runs the code again (a property changed): a running worker is
   * terminated and replaced. Before the first run, or off the page, nothing.
   * @param reread the source changed (`src`): read it again
   */
  restart(reread: boolean): void {
    if (reread && (this.#ran || this.#running)) this.#source = undefined;
    if (!this.#inPage || (!this.#ran && !this.#running)) return;
    if (this.#worker) {
      this.#worker.handle.terminate();
      this.#worker = undefined;
    }
    if (this.#running) this.#again = true;
    else this.#launch();
  }

  /** Disposes of the script's terminal; a main-thread interpreter whose output went there writes as without one again. */
  #closeTerminal(): void {
    this.#detachTerminal?.();
    this.#detachTerminal = undefined;
    this.#terminal?.dispose();
    this.#terminal = undefined;
  }

  /**
   * Stops a worker script's code while it runs (see `WorkerScript.interrupt`).
   * @returns true once it stopped; false when there was nothing to stop (a main-thread script, code not started or finished)
   */
  interrupt(): Promise<boolean> {
    return this.#worker?.interrupt() ?? Promise.resolve(false);
  }

  /** The script is on the page: the element, or the `<script>` it stands for. */
  get #inPage(): boolean {
    return (this.#host.sourceScript ?? this.#host).isConnected;
  }

  #launch(): void {
    if (this.#ran) {
      this.#renew();
      clearContent(this.#host); // the previous run's output
    }
    this.#ran = this.#stopped = this.#again = false;
    this.#running = true;
    const page = this.#page;
    page.places.register(this.#host);
    page.allDone.track(this.#attempt(page));
  }

  /** One attempt; settles when the code ran or the attempt was given up (for `py:all-done`). */
  async #attempt(page: Page): Promise<void> {
    const outcome = await this.#start(page);
    this.#running = false;
    if (outcome === 'ran') this.#ran = true;
    // Back on the page meanwhile: removed before its turn, or its worker stopped while settling.
    if ((outcome === 'cancelled' || this.#again) && this.#inPage) this.#launch();
  }

  /** The state of the host's document. */
  get #page(): Page {
    return pageOf(this.#host);
  }

  /** The element events are dispatched on: the `<script>` when there is one. */
  get eventTarget(): Element {
    return this.#host.sourceScript ?? this.#host;
  }

  /** Id of the element `display()` writes to by default. */
  get targetId(): string {
    const host = this.#host;
    if (host.target) return host.target.replace(/^#/, '');
    if (!host.id) host.id = `${prefixOf(this.kind)}-${this.#page.nextId('script')}`;
    return host.id;
  }

  /** Boots (or shares) the interpreter and runs the code, unless the element has left the page before its turn. */
  async #start(page: Page): Promise<Outcome> {
    const host = this.#host;
    const prefix = prefixOf(this.kind);
    let failure: PyScriptError | undefined;
    let outcome: Outcome = 'ran';
    let exit: { code: number; message?: string } | undefined;
    let terminal: ScriptTerminal | undefined;
    try {
      await parsed(page.document);
      const source = (this.#source ??= this.#readSource());
      source.catch(() => undefined); // awaited below, after boot; not unhandled
      // Opened first: xterm.js loads while the interpreter does.
      if (host.hasAttribute('terminal') && host.isConnected) {
        this.#closeTerminal(); // a run before this one's
        terminal = this.#terminal = await this.#openTerminal(page);
        // Removed while xterm.js loaded: hostDisconnected found no terminal yet.
        if (!this.#inPage) this.#closeTerminal();
      }
      if (host.worker) {
        await source.catch(() => undefined); // a failed fetch is reported by the run
        if (!this.#inPage) return (outcome = 'cancelled');
        await this.#applyMainPlugins(page);
        return (outcome = await this.#runWorker(page, source, terminal));
      }
      if (!this.#inPage) return (outcome = 'cancelled');
      const main = page.interpreter(this.kind);
      const stopProgress = main.onProgress((progress) => emit(this.eventTarget, `${prefix}:progress`, progress));
      const interpreter = await main.boot().finally(stopProgress);
      outcome = await main.enqueue(async (): Promise<Outcome> => {
        // Removed while it waited for the interpreter or its turn: it does not run.
        if (!this.#inPage) return 'cancelled';
        // Config errors show once, at the first script; the scripts still run.
        for (const error of main.takeConfigErrors()) reportError(this.#errorPlace(), toPyScriptError(error));
        const code = await source;
        // Where PyScript puts a script's output (a `<script>` in `<head>` shows at the end of `<body>`).
        if (!host.target) page.scripts.show(host);
        main.currentTarget = this.targetId;
        main.currentScope = new WeakRef(host);
        main.stderrPlace = () => this.#errorPlace();
        host.interpreter = interpreter.raw;
        if (terminal && !terminal.disposed) this.#detachTerminal = await attachMainTerminal(main, interpreter, await terminal.view);
        await this.#runHooks(page.hooks.main.onReady, interpreter);
        this.#resolveReady();
        emit(this.eventTarget, `${prefix}:ready`, {});
        try {
          await this.#execute(page, interpreter, code);
        } finally {
          main.stderrPlace = undefined;
        }
        return 'ran';
      });
    } catch (error) {
      // sys.exit() ends the script as it ends a program: no traceback (a message goes to stderr, as Python prints it).
      exit = exitCodeOf(error);
      if (exit) {
        if (exit.message) console.error(exit.message);
        if (exit.message) terminal?.write(`${exit.message}\n`).catch(() => undefined);
      } else {
        failure = toPyScriptError(error);
        this.#rejectReady(failure);
        reportError(this.#errorPlace(), failure);
        // In the terminal too, as a terminal shows a traceback; the terminal may be what failed.
        terminal?.write(`${failure.message}\n`).catch(() => undefined);
      }
    } finally {
      if (outcome === 'ran') {
        emit(this.eventTarget, `${prefix}:done`, failure ? { error: failure } : exit ? { exitCode: exit.code } : {});
        this.#resolveDone();
      }
    }
    return outcome;
  }

  /** Opens the script's terminal in its `target`, else in the script's own place; resolves once it is on the page. */
  async #openTerminal(page: Page): Promise<ScriptTerminal> {
    const host = this.#host;
    const place = host.target ? page.places.find(this.targetId, host) : host;
    if (!place) throw new Error(`Cannot find element with id='${this.targetId}' in the page for the terminal.`);
    // Main-thread terminals are output-only, as in PyScript: input() there would freeze the page.
    const terminal = new ScriptTerminal(place, host.worker);
    const view = await terminal.view;
    host.terminalOpened(view.terminal, (code) => terminal.process(code));
    return terminal;
  }

  /** A `worker` script: its own worker runs the code (see `worker-script.ts`). */
  async #runWorker(page: Page, source: Promise<{ code: string; filename?: string }>, terminal?: ScriptTerminal): Promise<Outcome> {
    const prefix = prefixOf(this.kind);
    const worker = (this.#worker = new WorkerScript(page, this.kind, this.#host as unknown as WorkerScriptHost, await source, this.targetId, terminal));
    // The <script> has interrupt() too, as it has terminal and process.
    const script = this.#host.sourceScript;
    if (script && !('interrupt' in script)) Object.defineProperty(script, 'interrupt', { configurable: true, value: () => this.interrupt() });
    await worker.run({
      ready: (worker) => {
        this.#resolveReady();
        emit(this.eventTarget, `${prefix}:ready`, { worker });
      },
      configError: (error) => reportError(this.#errorPlace(), error),
      progress: (progress) => emit(this.eventTarget, `${prefix}:progress`, progress),
    });
    return 'ran';
  }

  /**
   * The `plugins` of the page's main config apply to worker scripts too
   * (`"!error"`, plugin modules adding `hooks.worker`), also on a page
   * without main-thread scripts. A config that cannot be read is reported
   * by the main-thread scripts that use it.
   */
  async #applyMainPlugins(page: Page): Promise<void> {
    const loaded = await page.configs.main(this.kind).catch(() => undefined);
    if (!loaded) return;
    for (const error of await page.plugins.applyOnce(loaded.config, loaded.url ?? baseUrl())) reportError(this.#errorPlace(), error);
  }

  /** Reads the code once: inline text (then cleared from the page) or `src`. */
  #readSource(): Promise<{ code: string; filename?: string }> {
    const host = this.#host;
    const script = host.sourceScript;
    const src = script ? script.getAttribute('src') ?? '' : host.src;
    if (!script) {
      // Read once: later runs (a restart) find the element holding output.
      const text = (this.#inline ??= elementCode(host));
      // The code is code, not page content.
      clearContent(host);
      if (!src) return Promise.resolve({ code: dedent(text) });
    } else if (!src) {
      return Promise.resolve({ code: dedent(script.textContent ?? '') });
    }
    return fetchSource(src);
  }

  async #execute(page: Page, interpreter: Interpreter, { code, filename }: { code: string; filename?: string }) {
    const isAsync = this.#host.async || isAsyncCode(code);
    const side = page.hooks.main;
    await this.#runHooks(isAsync ? side.onBeforeRunAsync : side.onBeforeRun, interpreter);
    const before = joinCode(isAsync ? side.codeBeforeRunAsync : side.codeBeforeRun);
    if (before) await interpreter.run(before, { async: isAsync });
    await interpreter.run(code, { async: isAsync, filename });
    const after = joinCode(isAsync ? side.codeAfterRunAsync : side.codeAfterRun);
    if (after) await interpreter.run(after, { async: isAsync });
    await this.#runHooks(isAsync ? side.onAfterRunAsync : side.onAfterRun, interpreter);
  }

  async #runHooks(callbacks: Set<HookCallback>, interpreter: Interpreter): Promise<void> {
    for (const callback of callbacks) await callback(interpreter.raw, this.eventTarget);
  }

  #errorPlace(): Element {
    const target = this.#host.target && this.#page.places.find(this.targetId, this.#host);
    if (target) return target;
    this.#page.scripts.show(this.#host); // a worker `<script>`'s host is placed when it has something to show
    return this.#host;
  }
}

/**
 * Points a main-thread interpreter's output at a script's terminal and
 * gives Python its `__terminal__`. The output stays there after the
 * script, for its callbacks (and the scripts after it), as in PyScript,
 * until another script opens a terminal.
 */
async function attachMainTerminal(main: MainInterpreter, interpreter: Interpreter, view: TerminalView): Promise<() => void> {
  const write = (text: string) => view.write(text);
  interpreter.setRawOutput({ stdout: write, stderr: write });
  main.terminal = view.terminal;
  await interpreter.run('import pyscript._terminal\npyscript._terminal.attach()', { async: false });
  // Unless a later script's terminal took the output over, it goes where it goes without a terminal.
  return () => {
    if (main.terminal !== view.terminal) return;
    interpreter.setRawOutput(undefined);
    main.terminal = undefined;
  };
}

/** Fetches a script's `src`; a failed fetch is a PY0404 naming the URL. */
async function fetchSource(src: string): Promise<{ code: string; filename: string }> {
  const code = await fetchText(new URL(src, baseUrl()).href, '');
  return { code, filename: src.split('/').pop() || src };
}
