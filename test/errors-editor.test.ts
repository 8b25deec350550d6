// Editors: a `when` handler or timer registered by an editor's code that
// raises shows in that editor's output (not only on the console), and an
// editor's config resolves relative URLs against the page.
import { expect } from '@open-wc/testing';
import { boxes, errorPage, until } from './errors-page.js';

type Editor = HTMLElement & { run(): Promise<Error | undefined> };

describe('editor errors', function () {
  this.timeout(120_000);

  it("a when handler of an editor's code that raises shows in the editor's output", async () => {
    const frame = await errorPage(`<button id="eb">b</button>
      <script type="mpy-editor" id="ed">
from pyscript import when

@when("click", "#eb")
def clicked(event):
    raise ValueError("editor handler")
      </script>`);
    const editor = frame.document.querySelector<Editor>('mpy-editor')!;
    await until(() => editor.shadowRoot?.querySelector('button'), 30_000, 'the editor');
    expect(await editor.run()).to.equal(undefined);
    frame.document.getElementById('eb')!.click();
    await until(() => boxes(frame, '.py-editor-output').length >= 1, 10_000, 'a box in the output');
    expect(boxes(frame, '.py-editor-output')[0]).to.match(/ValueError: editor handler/);
  });

  it("a timer callback of an editor's code that raises shows in the editor's output", async () => {
    const frame = await errorPage(`<script type="mpy-editor">
import js
from pyscript.ffi import create_proxy

def later():
    raise RuntimeError("editor timer")

js.setTimeout(create_proxy(later), 0)
      </script>`);
    const editor = frame.document.querySelector<Editor>('mpy-editor')!;
    await until(() => editor.shadowRoot?.querySelector('button'), 30_000, 'the editor');
    expect(await editor.run()).to.equal(undefined);
    await until(() => boxes(frame, '.py-editor-output').length >= 1, 10_000, 'a box in the output');
    expect(boxes(frame, '.py-editor-output')[0]).to.match(/RuntimeError: editor timer/);
  });
});
