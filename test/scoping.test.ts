// Ids named by `target`, `display(target=…)` and editors resolve in the
// element's own root first (the shadow root of the component it is in),
// then in the document: two instances of one component, each with its own
// `<div id="out">`, never write into each other's.
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { waitFor } from './wait.js';

type ScriptEl = HTMLElement & { done: Promise<void> };
type Editor = HTMLElement & { run(): Promise<Error | undefined> };

/** `count` shadow roots side by side (as `count` instances of one component render), each holding `markup`. */
async function instances(markup: string, count = 2): Promise<ShadowRoot[]> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const roots: ShadowRoot[] = [];
  for (let i = 0; i < count; i++) {
    const host = container.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = markup.replaceAll('{i}', String(i));
    roots.push(root);
  }
  return roots;
}

const outText = (root: ShadowRoot, id = 'out') => root.getElementById(id)?.textContent?.trim() ?? '';

describe('ids resolve in the element’s own root first', () => {
  for (const [attribute, kind] of [['', 'main-thread'], [' worker', 'worker']] as const) {
    it(`two instances of a component with a ${kind} script and target="out" each write into their own #out`, async function () {
      this.timeout(60_000);
      const roots = await instances(`<div id="out"></div><mpy-script${attribute} target="out">from pyscript import display\ndisplay("instance {i}")</mpy-script>`);
      await Promise.all(roots.map((root) => (root.querySelector('mpy-script') as ScriptEl).done));
      expect(roots.map((root) => outText(root))).to.deep.equal(['instance 0', 'instance 1']);
    });

    it(`display(target="out") of a ${kind} script writes into the #out of its own instance`, async function () {
      this.timeout(60_000);
      const roots = await instances(`<div id="out"></div><mpy-script${attribute}>from pyscript import display\ndisplay("instance {i}", target="out")</mpy-script>`);
      await Promise.all(roots.map((root) => (root.querySelector('mpy-script') as ScriptEl).done));
      expect(roots.map((root) => outText(root))).to.deep.equal(['instance 0', 'instance 1']);
    });
  }

  it('the shadow root wins over an element with the same id in the document', async function () {
    this.timeout(60_000);
    const outside = await fixture<HTMLElement>(html`<div id="out"></div>`);
    const [root] = await instances('<div id="out"></div><mpy-script target="out">from pyscript import display\ndisplay("inside")</mpy-script>', 1);
    await (root.querySelector('mpy-script') as ScriptEl).done;
    expect(outText(root)).to.equal('inside');
    expect(outside.textContent).to.equal('');
  });

  it('an id that is not in the shadow root is found in the document', async function () {
    this.timeout(60_000);
    const outside = await fixture<HTMLElement>(html`<div id="page-level-out"></div>`);
    const [root] = await instances('<mpy-script>from pyscript import display\ndisplay("to the page", target="page-level-out")</mpy-script>', 1);
    await (root.querySelector('mpy-script') as ScriptEl).done;
    expect(outside.textContent).to.equal('to the page');
  });

  it('errors of scripts whose target is "out" show in their own instance', async function () {
    this.timeout(60_000);
    const roots = await instances('<div id="out"></div><mpy-script target="out">raise ValueError("instance {i}")</mpy-script>');
    await Promise.all(roots.map((root) => (root.querySelector('mpy-script') as ScriptEl).done));
    expect(roots.map((root) => root.querySelector('#out .py-error')?.textContent)).to.satisfy((texts: string[]) =>
      texts.every((text, i) => text?.includes(`ValueError: instance ${i}`)),
    );
  });

  it('editors with target="out" in two instances each print into their own #out', async function () {
    this.timeout(60_000);
    const roots = await instances('<div id="out"></div><mpy-editor target="out">print("instance {i}")</mpy-editor>');
    const editors = roots.map((root) => root.querySelector('mpy-editor') as Editor);
    await waitFor(() => editors.every((editor) => editor.shadowRoot?.querySelector('.cm-editor')));
    for (const editor of editors) expect((await editor.run())?.message ?? '').to.equal('');
    expect(roots.map((root) => outText(root))).to.deep.equal(['instance 0', 'instance 1']);
  });

  it('editors sharing an env print into the #out of the instance that ran', async function () {
    this.timeout(60_000);
    const roots = await instances('<div id="out"></div><mpy-editor env="scoped-shared">from pyscript import display\ndisplay("instance {i}", target="out")</mpy-editor>');
    const editors = roots.map((root) => root.querySelector('mpy-editor') as Editor);
    await waitFor(() => editors.every((editor) => editor.shadowRoot?.querySelector('.cm-editor')));
    for (const editor of editors) expect((await editor.run())?.message ?? '').to.equal('');
    expect(roots.map((root) => outText(root))).to.deep.equal(['instance 0', 'instance 1']);
  });
});
