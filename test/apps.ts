// The framework demos (demo/frameworks/*), mounted as a user's app mounts
// them, driven through their own buttons: one suite, run by each
// app-<framework>.test.ts. Every app shows a Pyodide script and cards that
// hold a MicroPython script on the main thread, one in a worker and an editor.
import { expect } from '@open-wc/testing';
import { workers } from './live-workers.js'; // first: counts the workers core.js makes
import '/dist/core.js';
import { waitFor } from './wait.js';

/** What each demo bundle exports. */
export interface DemoApp {
  mount(container: Element, options?: { config?: string }): { unmount(): void };
}

/** Every element matching `selector` under `root`, shadow roots included (lit renders into them). */
export function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The demo app of one framework, mounted into a fresh container. */
export class MountedDemo {
  readonly container = document.body.appendChild(document.createElement('div'));
  #app: { unmount(): void } | undefined;

  constructor(demo: DemoApp, options?: { config?: string }) {
    this.#app = demo.mount(this.container, options);
  }

  /** The card labelled `label` (its <section>), or undefined while there is none. */
  card(label: string): HTMLElement | undefined {
    return deepAll(this.container, `.card[data-card="${label}"]`)[0];
  }

  cards(): string[] {
    return deepAll(this.container, '.card').map((card) => card.dataset.card!);
  }

  click(action: 'add' | 'remove' | 'toggle'): void {
    deepAll(this.container, `[data-action="${action}"]`)[0].click();
  }

  /** Resolves once both scripts of card `label` have fired `mpy:done`, as the app shows. */
  async cardDone(label: string): Promise<HTMLElement> {
    await waitFor(() => {
      const status = this.card(label)?.querySelector('.status')?.textContent ?? '';
      return status.includes('main') && status.includes('worker');
    }, 60_000);
    return this.card(label)!;
  }

  unmount(): void {
    this.#app?.unmount();
    this.#app = undefined;
    this.container.remove();
  }
}

/** Text of the element matching `selector` in `card`. */
const text = (card: HTMLElement, selector: string): string => card.querySelector(selector)?.textContent?.trim() ?? '';

/** The `:done` events card `card` has heard, as it lists them, sorted. */
const doneEvents = (card: HTMLElement): string[] => text(card, '.status').replace(/^done: /, '').split(', ').sort();

/** Resolves once no worker made by the page is alive. */
const noWorkerLeft = () => waitFor(() => workers.live === 0, 10_000);

/** The shared suite of one framework's demo. */
export function describeApp(framework: string, load: () => Promise<DemoApp>): void {
  describe(`the ${framework} demo`, () => {
    let demo: DemoApp;
    let app: MountedDemo | undefined;

    before(async () => {
      demo = await load();
    });

    afterEach(async () => {
      app?.unmount();
      app = undefined;
      await noWorkerLeft();
    });

    it('mounts: Pyodide, and MicroPython on the main thread and in a worker, run; the app hears py:done and mpy:done', async function () {
      this.timeout(120_000);
      app = new MountedDemo(demo);
      const python = () => deepAll(app!.container, '.python-status')[0]?.textContent;
      await waitFor(() => python()?.includes('done'), 100_000);
      expect(python()).to.equal('Pyodide: done');
      expect(deepAll(app.container, 'py-script.version')[0].textContent).to.match(/^Pyodide runs Python 3\.\d+/);
      for (const label of ['1', '2']) {
        const card = await app.cardDone(label);
        expect(doneEvents(card)).to.deep.equal(['main', 'worker']);
        expect(text(card, 'mpy-script.main')).to.equal('micropython on the main thread');
        expect(text(card, 'mpy-script.worker')).to.equal('in a worker: True');
      }
      expect(workers.live).to.equal(2); // one per worker script; editors start theirs on the first run
    });

    it('runs the editor inside a card in a worker of its own and shows the output in the card', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo);
      const card = await app.cardDone('1');
      const editor = card.querySelector('mpy-editor')!;
      await waitFor(() => editor.shadowRoot?.querySelector('.cm-editor'));
      const done = new Promise((resolve) => editor.addEventListener('mpy-editor:done', resolve, { once: true }));
      editor.shadowRoot!.querySelector('button')!.click();
      await done;
      expect(text(editor, '.py-editor-output')).to.contain('hello from the editor');
      expect(card.querySelector('.py-error')).to.equal(null);
      expect(workers.live).to.equal(3);
    });

    it('unmounting the cards leaves no worker alive; mounting them again runs each script once more', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo);
      await app.cardDone('1');
      await app.cardDone('2');
      const editor = app.card('1')!.querySelector('mpy-editor') as HTMLElement & { run(): Promise<unknown> };
      await editor.run(); // its env's worker is up now
      expect(workers.live).to.equal(3);

      app.click('toggle');
      await waitFor(() => app!.cards().length === 0);
      await noWorkerLeft();

      const before = workers.constructed;
      app.click('toggle');
      for (const label of ['1', '2']) {
        const card = await app.cardDone(label);
        expect(doneEvents(card)).to.deep.equal(['main', 'worker']); // one each, no failure
        expect(card.querySelectorAll('mpy-script.main > *')).to.have.length(1); // ran once, not twice
        expect(text(card, 'mpy-script.worker')).to.equal('in a worker: True');
      }
      expect(workers.constructed - before).to.equal(2);
      expect(workers.live).to.equal(2);
    });

    it('a card added later runs; removing it terminates its worker', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo);
      await app.cardDone('1');
      await app.cardDone('2');
      app.click('add');
      const card = await app.cardDone('3');
      expect(text(card, 'mpy-script.main')).to.equal('micropython on the main thread');
      expect(workers.live).to.equal(3);
      app.click('remove');
      await waitFor(() => !app!.card('3'));
      await waitFor(() => workers.live === 2, 10_000);
      expect(app.cards()).to.deep.equal(['1', '2']);
    });

    it('passes config to the worker scripts as a prop', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo, { config: JSON.stringify({ files: { '/demo/config/greeting.py': './greeting.py' } }) });
      const card = await app.cardDone('1');
      expect(card.querySelector('mpy-script.worker .py-error')).to.equal(null);
      expect(text(card, 'mpy-script.worker')).to.contain('hello the worker, from a file listed in [files]');
    });

    it('two cards side by side keep their output apart', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo);
      const cards = [await app.cardDone('1'), await app.cardDone('2')];
      for (const card of cards) {
        expect(card.textContent!.split('on the main thread')).to.have.length(2);
        expect(card.textContent!.split('in a worker: True')).to.have.length(2);
      }
    });

    it('unmounting the whole app stops every worker it started, editors included', async function () {
      this.timeout(60_000);
      app = new MountedDemo(demo);
      await app.cardDone('1');
      await app.cardDone('2');
      const editors = deepAll(app.container, 'mpy-editor') as (HTMLElement & { run(): Promise<unknown> })[];
      await Promise.all(editors.map((editor) => editor.run()));
      expect(workers.live).to.equal(4);
      app.unmount();
      app = undefined;
      await noWorkerLeft();
    });
  });
}
