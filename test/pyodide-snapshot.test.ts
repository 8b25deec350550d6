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
// What earlier test files in this browser kept does not count: the first boot here decodes and keeps.
await Promise.race([caches.delete('pyscript-snapshot-v1'), new Promise((resolve) => setTimeout(resolve, 5000))]);
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
    "executable": [sys.executable, sys._base_executable, sys.orig_argv, sys.argv],
    "environ": sorted(os.environ), "hashRandomization": sys.flags.hash_randomization})
`)) as string) as { underscore: string; lang: string; path: string[]; cwd: string; executable: unknown[]; environ: string[]; hashRandomization: number };
    expect(state.underscore).to.equal('./this.program');
    // What a fresh boot in a browser has (Emscripten's program name).
    expect(state.executable).to.deep.equal(['/home/pyodide/this.program', '/home/pyodide/this.program', ['./this.program'], ['']]);
    expect(state.lang).to.equal(`${(navigator.languages[0] || 'C').replace('-', '_')}.UTF-8`);
    expect(state.path.filter((entry) => entry === '')).to.have.length(1);
    expect(state.path).to.include('/lib/python3.14/site-packages');
    expect(state.cwd).to.equal('/home/pyodide');
    // The build fixes the hash seed (scripts/pyodide-snapshot.mjs): not in the page's environment.
    expect(state.environ).not.to.include('PYTHONHASHSEED');
    expect(state.hashRandomization).to.equal(1);
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

describe('Pyodide start-up snapshot, kept decoded in the Cache API', function () {
  this.timeout(180_000);
  const url = new URL('/dist/pyodide/snapshot.bin.br', location.href).href;
  const open = () => caches.open('pyscript-snapshot-v1');
  /** The kept entry, once there (it is written after the boot that decoded it). */
  async function kept(check: (entry: Response | undefined) => Promise<boolean> = async (entry) => !!entry): Promise<Response | undefined> {
    // The write of 10 MB can take seconds on a loaded machine (three engines on 2 cores).
    const deadline = performance.now() + 60_000;
    while (performance.now() < deadline) {
      const entry = await (await open()).match(url);
      if (await check(entry?.clone())) return entry;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the cache never held the expected entry (${await cacheState()})`);
  }
  /** What a failure should say: what the cache holds, and whether this browser can keep 10 MB at all. */
  async function cacheState(): Promise<string> {
    const held = await Promise.all((await (await open()).keys()).map(async (request) => {
      const entry = await (await open()).match(request);
      return `${request.url} ${entry?.headers.get('x-pyscript-snapshot')?.slice(0, 8)} ${(await entry?.arrayBuffer())?.byteLength}`;
    }));
    const trial = await caches.open('pyscript-snapshot-test-trial')
      .then((cache) => cache.put('/trial', new Response(new Uint8Array(10_300_000))))
      .then(() => 'a trial put of 10.3 MB works', (error: Error) => `a trial put of 10.3 MB fails: ${error.name}: ${error.message}`);
    await caches.delete('pyscript-snapshot-test-trial');
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    return `held: [${held.join(', ')}]; ${trial}; storage ${JSON.stringify(estimate)}`;
  }
  async function workerHash(): Promise<string> {
    const worker = await core.PyWorker('/test/fixtures/snapshot/hash.py');
    try {
      return (await worker.sync.string_hash()) as string;
    } finally {
      worker.terminate();
    }
  }
  let mainHash = '';
  let original: Uint8Array;
  let version = '';

  before(async () => {
    mainHash = (await runMain('js.window.__snap = str(hash("pyscript-elements"))')) as string;
    const entry = (await kept())!;
    version = entry.headers.get('x-pyscript-snapshot') ?? '';
    original = new Uint8Array(await entry.arrayBuffer());
  });
  after(async () => {
    await (await open()).put(url, new Response(original as Uint8Array<ArrayBuffer>, { headers: { 'x-pyscript-snapshot': version } }));
  });

  it('is kept once a boot decoded it, under the file\'s sha256', async () => {
    const listing = (await (await fetch('/dist/pyodide/snapshot.json')).json()) as { snapshot: string };
    const file = await crypto.subtle.digest('SHA-256', await (await fetch(url)).arrayBuffer());
    expect(listing.snapshot).to.equal([...new Uint8Array(file)].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
    expect(version).to.equal(listing.snapshot);
    expect(original.length).to.be.greaterThan(1_000_000);
  });

  /** The same snapshot with its check of the fresh memory changed: only a boot that reads this copy refuses it. */
  function spoiltCopy(): Uint8Array<ArrayBuffer> {
    const jsonLength = new DataView(original.buffer).getUint32(0, true);
    const info = JSON.parse(new TextDecoder().decode(original.subarray(4, 4 + jsonLength))) as { check: number };
    const json = new TextEncoder().encode(JSON.stringify({ ...info, check: info.check ^ 1 }));
    const padded = Math.ceil(json.length / 4) * 4;
    const spoilt = new Uint8Array(4 + padded + original.length - (4 + Math.ceil(jsonLength / 4) * 4));
    new DataView(spoilt.buffer).setUint32(0, json.length, true);
    spoilt.set(json, 4);
    spoilt.set(original.subarray(4 + Math.ceil(jsonLength / 4) * 4), 4 + padded);
    return spoilt;
  }

  it('is what the next boot restores: a kept copy that does not fit makes it boot fresh, and is dropped', async () => {
    const spoilt = spoiltCopy();
    await (await open()).put(url, new Response(spoilt, { headers: { 'x-pyscript-snapshot': version } }));
    expect(await workerHash()).not.to.equal(mainHash);
    await kept(async (entry) => !entry || entry.headers.get('x-pyscript-snapshot') !== version || (await entry.arrayBuffer()).byteLength !== spoilt.length);
  });

  it('a cut-short kept copy is decoded again from the network, and kept anew', async () => {
    await (await open()).put(url, new Response(original.slice(0, 1000), { headers: { 'x-pyscript-snapshot': version } }));
    expect(await workerHash()).to.equal(mainHash);
    await kept(async (entry) => (await entry?.arrayBuffer())?.byteLength === original.length);
  });

  it('a kept copy of another version of the file is not used', async () => {
    // Whole, so that only the digest tells it apart: read, it would make the worker boot fresh.
    await (await open()).put(url, new Response(spoiltCopy(), { headers: { 'x-pyscript-snapshot': '0'.repeat(64) } }));
    expect(await workerHash()).to.equal(mainHash);
    await kept(async (entry) => entry?.headers.get('x-pyscript-snapshot') === version && (await entry.arrayBuffer()).byteLength === original.length);
  });
});

