// Editors (<py-editor>, <mpy-editor>, <script type="py-editor|mpy-editor">)
// on a cross-origin isolated page: CodeMirror in the shadow root, the run
// button and keyboard, output and errors, env sharing, setup, target, the
// `code`/`run()` API and the done events. Mostly MicroPython (fast); one
// Pyodide editor.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '/dist/core.js';
import { waitFor } from './wait.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined> };

/** Appends `markup` in a fresh container; returns the container once its editors have their CodeMirror. */
async function page(markup: string): Promise<HTMLElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.innerHTML = markup;
  // innerHTML does not run scripts, but the MutationObserver upgrades <script type="mpy-editor"> tags.
  await waitFor(() =>
    [...container.querySelectorAll<Editor>('py-editor, mpy-editor')]
      .filter((el) => !el.hasAttribute('setup'))
      .every((el) => el.shadowRoot?.querySelector('.cm-editor')),
  );
  return container;
}

const editorIn = (container: HTMLElement, index = 0) =>
  [...container.querySelectorAll<Editor>('py-editor, mpy-editor')].filter((el) => !el.hasAttribute('setup'))[index];
const outputOf = (editor: Editor) => editor.querySelector('.py-editor-output') as HTMLElement;
const runButton = (editor: Editor) => editor.shadowRoot!.querySelector('button') as HTMLButtonElement;

/** Clicks Run and resolves with the `*-editor:done` event. */
function clickRun(editor: Editor, on: EventTarget = editor): Promise<CustomEvent<{ error?: Error }>> {
  const type = editor.localName === 'py-editor' ? 'py-editor:done' : 'mpy-editor:done';
  const done = new Promise<CustomEvent<{ error?: Error }>>((resolve) => on.addEventListener(type, (e) => resolve(e as CustomEvent), { once: true }));
  runButton(editor).click();
  return done;
}

describe('<mpy-editor>', () => {
  it('shows its code in a CodeMirror editor with line numbers, Python highlighting and a Run button', async () => {
    const container = await page('<mpy-editor>x = 1\nprint(x)</mpy-editor>');
    const editor = editorIn(container);
    const root = editor.shadowRoot!;
    expect(root.querySelector('.cm-content')!.textContent).to.equal('x = 1print(x)');
    expect(root.querySelectorAll('.cm-lineNumbers .cm-gutterElement').length).to.be.greaterThan(1);
    // CodeMirror highlights once its parser has run, in a later task: on a busy machine, after the first paint.
    await waitFor(() => root.querySelector('.cm-content [class*="tok-"], .cm-content span[class]'));
    const button = runButton(editor);
    expect(button.getAttribute('aria-label')).to.equal('Run');
    expect(button.textContent).to.equal('▶');
    expect(editor.code).to.equal('x = 1\nprint(x)');
    // The code is not page text any more.
    expect(editor.textContent).to.equal('');
  });

  it('is accessible', async () => {
    const container = await page('<mpy-editor>print(1)</mpy-editor>');
    await expect(editorIn(container)).to.be.accessible();
  });

  it('runs on Run: print and display() go to the output area, and mpy-editor:done fires', async () => {
    const container = await page('<mpy-editor>from pyscript import display\nprint("hello")\ndisplay("shown")</mpy-editor>');
    const editor = editorIn(container);
    const event = await clickRun(editor);
    expect(event.detail.error).to.equal(undefined);
    const output = outputOf(editor);
    expect(output.textContent).to.contain('hello\n');
    expect(output.textContent).to.contain('shown');
    expect(output.textContent!.indexOf('hello')).to.be.lessThan(output.textContent!.indexOf('shown'));
  });

  it('runs in a worker, always', async () => {
    const container = await page('<mpy-editor>from pyscript import RUNNING_IN_WORKER\nprint(RUNNING_IN_WORKER)</mpy-editor>');
    const editor = editorIn(container);
    await clickRun(editor);
    expect(outputOf(editor).textContent).to.equal('True\n');
  });

  it('runs on Shift+Enter and on Ctrl+Enter, and edits reach the run', async () => {
    const container = await page('<mpy-editor>print("a")</mpy-editor>');
    const editor = editorIn(container);
    const content = editor.shadowRoot!.querySelector('.cm-content') as HTMLElement;
    content.focus();
    let done = new Promise((resolve) => editor.addEventListener('mpy-editor:done', resolve, { once: true }));
    await sendKeys({ press: 'Shift+Enter' });
    await done;
    expect(outputOf(editor).textContent).to.equal('a\n');
    expect(editor.code, 'Shift+Enter inserts no newline').to.equal('print("a")');

    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' or print("b")' });
    done = new Promise((resolve) => editor.addEventListener('mpy-editor:done', resolve, { once: true }));
    await sendKeys({ press: 'Control+Enter' });
    await done;
    expect(editor.code).to.equal('print("a") or print("b")');
    expect(outputOf(editor).textContent).to.equal('a\nb\n');
  });

  it('shows a Python error as a .py-error box in the output area, fires mpy-editor:done with it, and stays usable', async () => {
    const container = await page('<mpy-editor>print("before")\n1/0</mpy-editor>');
    const editor = editorIn(container);
    const event = await clickRun(editor);
    expect(event.detail.error?.message).to.contain('ZeroDivisionError');
    const box = outputOf(editor).querySelector('.py-error')!;
    expect(box).to.exist;
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.querySelector('strong')!.textContent).to.contain('ZeroDivisionError');
    expect(outputOf(editor).textContent).to.contain('before');

    editor.code = 'print("after")';
    expect(await editor.run()).to.equal(undefined);
    expect(outputOf(editor).textContent, 'the previous output is cleared').to.equal('after\n');
  });

  it('shares one interpreter between editors of the same env, and not otherwise', async () => {
    const container = await page(`
      <mpy-editor env="shared-a">x = 41</mpy-editor>
      <mpy-editor env="shared-a">print(x + 1)</mpy-editor>
      <mpy-editor>print(x)</mpy-editor>`);
    await clickRun(editorIn(container, 0));
    await clickRun(editorIn(container, 1));
    expect(outputOf(editorIn(container, 1)).textContent).to.equal('42\n');
    const alone = await clickRun(editorIn(container, 2));
    expect(alone.detail.error?.message).to.contain('NameError');
  });

  it('runs a setup editor first in its env, and does not render it', async () => {
    const container = await page(`
      <script type="mpy-editor" setup env="with-setup">
        greeting = "set up"
      </script>
      <script type="mpy-editor" env="with-setup">
        print(greeting)
      </script>`);
    const setup = container.querySelector('mpy-editor[setup]') as HTMLElement;
    expect(setup).to.exist;
    expect(getComputedStyle(setup).display).to.equal('none');
    const editor = editorIn(container);
    await clickRun(editor, container.querySelector('script[env="with-setup"]:not([setup])')!);
    expect(outputOf(editor).textContent).to.equal('set up\n');
  });

  it("stops an env's worker when its last editor leaves; the next one starts fresh, setup included", async () => {
    const container = await page(`
      <mpy-editor setup env="lifecycle">count = 1</mpy-editor>
      <mpy-editor env="lifecycle">count += 1
print(count)</mpy-editor>
      <mpy-editor env="lifecycle">count += 1
print(count)</mpy-editor>`);
    const [first, second] = [editorIn(container, 0), editorIn(container, 1)];
    await clickRun(first);
    expect(outputOf(first).textContent).to.equal('2\n');
    first.remove();
    await new Promise((resolve) => setTimeout(resolve));
    // One editor of the env is still on the page: same worker, same state.
    await clickRun(second);
    expect(outputOf(second).textContent).to.equal('3\n');
    // Moving an editor is not leaving.
    container.append(second);
    await clickRun(second);
    expect(outputOf(second).textContent).to.equal('4\n');
    second.remove();
    await new Promise((resolve) => setTimeout(resolve));
    // Back on the page after all left: a new worker, which runs the setup again.
    container.append(second);
    await waitFor(() => second.shadowRoot?.querySelector('.cm-editor'));
    expect(second.code).to.equal('count += 1\nprint(count)');
    await clickRun(second);
    expect(outputOf(second).textContent).to.equal('2\n');
  });

  it('asks input() inline in the output area, after what was printed; Escape answers nothing', async () => {
    const container = await page(`<mpy-editor>print("before")
name = input("Your name? ")
print("hi", name)
try:
    input("More? ")
except EOFError:
    print("no more")</mpy-editor>`);
    const editor = editorIn(container);
    const done = clickRun(editor);
    const output = outputOf(editor);
    const answer = async (value: string, key: string) => {
      await waitFor(() => output.querySelector('.py-editor-input input'));
      const field = output.querySelector<HTMLInputElement>('.py-editor-input input')!;
      expect(document.activeElement).to.equal(field);
      field.value = value;
      field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    };
    await answer('Ada', 'Enter');
    await answer('ignored', 'Escape');
    const event = await done;
    expect(event.detail.error).to.equal(undefined);
    expect(output.textContent).to.equal('before\nYour name? Ada\nhi Ada\nMore? \nno more\n');
    expect(output.querySelector('input')).to.equal(null);
  });

  it('starts its worker when the run button is pressed, and the click runs in it', async () => {
    const container = await page('<mpy-editor>print("pressed")</mpy-editor>');
    const editor = editorIn(container);
    const started: string[] = [];
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
    try {
      runButton(editor).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      // Once the page's side of workers (dist/workers.js) is in.
      await waitFor(() => started.length > 0, 10_000).catch(() => undefined);
      expect(started.length, 'a worker on pointerdown').to.equal(1);
      expect(outputOf(editor).textContent, 'nothing runs before the click').to.equal('');
      const event = await clickRun(editor);
      expect(event.detail.error).to.equal(undefined);
      expect(outputOf(editor).textContent).to.equal('pressed\n');
      expect(started.length, 'the click used that worker').to.equal(1);
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('builds an editor\'s CodeMirror view once the run going on is over', async () => {
    const container = await page('<mpy-editor>print(input("? "))</mpy-editor>');
    const editor = editorIn(container);
    const done = clickRun(editor);
    const output = outputOf(editor);
    await waitFor(() => output.querySelector('.py-editor-input input'));
    const second = document.createElement('mpy-editor') as Editor;
    second.textContent = 'print(2)';
    container.append(second);
    await waitFor(() => second.shadowRoot?.querySelector('.code')?.textContent?.includes('print(2)'));
    // While the first run waits for its answer, the second editor stays text (for up to 3 s).
    await new Promise((resolve) => setTimeout(resolve, 500));
    // (a boolean: a failing assert on the element would make the runner serialize CodeMirror's object graph)
    expect(second.shadowRoot!.querySelector('.cm-editor') === null, 'no view during the run').to.equal(true);
    const field = output.querySelector<HTMLInputElement>('.py-editor-input input')!;
    field.value = 'one';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await done;
    await waitFor(() => second.shadowRoot!.querySelector('.cm-editor'));
  });

  it('writes display() and print to the element named by target', async () => {
    const container = await page(`
      <div id="editor-target"></div>
      <mpy-editor target="editor-target">from pyscript import display\ndisplay("to target")\nprint("printed")</mpy-editor>`);
    const editor = editorIn(container);
    await clickRun(editor);
    const target = container.querySelector('#editor-target')!;
    expect(target.textContent).to.contain('to target');
    expect(target.textContent).to.contain('printed');
    expect(outputOf(editor).textContent).to.equal('');
  });

  it('reads the page synchronously from the worker', async () => {
    const container = await page('<mpy-editor>from pyscript import document\ndocument.title = "set by editor"\nprint(document.title)</mpy-editor>');
    const before = document.title;
    const editor = editorIn(container);
    await clickRun(editor);
    expect(outputOf(editor).textContent).to.equal('set by editor\n');
    document.title = before;
  });

  it('exposes code and run() on the element, and run() settles when the run is done', async () => {
    const container = await page('<mpy-editor></mpy-editor>');
    const editor = editorIn(container);
    editor.code = 'import time\ntime.sleep(0.05)\nprint("ran")';
    expect(editor.shadowRoot!.querySelector('.cm-content')!.textContent).to.contain('print("ran")');
    expect(await editor.run()).to.equal(undefined);
    expect(outputOf(editor).textContent).to.equal('ran\n');
    editor.code = 'raise ValueError("bad")';
    const error = await editor.run();
    expect(error?.message).to.contain('ValueError: bad');
  });
});

describe('<mpy-editor> made from JavaScript', () => {
  it('keeps code set before it connects, and runs it', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const editor = document.createElement('mpy-editor') as Editor;
    editor.textContent = 'print("inline")';
    editor.code = 'print("set from js")';
    container.append(editor);
    await waitFor(() => editor.shadowRoot?.querySelector('.cm-editor'));
    expect(editor.shadowRoot!.querySelector('.cm-content')!.textContent).to.equal('print("set from js")');
    expect(await editor.run()).to.equal(undefined);
    expect(outputOf(editor).textContent).to.equal('set from js\n');
  });
});

describe('<script type="mpy-editor">', () => {
  it('gets an <mpy-editor> right after it, fires mpy-editor:done on the script, and has code and run() too', async () => {
    const container = await page('<script type="mpy-editor" id="script-editor">\n  print("from script")\n</script>');
    const script = container.querySelector('#script-editor') as HTMLScriptElement & Editor;
    const editor = script.nextElementSibling as Editor;
    expect(editor.localName).to.equal('mpy-editor');
    expect(script.code, 'dedented, without the blank lines around it').to.equal('print("from script")');
    const event = await clickRun(editor, script);
    expect(event.target).to.equal(script);
    expect(outputOf(editor).textContent).to.equal('from script\n');
    script.code = 'print("via script")';
    expect(await script.run()).to.equal(undefined);
    expect(outputOf(editor).textContent).to.equal('via script\n');
  });

  it('reads its code from src', async () => {
    const container = await page('<script type="mpy-editor" src="/test/fixtures/config/single.py"></script>');
    const editor = editorIn(container);
    const source = await (await fetch('/test/fixtures/config/single.py')).text();
    await waitFor(() => editor.code === source); // its own fetch of src may finish after ours
  });

  it('applies its config to the env worker', async () => {
    const container = await page(`<script type="mpy-editor" config='{"files": {"/test/fixtures/config/single.py": "./from_config.py"}}'>
import from_config
print("imported")
</script>`);
    const editor = editorIn(container);
    const event = await clickRun(editor, container.querySelector('script')!);
    expect(event.detail.error).to.equal(undefined);
    expect(outputOf(editor).textContent).to.contain('imported');
  });
});

describe('<py-editor> (Pyodide)', () => {
  it('runs CPython in a worker and keeps state between runs', async function () {
    this.timeout(120_000);
    const container = await page('<py-editor>import sys\nn = 2\nprint(sys.implementation.name, n)</py-editor>');
    const editor = editorIn(container);
    const event = await clickRun(editor);
    expect(event.detail.error).to.equal(undefined);
    expect(outputOf(editor).textContent).to.equal('cpython 2\n');
    editor.code = 'n += 1\nprint(n)';
    await editor.run();
    expect(outputOf(editor).textContent).to.equal('3\n');
  });
});
