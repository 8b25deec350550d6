// Editors and the rest of the page, on both interpreters: `hooks.worker`
// runs around every editor run (as around a worker script), and every
// editor fires `py-editor:done` (MicroPython ones `mpy-editor:done` first).
import { expect, fixture, html } from '@open-wc/testing';
import * as core from '/dist/core.js';
import { waitFor } from './wait.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined> };
type Callback = (interpreter: unknown, context: { window: { __eh: string[] }; targetId: string }) => void;
const win = window as unknown as { __eh: string[] };

async function editorFor(markup: string): Promise<Editor> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.innerHTML = markup;
  const editor = container.querySelector<Editor>('py-editor, mpy-editor')!;
  await waitFor(() => editor.shadowRoot?.querySelector('button'));
  return editor;
}

for (const kind of ['mpy', 'py'] as const) {
  const tag = `${kind}-editor`;

  describe(`<${tag}> events`, function () {
    this.timeout(180_000);

    it(kind === 'mpy' ? 'fires mpy-editor:done, then py-editor:done, after each run' : 'fires py-editor:done after each run', async () => {
      const editor = await editorFor(`<${tag}>print(1)</${tag}>`);
      const seen: string[] = [];
      for (const type of ['py-editor:done', 'mpy-editor:done']) editor.addEventListener(type, (event) => seen.push(`${event.type} ${(event as CustomEvent).detail.error ? 'error' : 'ok'}`));
      await editor.run();
      editor.code = '1/0';
      await editor.run();
      expect(seen).to.deep.equal(
        kind === 'mpy'
          ? ['mpy-editor:done ok', 'py-editor:done ok', 'mpy-editor:done error', 'py-editor:done error']
          : ['py-editor:done ok', 'py-editor:done error'],
      );
    });
  });

  describe(`hooks.worker around <${tag}> runs`, function () {
    this.timeout(180_000);

    it('runs the run hooks around every run, in order, with the run target', async () => {
      win.__eh = [];
      const hooks = core.hooks.worker as unknown as Record<string, Set<unknown>>;
      const onReady: Callback = (_, context) => void context.window.__eh.push('onReady');
      const onBeforeRun: Callback = (_, context) => void context.window.__eh.push(`onBeforeRun ${context.targetId}`);
      const onAfterRun: Callback = (_, context) => void context.window.__eh.push('onAfterRun');
      const push = (name: string) => `from pyscript import window\nwindow.__eh.push("${name}")`;
      const added: [string, unknown][] = [
        ['onReady', onReady], ['onBeforeRun', onBeforeRun], ['onAfterRun', onAfterRun],
        ['codeBeforeRun', push('codeBeforeRun')], ['codeAfterRun', push('codeAfterRun')],
      ];
      for (const [name, item] of added) hooks[name].add(item);
      try {
        const editor = await editorFor(`<${tag} id="hooked-${kind}">${push('code')}</${tag}>`);
        expect(await editor.run()).to.equal(undefined);
        expect(await editor.run()).to.equal(undefined);
        const output = `hooked-${kind}-output`;
        const once = [`onBeforeRun ${output}`, 'codeBeforeRun', 'code', 'codeAfterRun', 'onAfterRun'];
        expect(win.__eh).to.deep.equal(['onReady', ...once, ...once]);
      } finally {
        for (const [name, item] of added) hooks[name].delete(item);
      }
    });
  });
}
