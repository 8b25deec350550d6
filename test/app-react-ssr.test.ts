// Server-rendered markup that React then hydrates: the script runs once,
// when core.js sees it, and hydration keeps the element (no second run).
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { waitFor } from './wait.js';

interface SsrDemo {
  renderOnServer(): string;
  hydrate(container: Element): { unmount(): void; errors: unknown[] };
}

describe('the React demo rendered on the server, then hydrated', () => {
  it('runs the script once and hydration keeps the element', async function () {
    this.timeout(60_000);
    const demo = (await import('/demo/frameworks/react/build/ssr.js' as string)) as SsrDemo;
    const w = window as unknown as { __ssrRuns?: number };
    w.__ssrRuns = 0;
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = demo.renderOnServer();
    const script = container.querySelector('mpy-script') as HTMLElement & { done: Promise<void> };
    await script.done;
    expect(w.__ssrRuns).to.equal(1);
    const app = demo.hydrate(container);
    const button = container.querySelector('button')!;
    await waitFor(() => {
      button.click(); // works once React has hydrated
      return container.querySelector('button')?.textContent !== 'clicked 0';
    });
    // Give a second run, if any, the time a run of MicroPython takes.
    const after = document.body.appendChild(document.createElement('mpy-script')) as HTMLElement & { done: Promise<void> };
    after.textContent = 'x = 1';
    await after.done;
    after.remove();
    expect(app.errors).to.deep.equal([]);
    expect(container.querySelector('mpy-script')).to.equal(script);
    expect(w.__ssrRuns).to.equal(1);
    expect(script.textContent).to.equal('rendered on the server, run once');
    app.unmount();
  });
});
