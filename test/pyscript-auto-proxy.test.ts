// experimental_create_proxy = "auto" on Pyodide: bare Python callables
// passed to JavaScript outlive the call (the FAQ's borrowed-proxy cases).
import { expect } from '@open-wc/testing';

describe('experimental_create_proxy = "auto"', () => {
  it('makes bare callables passed to JavaScript work on Pyodide', async function () {
    this.timeout(150_000); // Pyodide boots in the iframe, maybe while other pages boot theirs
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/module/auto-proxy.html';
    document.body.append(frame);
    const started = Date.now();
    let title = '';
    while (Date.now() - started < 140_000) {
      title = frame.contentDocument?.title ?? '';
      if (title !== 'auto proxy' && title) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(frame.contentDocument!.querySelector('.py-error')?.textContent ?? '').to.equal('');
    expect(title).to.equal(['custom:event', 'js timeout', 'kept', 'timeout', '{"once":true}'].sort().join('|'));
  });
});
