// Comments a template engine leaves inside an element (lit's part markers)
// are not code; comments the author wrote are.
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, render } from 'lit';
import '/dist/core.js';

type ScriptEl = HTMLElement & { done: Promise<void> };

describe('template markers', () => {
  it('lit’s ${code} binding inside <mpy-script> runs the code, and re-renders do not throw', async function () {
    this.timeout(60_000);
    const container = await fixture<HTMLElement>(fixtureHtml`<div></div>`);
    const view = (code: string) => html`<mpy-script>${code}</mpy-script>`;
    const code = 'from pyscript import display\ndisplay("bound code ran")';
    render(view(code), container);
    const el = container.querySelector('mpy-script') as ScriptEl;
    await el.done;
    expect(el.querySelector('.py-error')).to.equal(null);
    expect(el.textContent).to.equal('bound code ran');
    render(view(code), container);
    render(view('display("changed")'), container);
    expect(container.querySelector('mpy-script')).to.equal(el);
  });

  it('a comment the author wrote inside the code is kept', async function () {
    this.timeout(60_000);
    const container = await fixture<HTMLElement>(fixtureHtml`<div></div>`);
    container.innerHTML = '<mpy-script>from pyscript import display\ndisplay("<!-- kept -->")</mpy-script>';
    const el = container.querySelector('mpy-script') as ScriptEl;
    await el.done;
    expect(el.textContent).to.equal('<!-- kept -->');
  });
});
