// The page state owner, without core.js: each document's Page is its own.
import { expect } from '@open-wc/testing';
import { Page, pageOf } from './page.js';

describe('Page', () => {
  it('is found from a node of its document once attached, and not before', () => {
    const other = document.implementation.createHTMLDocument('other');
    const node = other.createElement('div');
    expect(() => pageOf(node)).to.throw(/no page state/);
    const page = new Page(other).attach();
    expect(pageOf(node)).to.equal(page);
    expect(pageOf(other)).to.equal(page);
  });

  it('shares nothing with the page of another document', async () => {
    const [a, b] = [new Page(document.implementation.createHTMLDocument('a')), new Page(document.implementation.createHTMLDocument('b'))];
    expect(a.interpreter('micropython')).to.equal(a.interpreter('micropython'));
    expect(a.interpreter('micropython')).to.not.equal(b.interpreter('micropython'));
    expect(a.hooks.main.onReady).to.not.equal(b.hooks.main.onReady);
    expect(a.workerContext.named).to.not.equal(b.workerContext.named);
    // Made by the first worker that needs the service-worker fallback: none yet, on either page.
    expect([a.workerContext.serviceWorkers, b.workerContext.serviceWorkers]).to.deep.equal([undefined, undefined]);
    expect(a.workerContext).to.not.equal(b.workerContext);
    expect(a.editorEnvs.get('pyodide', 'x')).to.equal(a.editorEnvs.get('pyodide', 'x'));
    expect(a.editorEnvs.get('pyodide', 'x')).to.not.equal(b.editorEnvs.get('pyodide', 'x'));
    expect([a.nextId('script'), a.nextId('script'), a.nextId('editor'), b.nextId('script')]).to.deep.equal([1, 2, 1, 1]);
    a.workerContext.named.ready('calc', { from: 'a' });
    expect(await a.workerContext.named.get('calc')).to.deep.equal({ from: 'a' });
    const fromB = await Promise.race([b.workerContext.named.get('calc'), new Promise((resolve) => setTimeout(resolve, 50, 'still waiting'))]);
    expect(fromB).to.equal('still waiting');
  });

  it('reads each document\'s main config from that document', async () => {
    const [a, b] = [document.implementation.createHTMLDocument('a'), document.implementation.createHTMLDocument('b')];
    a.body.innerHTML = '<mpy-config>{"debug": true}</mpy-config>';
    const [pageA, pageB] = [new Page(a), new Page(b)];
    expect((await pageA.configs.main('micropython')).config).to.deep.equal({ debug: true });
    expect((await pageB.configs.main('micropython')).config).to.deep.equal({});
    expect(pageA.configs.config).to.deep.equal({ mpy: { debug: true } });
    expect(pageB.configs.config).to.deep.equal({ mpy: {} });
  });
});
