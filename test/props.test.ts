// Properties are the API (React 19, Vue 3 and Svelte 5 set a custom
// element's property when it has one): each works set before the element
// connects, and a change after the code ran does what the README says.
import { expect, fixture, html } from '@open-wc/testing';
import { workers as liveWorkers } from './live-workers.js'; // first: counts the workers core.js makes
import { workers } from '/dist/core.js';
import type { MPyScriptElement } from '../src/elements/mpy-script.js';
import { waitFor } from './wait.js';

const greetingConfig = JSON.stringify({ files: { '/demo/config/greeting.py': './greeting.py' } });
const usesGreeting = 'from pyscript import display\nimport greeting\ndisplay(greeting.greet("a prop"))';

/** An `<mpy-script>` made as a framework makes one: properties first, then the code, then into the page. */
function made(props: Partial<MPyScriptElement>, code: string): MPyScriptElement {
  const el = document.createElement('mpy-script');
  Object.assign(el, props);
  el.textContent = code;
  return el;
}

/** Counts the `mpy:done` events of `el` that carry no error. */
function countDone(el: HTMLElement): { count: number } {
  const seen = { count: 0 };
  el.addEventListener('mpy:done', (event) => !(event as CustomEvent).detail.error && seen.count++);
  return seen;
}

describe('properties as the API', () => {
  let container: HTMLElement;
  beforeEach(async () => {
    container = await fixture<HTMLElement>(html`<div></div>`);
  });
  afterEach(async () => {
    container.remove();
    await waitFor(() => liveWorkers.live === 0, 10_000);
  });

  it('config set as a property before connect configures a worker script', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({ worker: true, config: greetingConfig }, usesGreeting));
    await el.done;
    expect(el.querySelector('.py-error')).to.equal(null);
    expect(el.textContent).to.contain('hello a prop');
  });

  it('name set as a property before connect makes the worker reachable in workers', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({ worker: true, name: 'prop-named' }, 'from pyscript import sync\nsync.hi = lambda: "hi"'));
    await el.done;
    expect(await (await workers['prop-named']).hi()).to.equal('hi');
  });

  it('changing config of a worker script after it ran restarts it with the new config', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({ worker: true }, 'from pyscript import display, config\ndisplay("files" in config)'));
    const done = countDone(el);
    await el.done;
    expect(el.textContent).to.equal('False');
    const before = liveWorkers.constructed;
    el.config = greetingConfig;
    await waitFor(() => done.count === 2, 30_000);
    expect(el.textContent).to.equal('True'); // the first run's output is replaced
    expect(liveWorkers.constructed - before).to.equal(1);
    expect(liveWorkers.live).to.equal(1);
  });

  it('changing src of a worker script after it ran restarts it with the new file', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({ worker: true, src: '/test/fixtures/props/a.py' }, ''));
    const done = countDone(el);
    await el.done;
    expect(el.textContent).to.equal('file a');
    el.src = '/test/fixtures/props/b.py';
    await waitFor(() => done.count === 2, 30_000);
    expect(el.textContent).to.equal('file b');
    expect(liveWorkers.live).to.equal(1);
  });

  it('changing src of a main-thread script after it ran runs the new file once', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({}, 'from pyscript import display\ndisplay("inline")'));
    const done = countDone(el);
    await el.done;
    expect(el.textContent).to.equal('inline');
    el.src = '/test/fixtures/props/b.py';
    await waitFor(() => done.count === 2, 30_000);
    expect(el.textContent).to.equal('file b');
    expect(el.querySelector('.py-error')).to.equal(null);
  });

  it('changing target of a script after it ran does not run it again', async function () {
    this.timeout(60_000);
    const el = container.appendChild(made({}, 'from pyscript import display\ndisplay("once")'));
    const done = countDone(el);
    await el.done;
    el.target = 'elsewhere';
    await el.updateComplete;
    const again = container.appendChild(made({}, 'x = 1'));
    await again.done;
    expect(done.count).to.equal(1);
    expect(el.textContent).to.equal('once');
  });
});
