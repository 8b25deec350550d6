/**
 * Reading one line typed into a terminal, as a cooked tty does: the keys
 * xterm.js reports (`onData`: text and escape sequences) edit the line,
 * and {@link LineEditor.feed} says what to echo and, once Enter (or
 * Ctrl-C, Ctrl-D) ends it, the answer. Pure: no terminal, no DOM.
 *
 * Keys: printable text inserts at the cursor; Backspace, Delete, ←/→,
 * Home/End, Ctrl-A/Ctrl-E, Ctrl-U (clear); ↑/↓ walk the history; Tab
 * inserts four spaces; Enter ends the line; Ctrl-C ends it with `false`
 * (KeyboardInterrupt), Ctrl-D on an empty line with `null` (EOFError).
 * @packageDocumentation
 */

/** What one {@link LineEditor.feed} did. */
export interface LineResult {
  /** What to write to the terminal: the echo of the keys. */
  echo: string;
  /**
   * Set once the read is over: the line typed, `null` for end of input
   * (Ctrl-D on an empty line), `false` for Ctrl-C.
   */
  answer?: string | null | false;
  /** Keys that came after the end of the line (a paste of several lines): the next read's. */
  rest: string;
}

const ESC = '\x1b';
const back = (n: number) => (n > 0 ? `${ESC}[${n}D` : '');
const forward = (n: number) => (n > 0 ? `${ESC}[${n}C` : '');

/** Escape sequences xterm.js sends for the keys handled here (normal and application cursor modes). */
const SEQUENCES: Record<string, string> = {
  '[A': 'up', OA: 'up', '[B': 'down', OB: 'down', '[C': 'right', OC: 'right', '[D': 'left', OD: 'left',
  '[H': 'home', OH: 'home', '[1~': 'home', '[F': 'end', OF: 'end', '[4~': 'end', '[3~': 'delete',
};

/** One line being read. */
export class LineEditor {
  /** The line, one code point per entry. */
  #chars: string[] = [];
  #cursor = 0;
  readonly #history: string[];
  /** Which history entry is shown: `history.length` is the line being typed. */
  #shown: number;
  /** The line being typed, kept while the history is shown. */
  #draft: string[] = [];

  /** @param history earlier lines, oldest first; a line read is added to it */
  constructor(history: string[]) {
    this.#history = history;
    this.#shown = history.length;
  }

  /** The line so far. */
  get line(): string {
    return this.#chars.join('');
  }

  /** Feeds keys; stops at the end of the line and returns the keys after it in `rest`. */
  feed(data: string): LineResult {
    let echo = '';
    const keys = Array.from(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const end = (answer: string | null | false, text: string, skip = 0): LineResult => ({
        echo: echo + text,
        answer,
        rest: keys.slice(i + 1 + skip).join(''),
      });
      if (key === '\r' || key === '\n') {
        const line = this.line;
        if (line && line !== this.#history[this.#history.length - 1]) this.#history.push(line);
        return end(line, '\r\n', key === '\r' && keys[i + 1] === '\n' ? 1 : 0);
      }
      if (key === '\x03') return end(false, '^C\r\n');
      if (key === '\x04') {
        if (!this.#chars.length) return end(null, '');
        echo += this.#delete();
        continue;
      }
      if (key === ESC) {
        const match = /^(\[[0-9;]*[~A-Za-z]|O[A-Za-z])/.exec(keys.slice(i + 1, i + 8).join(''));
        if (!match) continue;
        i += Array.from(match[1]).length;
        echo += this.#move(SEQUENCES[match[1]]);
        continue;
      }
      if (key === '\x7f' || key === '\b') echo += this.#backspace();
      else if (key === '\x01') echo += this.#move('home');
      else if (key === '\x05') echo += this.#move('end');
      else if (key === '\x15') echo += this.#replace([]);
      else if (key === '\t') echo += this.#insert([' ', ' ', ' ', ' ']);
      else if (key >= ' ') echo += this.#insert([key]);
      // Other control keys do nothing.
    }
    return { echo, rest: '' };
  }

  #insert(chars: string[]): string {
    this.#chars.splice(this.#cursor, 0, ...chars);
    this.#cursor += chars.length;
    const tail = this.#chars.slice(this.#cursor);
    return chars.join('') + tail.join('') + back(tail.length);
  }

  #backspace(): string {
    if (!this.#cursor) return '';
    this.#chars.splice(--this.#cursor, 1);
    const tail = this.#chars.slice(this.#cursor);
    return `\b${tail.join('')} ${back(tail.length + 1)}`;
  }

  #delete(): string {
    if (this.#cursor === this.#chars.length) return '';
    this.#chars.splice(this.#cursor, 1);
    const tail = this.#chars.slice(this.#cursor);
    return `${tail.join('')} ${back(tail.length + 1)}`;
  }

  /** Rewrites the whole line as `chars`, the cursor at its end. */
  #replace(chars: string[]): string {
    const echo = `${back(this.#cursor)}${ESC}[K${chars.join('')}`;
    this.#chars = chars;
    this.#cursor = chars.length;
    return echo;
  }

  #move(to: string | undefined): string {
    const cursor = this.#cursor;
    switch (to) {
      case 'left':
        if (!cursor) return '';
        this.#cursor = cursor - 1;
        return back(1);
      case 'right':
        if (cursor === this.#chars.length) return '';
        this.#cursor = cursor + 1;
        return forward(1);
      case 'home':
        this.#cursor = 0;
        return back(cursor);
      case 'end':
        this.#cursor = this.#chars.length;
        return forward(this.#chars.length - cursor);
      case 'delete':
        return this.#delete();
      case 'up':
      case 'down': {
        const shown = this.#shown + (to === 'up' ? -1 : 1);
        if (shown < 0 || shown > this.#history.length) return '';
        if (this.#shown === this.#history.length) this.#draft = this.#chars;
        this.#shown = shown;
        return this.#replace(shown === this.#history.length ? this.#draft : Array.from(this.#history[shown]));
      }
    }
    return '';
  }
}
