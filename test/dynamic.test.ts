// Scripts added after start-up (by a framework, by innerHTML) run when they
// connect, and the lifecycle promises never race the events.
import { expect, fixture, html } from '@open-wc/testing';
import type { MPyScriptElement } from '../src/elements/mpy-script.js';
import '/dist/core.js';

const nextEvent = (target: EventTarget, name: string) =>
  new Promise<Event>((resolve) => target.addEventListener(name, resolve, { once: true }));

describe('scripts added after start-up', () => {
  it('runs a <script type="mpy"> added with innerHTML', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const done = nextEvent(box, 'mpy:done');
    box.innerHTML = `<script type="mpy">from pyscript import display; display("late " + str(6 * 7))</script>`;
    const event = await done;
    expect((event.target as Element).localName).to.equal('script');
    expect(box.querySelector('script-mpy')!.textContent).to.equal('late 42');
  });

  it('runs an <mpy-script> created by a framework and resolves el.ready then el.done', async () => {
    const el = document.createElement('mpy-script') as MPyScriptElement;
    el.textContent = 'from pyscript import display\ndisplay("made by js")';
    const steps: string[] = [];
    el.ready.then(() => steps.push('ready'));
    el.addEventListener('mpy:ready', () => steps.push('event:ready'));
    document.body.append(el);
    await el.done;
    steps.push('done');
    // The event is synchronous; the promise settles a microtask later. Both precede done.
    expect(steps).to.deep.equal(['event:ready', 'ready', 'done']);
    expect(el.textContent).to.equal('made by js');
    el.remove();
  });

  it('dispatches bubbling, composed events that cross a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const seen = nextEvent(host, 'mpy:done');
    root.innerHTML = '<mpy-script>x = 1</mpy-script>';
    const event = (await seen) as CustomEvent;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('rejects el.ready and still resolves el.done when the src is missing', async () => {
    const el = await fixture<MPyScriptElement>(html`<mpy-script src="/test/fixtures/foundation/nope.py"></mpy-script>`);
    let error: Error | undefined;
    await el.ready.catch((e: Error) => (error = e));
    await el.done;
    expect(error?.message).to.match(/^\(PY0404\)/);
    expect(el.querySelector('.py-error')?.getAttribute('data-code')).to.equal('PY0404');
  });

  it('runs a script appended with appendChild and shares the main interpreter', async () => {
    const first = document.createElement('script');
    first.type = 'mpy';
    first.textContent = 'shared_value = 41';
    const second = document.createElement('script');
    second.type = 'mpy';
    second.textContent = 'import js\njs.window.__shared = shared_value + 1';
    const done = nextEvent(second, 'mpy:done');
    document.body.append(first, second);
    await done;
    expect((window as unknown as { __shared: number }).__shared).to.equal(42);
    first.remove();
    second.remove();
  });

  it('removes the host when its <script> is removed', async () => {
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    const done = nextEvent(box, 'mpy:done');
    box.innerHTML = '<script type="mpy">x = 2</script>';
    await done;
    expect(box.querySelector('script-mpy')).to.exist;
    box.querySelector('script')!.remove();
    await new Promise((resolve) => setTimeout(resolve));
    expect(box.querySelector('script-mpy')).to.equal(null);
  });
});
