// A docs page with 50 editors (25 of each interpreter): every editor shows
// its code at once, as text; CodeMirror is built only for editors near the
// viewport (or focused); no interpreter downloads before the first run.
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { waitFor } from './wait.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined> };

const interpreterRequests = () =>
  performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /micropython\.wasm|pyodide\.asm|python_stdlib|snapshot\.bin/.test(name));

describe('a page with 50 editors', function () {
  this.timeout(180_000);

  it('shows all the code at once, builds CodeMirror lazily, and downloads no interpreter before a run', async () => {
    // Counts the workers started (an editor's interpreter loads in its worker, whose downloads main's timeline does not list).
    const started: string[] = [];
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(String(url));
      }
    };
    try {
      await check(started);
    } finally {
      window.Worker = RealWorker;
    }
  });
});

async function check(started: string[]): Promise<void> {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = Array.from({ length: 50 }, (_, i) => {
      const tag = i % 2 ? 'py-editor' : 'mpy-editor';
      return `<${tag}>print("editor ${i}")\nx = ${i}</${tag}>`;
    }).join('\n');
    const editors = [...container.querySelectorAll<Editor>('py-editor, mpy-editor')];
    expect(editors.length).to.equal(50);
    const shown = (editor: Editor) => editor.shadowRoot?.querySelector('.code')?.textContent ?? '';
    await waitFor(() => editors.every((editor, i) => shown(editor).includes(`editor ${i}`)));
    // The views near the viewport come; the far ones stay text.
    await waitFor(() => editors[0].shadowRoot!.querySelector('.cm-editor'));
    const views = editors.filter((editor) => editor.shadowRoot!.querySelector('.cm-editor')).length;
    expect(views).to.be.greaterThan(0);
    expect(views).to.be.lessThan(50);
    expect(interpreterRequests()).to.deep.equal([]);
    expect(started, 'no worker before a run').to.deep.equal([]);

    // The last one, far down: focus builds its view; it runs.
    const last = editors[49];
    expect(last.shadowRoot!.querySelector('.cm-editor')).to.equal(null);
    (last.shadowRoot!.querySelector('.code pre') as HTMLElement).focus();
    await waitFor(() => last.shadowRoot!.querySelector('.cm-editor'));
    expect(last.code).to.equal('print("editor 49")\nx = 49');
    expect(await editors[48].run()).to.equal(undefined);
    expect(editors[48].querySelector('.py-editor-output')!.textContent).to.equal('editor 48\n');
    expect(started.length, 'one worker for the run').to.equal(1);
}
