// A script that imports a module outside the snapshot: the zip downloads
// (asynchronously, once) before the script runs. And the import scan itself.
import { expect } from '@open-wc/testing';
import { importedNames } from '../src/runtime/pyodide-stdlib.js';

await import(/* @vite-ignore */ '/dist/core.js' as string);

describe('Pyodide standard library, imported plainly', function () {
  this.timeout(120_000);

  it('downloads before the script runs, without a synchronous request', async () => {
    const script = document.createElement('py-script') as HTMLElement & { done: Promise<void> };
    script.textContent = 'import js\nimport email.message\njs.window.__out = email.message.EmailMessage.__name__';
    document.body.append(script);
    await script.done;
    expect(script.querySelector('.py-error')).to.equal(null);
    expect((window as unknown as { __out: string }).__out).to.equal('EmailMessage');
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.name.endsWith('/python_stdlib.zip'));
    expect(requests.map((entry) => entry.initiatorType)).to.deep.equal(['fetch']);
  });

  it('finds import statements, from-imports and literal dynamic imports', () => {
    const code = [
      'import a.b as c, d',
      '  from e.f import (g,',
      '      h as i)',
      'from . import local',
      'x = importlib.import_module("j.k")',
      'import l  # comment',
    ].join('\n');
    expect(importedNames(code)).to.deep.equal([
      { module: 'a.b', names: [] }, { module: 'd', names: [] }, { module: 'l', names: [] },
      { module: 'e.f', names: ['g', 'h'] }, { module: 'j.k', names: [] },
    ]);
  });
});
