// Terminals (the `terminal` attribute) on a cross-origin isolated page, on
// both interpreters: output on the main thread and in workers, `__terminal__`
// and `script.terminal`, input() typed into a worker terminal through the
// keyboard, the REPL of code.interact(), two terminals on one page, and the
// main thread's input() error, and a terminal disposed of when its script
// leaves the page. Engine-neutral: keys go through the test
// runner's keyboard, text is read from xterm.js's buffer.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { workers } from './live-workers.js';
import '/dist/core.js';
import { waitFor } from './wait.js';

/** What a test needs of xterm.js's `Terminal`. */
type XTerm = {
  cols: number;
  buffer: { active: { length: number; getLine(i: number): { isWrapped: boolean; translateToString(trim: boolean): string } | undefined } };
};
type ScriptEl = HTMLElement & { done: Promise<void>; terminal: boolean | XTerm; process(code: string): Promise<void> };

const KINDS = [
  ['py', 'Pyodide'],
  ['mpy', 'MicroPython'],
] as const;

/** Puts `markup` in a fresh container; resolves with the hosts of its `<script type="py|mpy">` tags. */
async function page(markup: string): Promise<ScriptEl[]> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.innerHTML = markup;
  // innerHTML does not run scripts, but the MutationObserver upgrades them.
  await waitFor(() => container.querySelectorAll('script-py, script-mpy').length === container.querySelectorAll('script').length);
  return [...container.querySelectorAll<ScriptEl>('script-py, script-mpy')];
}

/** The script's terminal, once open. */
async function terminalOf(el: ScriptEl): Promise<XTerm> {
  await waitFor(() => typeof el.terminal === 'object');
  return el.terminal as XTerm;
}

/** The text on the terminal: its lines (a line wrapped at the terminal's width as one), trailing blanks trimmed. */
function textOf(terminal: XTerm): string {
  const { active } = terminal.buffer;
  let text = '';
  for (let i = 0; i < active.length; i++) {
    const line = active.getLine(i);
    if (!line) continue;
    // Untrimmed when the next line continues it: its trailing blanks are text.
    const next = active.getLine(i + 1);
    const part = line.translateToString(!next?.isWrapped);
    text += (i && !line.isWrapped ? '\n' : '') + (next?.isWrapped ? part : part.replace(/ +$/, ''));
  }
  return text.replace(/\s+$/, '');
}

/** Resolves once the terminal shows `text` (trailing blanks of its lines do not count: `'> '` matches a prompt). */
async function shows(terminal: XTerm, text: string | RegExp): Promise<void> {
  const expected = typeof text === 'string' ? text.replace(/ +(?=\n|$)/g, '') : text;
  await waitFor(() => (typeof expected === 'string' ? textOf(terminal).includes(expected) : expected.test(textOf(terminal))), 20_000).catch(() => {
    throw new Error(`the terminal never showed ${text}; it shows:\n${textOf(terminal)}`);
  });
}

/** Types `keys` into the terminal of `el` with the keyboard (then presses each of `press`). */
async function typeInto(el: ScriptEl, keys: string, ...press: string[]): Promise<void> {
  el.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea')!.focus();
  if (keys) await sendKeys({ type: keys });
  for (const key of press) await sendKeys({ press: key });
}

for (const [type, name] of KINDS) {
  describe(`terminal, ${name}`, () => {
    it('main thread: print and stderr go to an output-only xterm.js terminal, which is script.terminal and __terminal__', async () => {
      const [el] = await page(`<script type="${type}" terminal>
import sys
print("hello from the main thread")
print("to stderr", file=sys.stderr)
print("cols:", __terminal__.cols)
</script>`);
      const terminal = await terminalOf(el);
      await el.done;
      await shows(terminal, `hello from the main thread\nto stderr\ncols: ${terminal.cols}`);
      expect(terminal.cols).to.be.greaterThan(10);
      // The terminal sits in the script's output place; the <script> has it too, as in PyScript.
      expect(el.querySelector('py-terminal .xterm')).to.exist;
      // xterm.js and its styles come in their own files, which only pages with a terminal load.
      const urls = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      expect(urls).to.include.members(['/dist/terminal.js', '/dist/terminal.css']);
      expect((el.previousElementSibling as HTMLScriptElement & { terminal: unknown }).terminal).to.equal(terminal);
      expect(el.querySelector('.py-error')).to.equal(null);
    });

    it('main thread: input() raises PyScript\'s error', async () => {
      const [el] = await page(`<script type="${type}" terminal>
try:
    input("never asked: ")
except RuntimeError as error:
    print("RuntimeError:", error)
input()
</script>`);
      const terminal = await terminalOf(el);
      await el.done;
      await shows(terminal, "RuntimeError: input() doesn't work when PyScript runs in the main thread. Consider using the worker attribute");
      // Uncaught, it is the script's error, on the page and in the terminal.
      expect(el.querySelector('.py-error')!.textContent).to.contain("input() doesn't work when PyScript runs in the main thread.");
      await shows(terminal, /RuntimeError: input\(\) doesn't work[^]*RuntimeError: input\(\) doesn't work/);
    });

    it('worker: print, a line printed in parts, stderr and errors go to the terminal; __terminal__ is a proxy of main\'s', async () => {
      const [el] = await page(`<script type="${type}" worker terminal>
import sys
print("hello from a worker")
print("in ", end="")
print("parts")
print("to stderr", file=sys.stderr)
print("cols:", __terminal__.cols > 10)
1 / 0
</script>`);
      const terminal = await terminalOf(el);
      await el.done;
      await shows(terminal, 'hello from a worker\nin parts\nto stderr\ncols: True');
      await shows(terminal, 'ZeroDivisionError');
      expect(el.querySelector('.py-error')!.textContent).to.contain('ZeroDivisionError');
    });

    it('worker: input() reads a line typed in the terminal', async () => {
      const [el] = await page(`<script type="${type}" worker terminal>
print("Name? ", end="")
name = input()
age = input("Age? ")
print("Hello", name, "of", age)
</script>`);
      const terminal = await terminalOf(el);
      await shows(terminal, 'Name? ');
      await typeInto(el, 'Adda', 'Backspace', 'Backspace', 'a', 'Enter');
      await shows(terminal, 'Age? ');
      await typeInto(el, '36', 'Enter');
      await el.done;
      await shows(terminal, 'Name? Ada\nAge? 36\nHello Ada of 36');
      expect(el.querySelector('.py-error')).to.equal(null);
    });

    it('worker: Ctrl-D at input() is EOFError, Ctrl-C is KeyboardInterrupt', async () => {
      const [el] = await page(`<script type="${type}" worker terminal>
for _ in range(2):
    try:
        input("> ")
    except EOFError:
        print("EOF")
    except KeyboardInterrupt:
        print("interrupted")
</script>`);
      const terminal = await terminalOf(el);
      await shows(terminal, '> ');
      await typeInto(el, '', 'Control+d');
      await shows(terminal, 'EOF');
      await typeInto(el, 'abc', 'Control+c');
      await el.done;
      // As in a tty, Ctrl-D echoes nothing: what comes next starts on the prompt's line.
      await shows(terminal, '> EOF\n> abc^C\ninterrupted');
    });

    it('worker: removing the script disposes of its terminal and terminates its worker', async () => {
      const [el] = await page(`<script type="${type}" worker terminal>print(input("? "))</script>`);
      const terminal = await terminalOf(el);
      await shows(terminal, '? ');
      const box = el.querySelector('py-terminal')!;
      const live = workers.live;
      el.previousElementSibling!.remove(); // the <script>: its host goes with it
      await waitFor(() => workers.live === live - 1);
      // xterm.js's dispose() takes its element out of the box (and its listeners off the document).
      // (booleans: a failing assert on the element itself would make the runner serialize xterm.js's object graph)
      expect(box.querySelector('.xterm') === null, 'xterm.js is still in its box').to.equal(true);
      expect(box.isConnected, 'the box is still on the page').to.equal(false);
    });

    it('main thread: removing the script disposes of its terminal, and output no longer goes there', async () => {
      const [el] = await page(`<script type="${type}" terminal>print("one")</script>`);
      const terminal = (await terminalOf(el)) as XTerm & { write(data: string): void };
      await el.done;
      // xterm.js parses what it is given in a later task (Firefox and WebKit show it after \`done\`).
      await shows(terminal, 'one');
      expect(textOf(terminal)).to.equal('one');
      const written: string[] = [];
      const write = terminal.write.bind(terminal);
      terminal.write = (data) => (written.push(data), write(data));
      const box = el.querySelector('py-terminal')!;
      el.previousElementSibling!.remove();
      await waitFor(() => box.querySelector('.xterm') === null);
      // The next script of the same interpreter prints as on a page without a terminal.
      const [next] = await page(`<script type="${type}">print("two")</script>`);
      await next.done;
      expect(next.querySelector('.py-error')).to.equal(null);
      expect(written.join('')).to.equal('');
    });
  });
}

describe('terminal REPL', () => {
  it('Pyodide: code.interact() reads lines typed in a worker terminal until Ctrl-D', async function () {
    this.timeout(120_000);
    const [el] = await page(`<script type="py" worker terminal>
import code
code.interact()
print("after the REPL")
</script>`);
    const terminal = await terminalOf(el);
    await shows(terminal, '(InteractiveConsole)\n>>> ');
    await typeInto(el, 'y = 6 * 7', 'Enter');
    await typeInto(el, 'for i in range(2):', 'Enter');
    await typeInto(el, '  print("line", i)', 'Enter', 'Enter');
    await typeInto(el, 'y', 'Enter');
    await shows(terminal, '>>> y\n42\n>>>');
    expect(textOf(terminal)).to.contain('...\nline 0\nline 1\n');
    // Up brings the last line back.
    await typeInto(el, '', 'ArrowUp', 'Enter');
    await shows(terminal, /42\n>>> y\n42\n>>>$/);
    await typeInto(el, '', 'Control+d');
    await el.done;
    await shows(terminal, 'now exiting InteractiveConsole...\nafter the REPL');
  });

  it('MicroPython: code.interact() starts its own REPL in a worker terminal, with the script\'s globals', async () => {
    const [el] = await page(`<script type="mpy" worker terminal>
import code
x = 6
code.interact()
</script>`);
    const terminal = await terminalOf(el);
    await el.done;
    await shows(terminal, /MicroPython v1\.28[^]*>>>$/);
    await typeInto(el, 'x * 7', 'Enter');
    await shows(terminal, '>>> x * 7\n42\n>>> ');
    // input() at the REPL reads a line from the same terminal.
    await typeInto(el, 'input("? ") + "!"', 'Enter');
    // The prompt on a line of its own (the echoed code has a "? " too): keys typed before input()
    // asks go to the REPL, as the next line of code.
    await shows(terminal, /\n\?$/);
    await typeInto(el, 'ok', 'Enter');
    await shows(terminal, "? ok\n'ok!'\n>>> ");
  });

  it('script.process(code) types code into the REPL, as in PyScript', async () => {
    const [el] = await page(`<script type="mpy" worker terminal>
import code
code.interact()
</script>`);
    const terminal = await terminalOf(el);
    await el.done;
    await shows(terminal, '>>> ');
    await el.process('print(40 + 2)');
    await shows(terminal, '>>> print(40 + 2)\n42\n>>> ');
  });

  it('MicroPython on the main thread: code.interact() raises, naming the worker attribute', async () => {
    const [el] = await page(`<script type="mpy" terminal>
import code
try:
    code.interact()
except RuntimeError as error:
    print(error)
</script>`);
    const terminal = await terminalOf(el);
    await el.done;
    await shows(terminal, 'code.interact() needs a terminal in a worker: add the worker attribute');
  });
});

describe('two terminals', () => {
  it('each worker terminal gets its own output and its own input', async () => {
    const [first, second] = await page(`
<script type="mpy" worker terminal>print("first:", input("1? "))</script>
<script type="py" worker terminal>print("second:", input("2? "))</script>`);
    const [one, two] = [await terminalOf(first), await terminalOf(second)];
    await shows(one, '1? ');
    await shows(two, '2? ');
    await typeInto(second, 'b', 'Enter');
    await second.done;
    await typeInto(first, 'a', 'Enter');
    await first.done;
    // xterm.js parses what it is given in a later task: the last line may land after `done`.
    await shows(one, 'first: a');
    await shows(two, 'second: b');
    expect(textOf(one)).to.equal('1? a\nfirst: a');
    expect(textOf(two)).to.equal('2? b\nsecond: b');
  });

  it('two main-thread terminals of one interpreter each get their script\'s output', async () => {
    const [first, second] = await page(`
<script type="mpy" terminal>print("one")</script>
<script type="mpy" terminal>print("two")</script>`);
    const [one, two] = [await terminalOf(first), await terminalOf(second)];
    await second.done;
    // xterm.js parses what is written a moment later (how much later differs by engine).
    await shows(one, 'one');
    await shows(two, 'two');
    expect(textOf(one)).to.equal('one');
    expect(textOf(two)).to.equal('two');
  });
});
