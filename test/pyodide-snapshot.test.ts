// Pyodide boots from the build's start-up snapshot (dist/pyodide/snapshot.bin.br):
// it must be used, and a page must not be able to tell it from a fresh boot
// (per-page random seed and language, no trace of the build machine).
import { expect } from '@open-wc/testing';

const warnings: string[] = [];
const originalWarn = console.warn;
console.warn = (...args: unknown[]) => {
  warnings.push(args.map(String).join(' '));
  originalWarn.apply(console, args);
};
type Handle = { sync: Record<string, (...args: unknown[]) => Promise<unknown>>; ready: Promise<void>; terminate(): void };
const core = (await import(/* @vite-ignore */ '/dist/core.js' as string)) as {
  PyWorker(url: string, options?: object): Promise<Handle>;
};
type ScriptEl = HTMLElement & { done: Promise<void> };
const win = window as unknown as Record<string, unknown>;

/** Runs `code` in the page's Pyodide; returns what it put in `window.__snap`. */
async function runMain(code: string): Promise<unknown> {
  const script = document.createElement('py-script') as ScriptEl;
  script.textContent = `import js\n${code}`;
  document.body.append(script);
  await script.done;
  expect(script.querySelector('.py-error'), script.textContent ?? '').to.equal(null);
  script.remove();
  return win.__snap;
}

describe('Pyodide start-up snapshot', function () {
  this.timeout(120_000);

  it('is downloaded and used: no fallback to a fresh boot', async () => {
    const state = (await runMain('import sys\njs.window.__snap = sys.version')) as string;
    expect(state).to.match(/^3\.14/);
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls.filter((url) => url.endsWith('/dist/pyodide/snapshot.bin.br'))).to.have.length(1);
    expect(warnings.filter((text) => text.includes('could not start from'))).to.deep.equal([]);
  });

  it('leaves no trace of the machine that made it', async () => {
    const state = JSON.parse((await runMain(`
import os, sys, json
js.window.__snap = json.dumps({"underscore": os.environ.get("_"), "lang": os.environ.get("LANG"), "path": sys.path, "cwd": os.getcwd(),
    "executable": [sys.executable, sys._base_executable, sys.orig_argv, sys.argv]})
`)) as string) as { underscore: string; lang: string; path: string[]; cwd: string; executable: unknown[] };
    expect(state.underscore).to.equal('./this.program');
    // What a fresh boot in a browser has (Emscripten's program name).
    expect(state.executable).to.deep.equal(['/home/pyodide/this.program', '/home/pyodide/this.program', ['./this.program'], ['']]);
    expect(state.lang).to.equal(`${(navigator.languages[0] || 'C').replace('-', '_')}.UTF-8`);
    expect(state.path.filter((entry) => entry === '')).to.have.length(1);
    expect(state.path).to.include('/lib/python3.14/site-packages');
    expect(state.cwd).to.equal('/home/pyodide');
    expect(JSON.stringify(state)).not.to.match(/\/work\/|node_modules|scripts\//);
  });

  it('seeds random per boot: two workers booted from the same snapshot draw other numbers', async () => {
    const workers = await Promise.all([core.PyWorker('/test/fixtures/snapshot/random.py'), core.PyWorker('/test/fixtures/snapshot/random.py')]);
    try {
      const [first, second] = (await Promise.all(workers.map((worker) => worker.sync.draw()))) as number[][];
      expect(first).to.have.length(3);
      expect(first).not.to.deep.equal(second);
    } finally {
      for (const worker of workers) worker.terminate();
    }
  });
});
