/**
 * `dist/terminal.js`: an xterm.js terminal in a page element, built as its
 * own module and imported by URL only when a page has a terminal. It writes
 * what it is given and reads lines typed into it ({@link LineEditor}), or
 * hands every key to a handler (MicroPython's REPL reads keys itself). Keys
 * typed while nothing reads wait for the next read, as in a tty.
 * @packageDocumentation
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { LineEditor } from './line-editor.js';

/** Options of {@link createTerminalView}. */
export interface TerminalViewOptions {
  /** Where the terminal mounts. */
  parent: HTMLElement;
  /** False for an output-only terminal (main thread): no cursor, typing does nothing. */
  interactive: boolean;
}

/** One terminal, as its script sees it. */
export interface TerminalView {
  /** The xterm.js `Terminal` (`script.terminal`, `__terminal__` in Python). */
  readonly terminal: Terminal;
  /** Writes output (`\n` starts a new line). */
  write(text: string): void;
  /**
   * Writes `prompt`, then reads a line typed in the terminal: the line,
   * `null` for end of input (Ctrl-D), `false` for Ctrl-C.
   */
  readLine(prompt: string): Promise<string | null | false>;
  /** While no line is read, hands each key to `handler` (undefined: keys wait for the next read again). */
  forwardKeys(handler: ((data: string) => void) | undefined): void;
  /** Types `text` into the terminal, as if from the keyboard. */
  type(text: string): void;
  /** Takes the terminal off the page: xterm.js's DOM and listeners, the resize observer; a line being read ends as end of input. */
  dispose(): void;
}

/** PyScript's colors, so pages look the same. */
const theme = { background: '#191A19', foreground: '#F5F2E7' };

/** Mounts a terminal in `parent` once xterm.js's styles are in (it measures its cells from them). */
export async function createTerminalView(options: TerminalViewOptions): Promise<TerminalView> {
  await addStyles(options.parent);
  return new View(options);
}

class View implements TerminalView {
  readonly terminal: Terminal;
  readonly #fit = new FitAddon();
  readonly #history: string[] = [];
  /** The read going on: its line and how to answer it. */
  #reading?: { editor: LineEditor; answer(line: string | null | false): void };
  /** Keys typed while nothing read them. */
  #typeAhead = '';
  #forward?: (data: string) => void;
  readonly #resize: ResizeObserver;

  constructor({ parent, interactive }: TerminalViewOptions) {
    this.terminal = new Terminal({
      theme,
      convertEol: true,
      disableStdin: !interactive,
      cursorBlink: interactive,
      cursorStyle: interactive ? 'block' : 'underline',
      cursorInactiveStyle: interactive ? 'outline' : 'none',
      lineHeight: 1.2,
    });
    this.terminal.loadAddon(this.#fit);
    this.terminal.loadAddon(new WebLinksAddon());
    this.terminal.open(parent);
    this.#fitWidth();
    // Follow the page's width; the height stays the terminal's rows.
    this.#resize = new ResizeObserver(() => this.#fitWidth());
    this.#resize.observe(parent);
    this.terminal.onData((data) => this.#keys(data));
  }

  write(text: string): void {
    this.terminal.write(text);
  }

  readLine(prompt: string): Promise<string | null | false> {
    this.write(prompt);
    // Typing goes to the terminal that asks, unless the user is busy elsewhere on the page.
    const active = this.terminal.element?.ownerDocument.activeElement;
    if (!active || active === active.ownerDocument.body) this.terminal.focus();
    return new Promise((resolve) => {
      this.#reading = { editor: new LineEditor(this.#history), answer: resolve };
      const typed = this.#typeAhead;
      this.#typeAhead = '';
      if (typed) this.#keys(typed);
    });
  }

  forwardKeys(handler: ((data: string) => void) | undefined): void {
    this.#forward = handler;
    if (handler && this.#typeAhead && !this.#reading) {
      const typed = this.#typeAhead;
      this.#typeAhead = '';
      handler(typed);
    }
  }

  type(text: string): void {
    this.#keys(text);
  }

  dispose(): void {
    this.#resize.disconnect();
    this.#forward = undefined;
    // A read going on ends as end of input: nothing will type into this terminal again.
    const reading = this.#reading;
    this.#reading = undefined;
    reading?.answer(null);
    this.terminal.dispose();
  }

  #keys(data: string): void {
    const reading = this.#reading;
    if (!reading) {
      if (this.#forward) this.#forward(data);
      else this.#typeAhead += data;
      return;
    }
    const { echo, answer, rest } = reading.editor.feed(data);
    if (echo) this.write(echo);
    if (answer === undefined) return;
    this.#reading = undefined;
    reading.answer(answer);
    // What comes after the line waits for the next read (or goes to the REPL).
    if (rest) this.#keys(rest);
  }

  #fitWidth(): void {
    const size = this.#fit.proposeDimensions();
    if (size && Number.isFinite(size.cols) && size.cols > 1 && size.cols !== this.terminal.cols) {
      this.terminal.resize(size.cols, this.terminal.rows);
    }
  }
}

/** `dist/terminal.css`, linked once into the document or shadow root holding `parent`. */
function addStyles(parent: HTMLElement): Promise<void> {
  const root = parent.getRootNode() as Document | ShadowRoot;
  const holder = root instanceof ShadowRoot ? root : (root.head ?? root.documentElement);
  const href = new URL('./terminal.css', import.meta.url).href;
  let link = [...holder.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].find((each) => each.href === href);
  if (!link) {
    link = parent.ownerDocument.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.loading = '';
    link.addEventListener('load', () => delete link!.dataset.loading, { once: true });
    link.addEventListener('error', () => delete link!.dataset.loading, { once: true });
    holder.append(link);
  }
  if (link.sheet || link.dataset.loading === undefined) return Promise.resolve();
  const loading = link;
  // A missing stylesheet is only uglier: the terminal still opens.
  return new Promise((resolve) => {
    loading.addEventListener('load', () => resolve(), { once: true });
    loading.addEventListener('error', () => resolve(), { once: true });
  });
}
