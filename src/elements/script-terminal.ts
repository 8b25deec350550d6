/**
 * The terminal of a script with the `terminal` attribute, on the main
 * thread: an xterm.js terminal (`dist/terminal.js`, loaded by URL when the
 * first one opens) in a `<py-terminal>` placed in the script's output
 * place, or in its `target`. A main-thread script's output goes there
 * directly; a worker script's comes through the worker's `sync`
 * ({@link ScriptTerminal.serve}), which also answers its `input()` with a
 * line typed in the terminal and sends MicroPython's REPL every key.
 */
import { importLazy } from '../runtime/lazy.js';
import type { LazyWorker } from '../runtime/worker-context.js';
import { REPL_KEYS, TERMINAL_OBJECT, TERMINAL_REPL, TERMINAL_WRITE } from '../runtime/terminal-io.js';
import type { TerminalView } from '../terminal/view.js';

type TerminalModule = typeof import('../terminal/view.js');
let terminalModule: Promise<TerminalModule> | undefined;

/** `dist/terminal.js` (the sources' `view.ts` when served unbundled), once per page. */
const loadTerminal = (): Promise<TerminalModule> => (terminalModule ??= importLazy<TerminalModule>('terminal', '../terminal/view.ts'));

/** One script's terminal. */
export class ScriptTerminal {
  /** Resolves once the terminal is on the page. */
  readonly view: Promise<TerminalView>;
  readonly #box: HTMLElement;
  #disposed = false;

  /**
   * Starts loading xterm.js and opens the terminal in a new `<py-terminal>`
   * appended to `place`.
   * @param interactive false for an output-only terminal (main-thread scripts)
   */
  constructor(place: Element, interactive: boolean) {
    const box = (this.#box = place.ownerDocument.createElement('py-terminal'));
    place.append(box);
    this.view = loadTerminal().then(({ createTerminalView }) => createTerminalView({ parent: box, interactive }));
  }

  /** True once {@link dispose} was called. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /**
   * Its script left the page: disposes of the xterm.js terminal (its DOM,
   * its listeners on the document, its resize observer) and takes its box
   * off the page. A line being read ends as end of input; later output is
   * dropped.
   */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#box.remove();
    // Not open yet: disposed as soon as it is (a failed load left nothing to dispose of).
    this.view.then((view) => view.dispose(), () => undefined);
  }

  /** Writes output once the terminal is open (nothing once disposed). */
  async write(text: string): Promise<void> {
    const view = await this.view;
    if (!this.#disposed) view.write(text);
  }

  /** Writes `prompt` and reads a line: null for Ctrl-D (EOFError), false for Ctrl-C (KeyboardInterrupt). */
  async readLine(prompt: string): Promise<string | null | false> {
    const view = await this.view;
    return this.#disposed ? null : view.readLine(prompt);
  }

  /** Types `code` into the terminal line by line, as PyScript's `script.process(code)` does. */
  async process(code: string): Promise<void> {
    const view = await this.view;
    for (const line of code.split(/\r\n|\r|\n/)) view.type(`${line}\r`);
  }

  /** Gives a worker what its terminal side calls on main (see `runtime/terminal-io.ts`). */
  serve(worker: LazyWorker): void {
    const { sync } = worker;
    sync[TERMINAL_WRITE] = (text: string) => this.write(text);
    sync[TERMINAL_OBJECT] = async () => (await this.view).terminal;
    sync[TERMINAL_REPL] = async () => {
      (await this.view).forwardKeys((keys) => {
        // A failed call means the worker is gone: the keys have nowhere to go.
        (sync[REPL_KEYS](keys) as Promise<unknown>).catch(() => undefined);
      });
    };
  }
}
