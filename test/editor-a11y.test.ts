// Editors for keyboard and screen-reader users, on both interpreters: named,
// focusable Run/Stop buttons, the output as a polite live region, checked in
// the accessibility tree that each engine computes (test/aria-role-plugin.mjs); and
// keyboard-only use: Tab in, Shift+Enter runs, Escape then Tab goes on to
// the button and out.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '/dist/core.js';
import { waitFor } from './wait.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined>; stop(): Promise<void> };

/**
 * How many elements under `selector` have this role and accessible name in
 * the engine's accessibility tree, once that count is `expected` or after 10 s
 * (engines update the tree a little after the DOM changes: Firefox, WebKit).
 */
async function roles(selector: string, role: string, name: string, expected: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const count = await executeServerCommand<number, { selector: string; role: string; name: string }>('aria-roles', { selector, role, name });
    if (count === expected || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The element with focus, inside shadow roots too. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

for (const kind of ['mpy', 'py'] as const) {
  const tag = `${kind}-editor`;
  const language = kind === 'py' ? 'Python' : 'MicroPython';

  describe(`<${tag}> accessibility`, function () {
    this.timeout(180_000);
    let container: HTMLElement;
    let editor: Editor;

    beforeEach(async () => {
      // The loop calls JavaScript each turn: WebKit cannot terminate a worker looping inside WebAssembly alone (test/editor-stop.test.ts).
      container = await fixture<HTMLElement>(html`<div id="a11y-box"><button id="before">before</button><div id="slot"></div><button id="after">after</button></div>`);
      container.querySelector('#slot')!.innerHTML = `<${tag} id="a11y-${kind}">from js import Date\nprint("started")\nwhile True: Date.now()</${tag}>`;
      editor = container.querySelector<Editor>(tag)!;
      await waitFor(() => editor.shadowRoot?.querySelector('.cm-content'));
    });

    it('shows the code, a Run button and a polite output log in the accessibility tree', async () => {
      const root = `#a11y-${kind}`;
      expect(await roles(root, 'textbox', `${language} code`, 1), 'the code').to.equal(1);
      expect(await roles(root, 'button', 'Run', 1), 'the Run button').to.equal(1);
      expect(await roles(root, 'log', 'Output', 1), 'the output log').to.equal(1);
      const output = editor.querySelector('.py-editor-output')!;
      expect(output.getAttribute('role')).to.equal('log');
      expect(output.getAttribute('aria-live')).to.equal('polite');
      await expect(editor).to.be.accessible();
    });

    it('names the button Stop while the code runs, output in the log', async () => {
      const run = editor.run();
      await waitFor(() => editor.querySelector('.py-editor-output')!.textContent!.includes('started'), 120_000);
      const root = `#a11y-${kind}`;
      expect(await roles(root, 'button', 'Stop', 1), 'the Stop button').to.equal(1);
      expect(await roles(root, 'button', 'Run', 0), 'no Run button while it runs').to.equal(0);
      expect(await roles(root, 'log', 'Output', 1), 'the output log').to.equal(1);
      expect(editor.querySelector('[role="log"]')!.textContent).to.contain('started');
      await editor.stop();
      await run;
      expect(await roles(root, 'button', 'Run', 1), 'Run again after the stop').to.equal(1);
    });

    it('works from the keyboard: Tab in, Shift+Enter runs, Escape then Tab reaches the button, Tab leaves', async () => {
      editor.code = 'print("from the keyboard")';
      (container.querySelector('#before') as HTMLElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(focused()?.classList.contains('cm-content'), 'Tab goes into the code').to.equal(true);
      const done = new Promise((resolve) => editor.addEventListener('py-editor:done', resolve, { once: true }));
      await sendKeys({ press: 'Shift+Enter' });
      await done;
      expect(editor.querySelector('.py-editor-output')!.textContent).to.equal('from the keyboard\n');
      expect(editor.code, 'Shift+Enter inserts nothing').to.equal('print("from the keyboard")');
      // Tab indents in the code; after Escape it moves focus on.
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Tab' });
      expect(focused()?.getAttribute('aria-label')).to.equal('Run');
      expect(editor.code, 'that Tab did not indent').to.equal('print("from the keyboard")');
      await sendKeys({ press: 'Tab' });
      expect(focused()?.id).to.equal('after');
    });
  });
}
