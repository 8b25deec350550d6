// Without a usable snapshot (here its download fails), Pyodide still boots,
// the fresh way, and says why on the console.
import { expect } from '@open-wc/testing';

const warnings: string[] = [];
const originalWarn = console.warn;
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  originalWarn.apply(console, args);
};
const originalFetch = window.fetch;
window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  String(input instanceof Request ? input.url : input).endsWith('/snapshot.bin.br')
    ? Promise.resolve(new Response('gone', { status: 404 }))
    : originalFetch(input, init);
await import(/* @vite-ignore */ '/dist/core.js' as string);

describe('Pyodide without its snapshot', function () {
  this.timeout(240_000); // a fresh Pyodide boot (no snapshot) in WebKit on a loaded machine passed 120 s

  it('boots fresh, runs the script and warns once', async () => {
    const script = document.createElement('py-script') as HTMLElement & { done: Promise<void> };
    script.textContent = 'import js, sys\njs.window.__version = sys.version';
    document.body.append(script);
    await script.done;
    expect(script.querySelector('.py-error')).to.equal(null);
    expect((window as unknown as { __version: string }).__version).to.match(/^3\.14/);
    const fallbacks = warnings.filter((text) => text.includes('could not start from'));
    expect(fallbacks).to.have.length(1);
    expect(fallbacks[0]).to.include('/dist/pyodide/snapshot.bin.br');
  });
});
