// Scripts and editors inside a shadow root, where frameworks (lit, Shoelace)
// render: display(), `target`, explicit display targets and editor output
// must find their elements there too (document.getElementById cannot).
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { waitFor } from './wait.js';

type ScriptEl = HTMLElement & { done: Promise<void> };
type Editor = HTMLElement & { run(): Promise<Error | undefined> };

/** A shadow root in a fresh container, holding `markup`. */
async function shadow(markup: string): Promise<ShadowRoot> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const root = container.attachShadow({ mode: 'open' });
  root.innerHTML = markup;
  return root;
}

describe('inside a shadow root', () => {
  for (const [attribute, kind] of [['', 'main-thread'], [' worker', 'worker']] as const) {
    it(`display() of a ${kind} <mpy-script> writes to its own place`, async function () {
      this.timeout(60_000);
      const root = await shadow(`<mpy-script${attribute}>from pyscript import display\ndisplay("shown in the shadow root")</mpy-script>`);
      const script = root.querySelector('mpy-script') as ScriptEl;
      await script.done;
      expect(script.querySelector('.py-error')?.textContent ?? '').to.equal('');
      expect(script.textContent).to.contain('shown in the shadow root');
    });
  }

  it('the target attribute and display(target=...) find elements of the same shadow root', async function () {
    this.timeout(60_000);
    const root = await shadow(`
      <div id="shadow-out"></div><div id="shadow-other"></div>
      <mpy-script target="shadow-out">from pyscript import display
display("to the target")
display("to another", target="shadow-other")
</mpy-script>`);
    const script = root.querySelector('mpy-script') as ScriptEl;
    await script.done;
    expect(script.querySelector('.py-error')?.textContent ?? '').to.equal('');
    expect(root.getElementById('shadow-out')!.textContent).to.contain('to the target');
    expect(root.getElementById('shadow-other')!.textContent).to.contain('to another');
  });

  it('an error of a script whose target is in the shadow root is shown there', async function () {
    this.timeout(60_000);
    const root = await shadow('<div id="shadow-errors"></div><mpy-script target="shadow-errors">1 / 0</mpy-script>');
    await (root.querySelector('mpy-script') as ScriptEl).done;
    expect(root.querySelector('#shadow-errors .py-error')?.textContent).to.contain('ZeroDivisionError');
  });

  it('display() to an id that is nowhere shows the ValueError at the script, without hanging', async function () {
    this.timeout(60_000);
    const root = await shadow('<mpy-script>from pyscript import display\ndisplay("lost", target="nowhere-at-all")</mpy-script>');
    const script = root.querySelector('mpy-script') as ScriptEl;
    await script.done;
    expect(script.querySelector('.py-error')?.textContent).to.contain("Cannot find element with id='nowhere-at-all' in the page.");
  });

  it('an editor shows print and display output in its output area', async function () {
    this.timeout(60_000);
    const root = await shadow('<mpy-editor>from pyscript import display\nprint("printed")\ndisplay("displayed")</mpy-editor>');
    const editor = root.querySelector('mpy-editor') as Editor;
    await waitFor(() => editor.shadowRoot?.querySelector('.cm-editor'));
    expect((await editor.run())?.message ?? '').to.equal('');
    const output = editor.querySelector('.py-editor-output') as HTMLElement;
    expect(output.textContent).to.contain('printed');
    expect(output.textContent).to.contain('displayed');
  });
});
