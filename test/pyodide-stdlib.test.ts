// Booted from the snapshot, Pyodide reads python_stdlib.zip only when the
// page's code needs a module the snapshot does not hold. Here the first
// scripts need none, then one imports a module where the import scan cannot
// see it (the synchronous fallback), and one imports it plainly.
import { expect } from '@open-wc/testing';

await import(/* @vite-ignore */ '/dist/core.js' as string);
type ScriptEl = HTMLElement & { done: Promise<void> };
const win = window as unknown as Record<string, unknown>;

async function run(code: string): Promise<unknown> {
  const script = document.createElement('py-script') as ScriptEl;
  script.textContent = `import js\n${code}`;
  document.body.append(script);
  await script.done;
  expect(script.querySelector('.py-error')?.textContent ?? null, code).to.equal(null);
  script.remove();
  return win.__out;
}
const zipRequests = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith('/python_stdlib.zip'));

describe('Pyodide standard library on demand', function () {
  this.timeout(120_000);

  it('is not downloaded for code that imports only what the snapshot holds', async () => {
    expect(await run('import sys, os.path\nfrom os import path\nfrom pyscript import display\njs.window.__out = sys.version')).to.match(/^3\.14/);
    expect(zipRequests()).to.have.length(0);
  });

  it('is fetched synchronously on first use by an import the scan cannot see', async () => {
    expect(await run('m = __import__("".join(["ema", "il.parser"]), fromlist=["x"])\njs.window.__out = m.__name__')).to.equal('email.parser');
    const requests = zipRequests();
    expect(requests).to.have.length(1);
    expect(requests[0].initiatorType).to.equal('xmlhttprequest');
  });

  it('serves every later import from the same copy', async () => {
    expect(await run('import json, html.parser, textwrap\njs.window.__out = textwrap.dedent("  a")')).to.equal('a');
    expect(zipRequests()).to.have.length(1);
  });
});
