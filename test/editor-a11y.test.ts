// Editors for keyboard and screen-reader users, on both interpreters: named,
// focusable Run/Stop buttons, the output as a polite live region, checked in
// the accessibility tree (Playwright's ARIA snapshot, any engine); and
// keyboard-only use: Tab in, Shift+Enter runs, Escape then Tab goes on to
// the button and out.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '/dist/core.js';
import { waitFor } from './wait.js';

type Editor = HTMLElement & { code: string; run(): Promise<Error | undefined>; stop(): Promise<void> };

const ariaSnapshot = (selector: string) => executeServerCommand<string, { selector: string }>('aria-snapshot', { selector });

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
      container = await fixture<HTMLElement>(html`<div id="a11y-box"><button id="before">before</button><div id="slot"></div><button id="after">after</button></div>`);
      container.querySelector('#slot')!.innerHTML = `<${tag} id="a11y-${kind}">print("started")\nwhile True: pass</${tag}>`;
      editor = container.querySelector<Editor>(tag)!;
      await waitFor(() => editor.shadowRoot?.querySelector('.cm-content'));
    });

    it('shows the code, a Run button and a polite output log in the accessibility tree', async () => {
      const snapshot = await ariaSnapshot(`#a11y-${kind}`);
      expect(snapshot).to.match(new RegExp(`textbox "${language} code"`));
      expect(snapshot).to.contain('button "Run"');
      expect(snapshot).to.contain('log "Output"');
      const output = editor.querySelector('.py-editor-output')!;
      expect(output.getAttribute('role')).to.equal('log');
      expect(output.getAttribute('aria-live')).to.equal('polite');
      await expect(editor).to.be.accessible();
    });

    it('names the button Stop while the code runs, output in the log', async () => {
      const run = editor.run();
      await waitFor(() => editor.querySelector('.py-editor-output')!.textContent!.includes('started'), 120_000);
      const snapshot = await ariaSnapshot(`#a11y-${kind}`);
      expect(snapshot).to.contain('button "Stop"');
      expect(snapshot).not.to.contain('button "Run"');
      expect(snapshot).to.match(/log "Output"[^\n]*\n?[^\n]*started/);
      await editor.stop();
      await run;
      expect(await ariaSnapshot(`#a11y-${kind}`)).to.contain('button "Run"');
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
