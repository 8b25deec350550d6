// A page under a strict Content-Security-Policy (no eval, no inline
// scripts, no blob: workers; test/server.mjs sends it, also to the workers
// the page starts) runs main-thread and worker scripts of both
// interpreters and an editor, with no violation. (Terminals are not in it:
// xterm.js's renderer writes <style> elements, which need style-src 'unsafe-inline'.)
import { expect } from '@open-wc/testing';
import { until } from './errors-page.js';

type Editor = HTMLElement & { run(): Promise<Error | undefined> };

describe('strict Content-Security-Policy', function () {
  this.timeout(180_000);

  it("runs everything with default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' and no violation", async () => {
    const iframe = document.createElement('iframe');
    iframe.src = '/test/fixtures/csp/strict.html';
    document.body.append(iframe);
    const win = () => iframe.contentWindow as unknown as { allDone: number; violations: string[]; consoleErrors: string[] };
    const doc = () => iframe.contentDocument!;
    await until(() => win()?.allDone, 150_000, 'py:all-done');
    const text = (id: string) => doc().getElementById(id)?.textContent?.trim();
    expect(text('mpy-main')).to.equal('mpy main');
    expect(text('py-main')).to.equal('py main');
    expect(text('mpy-worker')).to.equal('mpy worker strict Content-Security-Policy');
    expect(text('py-worker')).to.equal('py worker strict Content-Security-Policy');
    const editor = doc().querySelector<Editor>('mpy-editor')!;
    expect(editor, 'the editor element').to.exist;
    expect(await editor.run()).to.equal(undefined);
    expect(editor.textContent).to.contain('mpy editor');
    expect(doc().querySelectorAll('.py-error'), [...doc().querySelectorAll('.py-error')].map((b) => b.textContent).join('\n')).to.have.length(0);
    expect(win().violations).to.deep.equal([]);
    expect(win().consoleErrors.join('\n')).to.not.match(/Content.Security.Policy|Refused to/i);
    expect(win().allDone).to.equal(1);
  });
});
