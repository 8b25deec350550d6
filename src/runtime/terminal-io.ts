/**
 * A worker's side of its script's terminal (the `terminal` attribute): the
 * `sync` names through which the worker writes to the terminal on main,
 * gets its xterm.js `Terminal` (`__terminal__`) and starts MicroPython's
 * REPL, and the buffer that turns the interpreter's output, written as it
 * comes (a byte at a time on MicroPython), into few calls to main.
 * @packageDocumentation
 */

/** Main's `sync` name of a terminal write: `(text) => void`. */
export const TERMINAL_WRITE = '_pyscript_terminal_write';
/** Main's `sync` name that gives the xterm.js `Terminal`: `() => Terminal`. */
export const TERMINAL_OBJECT = '_pyscript_terminal';
/** Main's `sync` name the worker calls once MicroPython's REPL runs: main then sends it every key. */
export const TERMINAL_REPL = '_pyscript_terminal_repl';
/** The worker's `sync` name main sends keys to while the REPL runs: `(keys) => void`. */
export const REPL_KEYS = '_pyscript_repl_keys';

/**
 * Output on its way to the terminal: a write with a newline goes at once
 * (the lines of a long loop show while it runs), the rest at the end of
 * the current task or at {@link flush} (before `input()` waits).
 */
export class OutputBuffer {
  readonly #send: (text: string) => void;
  #text = '';
  #scheduled = false;

  constructor(send: (text: string) => void) {
    this.#send = send;
  }

  write(text: string): void {
    this.#text += text;
    if (text.includes('\n')) return this.flush();
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.flush();
    });
  }

  flush(): void {
    const text = this.#text;
    if (!text) return;
    this.#text = '';
    this.#send(text);
  }
}
