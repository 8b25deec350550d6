// Packages by name in Pyodide workers and editors (each with its own
// config), the package cache across interpreters (each worker is a fresh
// one, as a second visit is), and lock-file packages mixed with index ones.
import { expect, fixture, html } from '@open-wc/testing';
import '/dist/core.js';
import { packWheels, unpackWheels } from '../src/runtime/resolver/unpacked.js';
import { waitFor } from './wait.js';

type ScriptEl = HTMLElement & { done: Promise<void> };
type Editor = HTMLElement & { run(): Promise<Error | undefined> };

const RUN = `worker-${Math.random().toString(36).slice(2, 8)}`;
const INDEX = `/test/index/${RUN}`;
const CACHE = 'pyscript-packages-v1';
const w = window as unknown as Record<string, string>;

/** A Pyodide worker script with `config`, once done; its Python sets `window[key]`. */
async function workerScript(config: object, code: string): Promise<ScriptEl> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  const el = document.createElement('py-script') as ScriptEl;
  el.setAttribute('worker', '');
  el.setAttribute('config', JSON.stringify(config));
  el.textContent = code;
  container.append(el);
  await el.done;
  return el;
}

let seen = 0;
/** The index requests since the last call. */
async function newRequests(): Promise<string[]> {
  const log: string[] = await (await fetch(`/test/index-log/${RUN}`)).json();
  const fresh = log.slice(seen);
  seen = log.length;
  return fresh;
}

/** The index requests since the last call, once `path` is among them (a prefetch the script does not wait for), or after 20 s. */
async function requestsUntil(path: string): Promise<string[]> {
  const found: string[] = [];
  for (const end = Date.now() + 20_000; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    found.push(...(await newRequests()));
    if (found.includes(path) || Date.now() > end) return found;
  }
}

const errorsOf = (el: Element) => [...el.querySelectorAll('.py-error')].map((box) => box.textContent).join('\n');
const beta = { packages: ['beta'], index_urls: [`${INDEX}/simple`] };
const useBeta = (key: string) => `import beta\nfrom pyscript import window\nwindow.${key} = beta.VERSION`;

describe('packages by name in workers, and the package cache', () => {
  before(async () => {
    await caches.delete(CACHE);
    await newRequests();
  });

  it('installs into a worker from its own config, downloading the wheel', async function () {
    this.timeout(60_000);
    const el = await workerScript(beta, useBeta('__first'));
    expect(errorsOf(el)).to.equal('');
    expect(w.__first).to.equal('1.2');
    expect(await newRequests()).to.deep.equal(['simple/beta/', 'files/beta-1.2-py3-none-any.whl']);
  });

  it('installs from the cache in the next interpreter: no wheel request, though the server said no-store', async function () {
    this.timeout(60_000);
    const el = await workerScript(beta, useBeta('__second'));
    expect(errorsOf(el)).to.equal('');
    expect(w.__second).to.equal('1.2');
    expect(await newRequests()).to.deep.equal(['simple/beta/']);
  });

  it("installs a config's pure wheels from their unpacked copy, but never one whose sha256 the index no longer gives", async function () {
    this.timeout(90_000);
    const cache = await caches.open(CACHE);
    // The beta config's entry, left by the first visit (its key names the requirements and indexes).
    const key = (await cache.keys()).map((request) => request.url).find((url) => url.includes('/.pyscript-packages/unpacked/') &&
      JSON.stringify(JSON.parse(new URL(url).searchParams.get('for')!).slice(0, 2)) === JSON.stringify([beta.packages, beta.index_urls]));
    expect(key, 'the unpacked entry of the beta config').to.be.a('string');
    const [kept] = unpackWheels(new Uint8Array(await (await cache.match(key!))!.arrayBuffer()));
    expect(kept.url).to.match(/\/files\/beta-1\.2-py3-none-any\.whl$/);
    const edited = (sha256: string) => packWheels([{
      url: kept.url,
      sha256,
      entries: kept.entries.map(([name, data]) => [name, name === 'beta/__init__.py' ? new TextEncoder().encode('VERSION = "unpacked"\n') : data]),
    }]);
    await cache.put(key!, new Response(edited(kept.sha256) as Uint8Array<ArrayBuffer>));
    expect(errorsOf(await workerScript(beta, useBeta('__unpacked')))).to.equal('');
    expect(w.__unpacked, 'the files of the unpacked copy').to.equal('unpacked');
    expect(await newRequests()).to.deep.equal(['simple/beta/']);
    // The same copy under another sha256 than the index's: the wheel comes from its own entry, and the copy is made again.
    await cache.put(key!, new Response(edited('f'.repeat(64)) as Uint8Array<ArrayBuffer>));
    expect(errorsOf(await workerScript(beta, useBeta('__notUnpacked')))).to.equal('');
    expect(w.__notUnpacked).to.equal('1.2');
    expect(await newRequests()).to.deep.equal(['simple/beta/']);
    let remade = '';
    for (const end = Date.now() + 20_000; Date.now() < end && remade !== kept.sha256; await new Promise((resolve) => setTimeout(resolve, 50))) {
      remade = unpackWheels(new Uint8Array(await (await cache.match(key!))!.arrayBuffer()))[0]?.sha256 ?? '';
    }
    expect(remade).to.equal(kept.sha256);
  });

  it('downloads again with packages_cache = "never"', async function () {
    this.timeout(60_000);
    const el = await workerScript({ ...beta, packages_cache: 'never' }, useBeta('__never'));
    expect(w.__never).to.equal('1.2');
    expect(errorsOf(el)).to.equal('');
    expect(await newRequests()).to.deep.equal(['simple/beta/', 'files/beta-1.2-py3-none-any.whl']);
  });

  it('never serves a cached wheel whose sha256 is not the one the index gives', async function () {
    this.timeout(60_000);
    const url = new URL(`${INDEX}/files/gamma-1.0-py3-none-any.whl`, location.href).href;
    const cache = await caches.open(CACHE);
    await cache.put(url, new Response('not the wheel', { headers: { 'x-pyscript-sha256': 'f'.repeat(64) } }));
    const el = await workerScript({ packages: ['gamma'], index_urls: [`${INDEX}/html`] }, 'import gamma\nfrom pyscript import window\nwindow.__gamma = gamma.VERSION');
    expect(errorsOf(el)).to.equal('');
    expect(w.__gamma).to.equal('1.0');
    expect(await newRequests()).to.deep.equal(['html/gamma/', 'files/gamma-1.0-py3-none-any.whl']);
    const kept = await cache.match(url);
    expect(kept!.headers.get('x-pyscript-sha256')).to.match(/^[0-9a-f]{64}$/).and.not.equal('f'.repeat(64));
  });

  it('shows a worker config error on the page, and the script still runs', async function () {
    this.timeout(60_000);
    const el = await workerScript({ packages: ['compiled-only'], index_urls: [`${INDEX}/pypi/{package_name}/json`] }, 'from pyscript import window\nwindow.__ran = "ran"');
    expect(w.__ran).to.equal('ran');
    const box = el.querySelector<HTMLElement>('.py-error');
    expect(box?.dataset.code).to.equal('PY0404');
    expect(box!.textContent).to.contain("Can't find a pure Python 3 wheel for: 'compiled-only'");
  });

  it('runs micropip in a worker', async function () {
    this.timeout(60_000);
    const el = await workerScript({}, `
import micropip
await micropip.install("chain-a", index_urls=["${INDEX}/simple"])
import chain_a
from pyscript import window
window.__workerMicropip = chain_a.NAME + " " + ",".join(sorted(name for name in micropip.list() if name.startswith("chain")))
`);
    expect(errorsOf(el)).to.equal('');
    expect(w.__workerMicropip).to.equal('chain-a chain-a,chain-b,chain-c');
  });

  it('mixes lock-file packages with index ones, and caches lock-file wheels too', async function () {
    this.timeout(120_000);
    // A Pyodide whose pyodide-lock.json lists lockpkg; omega (from the index) depends on it.
    const config = { interpreter: '/test/fixtures/build/pyodide-lock/pyodide.mjs', packages: ['omega'], index_urls: [`${INDEX}/simple`] };
    const code = (key: string) => `
import js, omega, lockpkg, micropip
from pyscript import window
# The wheel's requests only: an engine may also list the index's 404 for lockpkg (Firefox always does).
fetched = [entry.name for entry in js.performance.getEntriesByType("resource") if entry.name.endswith("/lockpkg-2.5-py3-none-any.whl")]
window.${key} = " ".join([omega.VERSION, lockpkg.VERSION, micropip.list()["lockpkg"].source, str(len(fetched))])
`;
    const first = await workerScript(config, code('__lock1'));
    expect(errorsOf(first)).to.equal('');
    expect(w.__lock1).to.equal('1.0 2.5 pyodide 1');
    // The index is asked first (it is not PyPI), then the lock file has it.
    expect(await newRequests()).to.include.members(['simple/omega/', 'simple/lockpkg/']);
    const second = await workerScript(config, code('__lock2'));
    expect(errorsOf(second)).to.equal('');
    expect(w.__lock2).to.equal('1.0 2.5 pyodide 0');
  });

  it('leaves a note that starts the next resolution early, and a stale note costs only a request', async function () {
    this.timeout(60_000);
    const cache = await caches.open(CACHE);
    const notes = (await cache.keys()).filter((request) => request.url.includes('/.pyscript-packages/warm-start/'));
    let key = '';
    for (const request of notes) {
      const note = await (await cache.match(request))!.json();
      if (note.pages.includes(new URL(`${INDEX}/simple/beta/`, location.href).href)) key = request.url;
    }
    expect(key, 'the note of the beta config').to.not.equal('');
    const note = await (await cache.match(key))!.json();
    expect(note.wheels.map((wheel: { filename: string }) => wheel.filename)).to.deep.equal(['beta-1.2-py3-none-any.whl']);
    const stale = new URL(`${INDEX}/simple/stale-page/`, location.href).href;
    const gone = { url: new URL(`${INDEX}/files/gone-1.0-py3-none-any.whl`, location.href).href, filename: 'gone-1.0-py3-none-any.whl', sha256: '0'.repeat(64) };
    await cache.put(key, new Response(JSON.stringify({ pages: [...note.pages, stale], wheels: [...note.wheels, gone] })));
    await newRequests();
    const el = await workerScript(beta, useBeta('__noted'));
    expect(errorsOf(el)).to.equal('');
    expect(w.__noted).to.equal('1.2');
    // The noted wheel missing from the cache downloads beside the resolution, which does not wait for it.
    expect((await requestsUntil('files/gone-1.0-py3-none-any.whl')).sort()).to.deep.equal(['files/gone-1.0-py3-none-any.whl', 'simple/beta/', 'simple/stale-page/']);
    expect((await (await cache.match(key))!.json()).pages).to.deep.equal(note.pages);
  });
});

describe('packages by name in an editor', () => {
  it("installs its config's packages into the editor's worker", async function () {
    this.timeout(60_000);
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = `<script type="py-editor" config='${JSON.stringify({ packages: ['chain-b'], index_urls: [`${INDEX}/simple`] })}'>
import chain_b, chain_c
print(chain_b.NAME, chain_c.NAME)
</script>`;
    await waitFor(() => container.querySelector<Editor>('py-editor')?.shadowRoot?.querySelector('.cm-editor'));
    const editor = container.querySelector<Editor>('py-editor')!;
    expect(await editor.run()).to.equal(undefined);
    expect(editor.querySelector('.py-editor-output')!.textContent).to.equal('chain-b chain-c\n');
  });
});
