// Stop in editors, on both interpreters (cross-origin isolated page): the
// run button turns into a Stop button while code runs; Pyodide code gets a
// KeyboardInterrupt and keeps its env's names; code that does not stop (and
// MicroPython code, which cannot be interrupted) loses its env's worker,
// whose setup code runs again on the next run. The same on worker handles
// (`interrupt()`) and worker scripts (`script.interrupt()`).
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { waitFor } from './wait.js';
import { engine } from './engine.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined>; stop(): Promise<void> };

async function editorsFor(markup: string): Promise<Editor[]> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.innerHTML = markup;
  const editors = [...container.querySelectorAll<Editor>('py-editor, mpy-editor')].filter((el) => !el.hasAttribute('setup'));
  await waitFor(() => editors.every((el) => el.shadowRoot?.querySelector('button')));
  return editors;
}

/**
 * A loop that only a terminated worker ends, as Python text (`indent` its
 * body's indentation). WebKit cannot terminate a worker whose code loops
 * inside WebAssembly without calling out (JavaScriptCore checks for
 * termination in JavaScript code only; a pure `while True: pass` thread spins
 * on, a core busy, for the page's life, and the few left by this file made
 * the rest crawl past its time limit): there the loop calls a JavaScript
 * function each turn, which `terminate()` does stop. Elsewhere it is pure.
 */
const isWebKit = engine === 'webkit';
const spin = (indent = '') => (isWebKit ? `from js import Date\n${indent}while True:\n${indent}    Date.now()` : `while True:\n${indent}    pass`);

const outputOf = (editor: Editor) => editor.querySelector('.py-editor-output') as HTMLElement;
const buttonOf = (editor: Editor) => editor.shadowRoot!.querySelector('button') as HTMLButtonElement;

/** Pyodide code stops with a KeyboardInterrupt; MicroPython code loses its worker. */
function expectStopped(error: Error | undefined, kind: 'py' | 'mpy'): void {
  expect(error?.message).to.contain(kind === 'py' ? 'KeyboardInterrupt' : 'worker was replaced');
  if (kind === 'py') expect(error?.message).not.to.contain('replaced');
}

/**
 * Starts a run and waits until the code printed `started` (so it is in its
 * loop); `run` is the run's promise (wrapped: an async function returning it
 * would wait for it).
 */
async function startLoop(editor: Editor): Promise<{ run: Promise<Error | undefined> }> {
  const run = editor.run();
  await waitFor(() => outputOf(editor).textContent!.includes('started'), 120_000);
  return { run };
}

for (const kind of ['mpy', 'py'] as const) {
  const tag = `${kind}-editor`;
  // MicroPython code loses its worker; Pyodide's answers the interrupt and may spin in pure WebAssembly.
  const loop = kind === 'mpy' ? spin() : 'while True: pass';
  describe(`Stop in <${tag}>`, function () {
    this.timeout(180_000);

    it('turns the Run button into a Stop button while the code runs, and back', async () => {
      const [editor] = await editorsFor(`<${tag}>print("started")\n${loop}</${tag}>`);
      expect(buttonOf(editor).getAttribute('aria-label')).to.equal('Run');
      const { run } = await startLoop(editor);
      const button = buttonOf(editor);
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-label')).to.equal('Stop');
      button.click();
      expect(await run).to.be.an('error');
      expect(buttonOf(editor).getAttribute('aria-label')).to.equal('Run');
    });

    it('stops `while True: pass`, and the next run works', async () => {
      const [editor] = await editorsFor(`<${tag} env="stop-spin-${kind}">print("started")\n${loop}</${tag}>`);
      const { run } = await startLoop(editor);
      await editor.stop();
      const error = await run;
      expectStopped(error, kind);
      expect(outputOf(editor).querySelector('.py-error')!.textContent).to.contain(error!.message.split('\n')[0]);
      editor.code = 'print("again")';
      expect(await editor.run()).to.equal(undefined);
      expect(outputOf(editor).textContent).to.equal('again\n');
    });

    it('stops a loop that calls time.sleep', async () => {
      const [editor] = await editorsFor(`<${tag}>import time\nprint("started")\nwhile True:\n    time.sleep(0.05)</${tag}>`);
      const { run } = await startLoop(editor);
      await editor.stop();
      expectStopped(await run, kind);
      editor.code = 'print("again")';
      expect(await editor.run()).to.equal(undefined);
    });

    it('fires the done event with the error of a stopped run', async () => {
      const [editor] = await editorsFor(`<${tag}>print("started")\n${loop}</${tag}>`);
      const done = new Promise<CustomEvent>((resolve) => editor.addEventListener(`${tag}:done`, (e) => resolve(e as CustomEvent), { once: true }));
      await startLoop(editor);
      buttonOf(editor).click();
      expect((await done).detail.error).to.be.an('error');
    });

    it('replaces the worker of code that does not stop, says so, and runs the setup code again', async () => {
      const [editor, other] = await editorsFor(`
        <${tag} setup env="stubborn-${kind}">from_setup = "set up"</${tag}>
        <${tag} env="stubborn-${kind}">defined = 1
while True:
    try:
        print("started")
        ${spin('        ')}
    except KeyboardInterrupt:
        pass</${tag}>
        <${tag} env="stubborn-${kind}">print(from_setup)
try:
    defined
except NameError:
    print("names gone")</${tag}>`);
      const { run } = await startLoop(editor);
      await editor.stop();
      const error = await run;
      expect(error?.message).to.contain('worker was replaced');
      expect(error?.message).to.contain('setup code runs again');
      expect(outputOf(editor).querySelector('.py-error')!.textContent).to.contain('worker was replaced');
      expect(await other.run()).to.equal(undefined);
      expect(outputOf(other).textContent).to.equal('set up\nnames gone\n');
    });

    it('drops the runs asked for after the stopped one', async () => {
      const [editor] = await editorsFor(`<${tag}>print("started")\n${loop}</${tag}>`);
      const { run: first } = await startLoop(editor);
      const second = editor.run();
      await editor.stop();
      expect(await first).to.be.an('error');
      expect((await second)?.message).to.contain('stopped before it started');
    });
  });
}

describe('Stop in <py-editor> (Pyodide): KeyboardInterrupt', function () {
  this.timeout(180_000);

  it("keeps the env's names, and the next run works at once", async () => {
    const [editor, other] = await editorsFor(`
      <py-editor env="keeps-names">kept = 41
print("started")
while True:
    kept = 41</py-editor>
      <py-editor env="keeps-names">print(kept + 1)</py-editor>`);
    const { run } = await startLoop(editor);
    await editor.stop();
    const error = await run;
    expect(error?.message).to.contain('KeyboardInterrupt');
    expect(error?.message).not.to.contain('replaced');
    expect(outputOf(editor).querySelector('.py-error')!.textContent).to.contain('KeyboardInterrupt');
    expect(await other.run()).to.equal(undefined);
    expect(outputOf(other).textContent).to.equal('42\n');
  });

  it('lets the code catch the KeyboardInterrupt', async () => {
    const [editor] = await editorsFor(`<py-editor>try:
    print("started")
    while True:
        pass
except KeyboardInterrupt:
    print("caught")</py-editor>`);
    const { run } = await startLoop(editor);
    await editor.stop();
    expect(await run).to.equal(undefined);
    expect(outputOf(editor).textContent).to.equal('started\ncaught\n');
  });
});

describe('interrupt() on worker handles', function () {
  this.timeout(180_000);

  it('raises KeyboardInterrupt in a PyWorker', async () => {
    const { PyWorker } = (await import('/dist/core.js')) as unknown as { PyWorker: (url: string) => Promise<Handle> };
    const worker = await PyWorker('/test/fixtures/interrupt/loop.py');
    const started = new Promise((resolve) => (worker.sync.started = resolve));
    const interrupted = new Promise((resolve) => (worker.sync.interrupted = () => resolve('interrupted')));
    await started;
    expect(worker.interrupt()).to.equal(true);
    expect(await interrupted).to.equal('interrupted');
    worker.terminate();
  });

  it('returns false on an MPWorker, which cannot be interrupted', async () => {
    const { MPWorker } = (await import('/dist/core.js')) as unknown as { MPWorker: (url: string) => Promise<Handle> };
    const worker = await MPWorker('/test/fixtures/interrupt/loop.py');
    await new Promise((resolve) => (worker.sync.started = resolve));
    expect(worker.interrupt()).to.equal(false);
    worker.terminate();
  });
});

type Script = HTMLElement & { done: Promise<void>; interrupt(): Promise<boolean> };

/** Puts one worker `<script>` of `type` running `code` on the page; resolves with the `<script>` and its host once it showed `looping`. */
async function loopingScript(type: 'py' | 'mpy', code: string): Promise<{ script: Script; host: Script }> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.innerHTML = `<script type="${type}" worker>
from pyscript import display
display("looping")
${code}
</script>`;
  await waitFor(() => container.querySelector(`script-${type}`));
  const host = container.querySelector<Script>(`script-${type}`)!;
  await waitFor(() => host.textContent!.includes('looping'), 120_000);
  return { script: container.querySelector('script') as unknown as Script, host };
}

const errorOf = (host: HTMLElement) => host.querySelector('.py-error')?.textContent ?? '';

describe('interrupt() on worker scripts', function () {
  this.timeout(180_000);

  it('Pyodide: a `while True: pass` script gets a KeyboardInterrupt', async () => {
    const { script, host } = await loopingScript('py', 'while True:\n    pass');
    const done = new Promise((resolve) => script.addEventListener('py:done', resolve, { once: true }));
    expect(await script.interrupt()).to.equal(true);
    await done;
    expect(errorOf(host)).to.contain('KeyboardInterrupt');
    expect(errorOf(host)).not.to.contain('terminated');
    expect(await host.interrupt(), 'nothing left to stop').to.equal(false);
  });

  it('Pyodide: code that swallows the KeyboardInterrupt loses its worker, and the error says so', async () => {
    const { script, host } = await loopingScript('py', `while True:
    try:
        ${spin('        ')}
    except KeyboardInterrupt:
        pass`);
    expect(await script.interrupt()).to.equal(true);
    await host.done;
    expect(errorOf(host)).to.contain('Stopped: the code did not answer KeyboardInterrupt, so the worker was terminated.');
  });

  it('Pyodide: code that takes the KeyboardInterrupt late still gets its grace to unwind', async () => {
    // Each turn waits a second in JavaScript, where Python cannot take the
    // interrupt; the handler then takes another second. From the interrupt
    // that is up to two seconds, more than the grace; from the moment Python
    // took it, one.
    const { script, host } = await loopingScript('py', `import js
busy = js.eval("(ms) => { const t = Date.now(); while (Date.now() - t < ms) {} }")
try:
    while True:
        busy(1000)
except KeyboardInterrupt:
    busy(1000)
    raise`);
    const done = new Promise((resolve) => script.addEventListener('py:done', resolve, { once: true }));
    expect(await script.interrupt()).to.equal(true);
    await done;
    expect(errorOf(host)).to.contain('KeyboardInterrupt');
    expect(errorOf(host)).not.to.contain('terminated');
  });

  it('Pyodide: code that never takes the KeyboardInterrupt (a JavaScript call that does not return) loses its worker, and the error says why', async () => {
    const { script, host } = await loopingScript('py', 'import js\njs.eval("for (;;) {}")');
    expect(await script.interrupt()).to.equal(true);
    await host.done;
    expect(errorOf(host)).to.contain('Stopped: the code did not take the KeyboardInterrupt (it was not running Python: a long call into JavaScript or a C extension), so the worker was terminated.');
  });

  it('MicroPython: a `while True: pass` script loses its worker, and the error says why', async () => {
    const { script, host } = await loopingScript('mpy', spin());
    const done = new Promise((resolve) => script.addEventListener('mpy:done', resolve, { once: true }));
    expect(await host.interrupt()).to.equal(true);
    await done;
    expect(errorOf(host)).to.contain('Stopped: MicroPython cannot interrupt running code, so the worker was terminated.');
  });
});

interface Handle {
  sync: Record<string, unknown>;
  interrupt(): boolean;
  terminate(): void;
}
