// Packages by name on Pyodide's main thread, against the test index that
// test/server.mjs serves (scripts/fixtures-index.mjs): the config's
// `packages` with `index_urls` (all three index formats, dependencies,
// extras, markers, versions), its errors on the page, and `micropip`.
import { expect } from '@open-wc/testing';
import type { PyScriptElement } from '../src/elements/py-script.js';

const RUN = `main-${Math.random().toString(36).slice(2, 8)}`;
const INDEX = `/test/index/${RUN}`;
/** Nothing listens on port 9: an index that cannot be reached. */
const DOWN = 'http://127.0.0.1:9/simple';
const w = window as unknown as { __pkgs: string; __mpy: string; __micropip: string };

const indexUrls = [DOWN, `${INDEX}/pypi/{package_name}/json`, `${INDEX}/simple`, `${INDEX}/html`];
const config = {
  packages: ['alpha[fast]', 'compiled-only', 'badhash', 'nosuchpkg', 'alpha >>1', 'epsilon>=9', 'micropip'],
  index_urls: indexUrls,
};

async function addScript(type: string, code: string, attributes: Record<string, string> = {}): Promise<PyScriptElement> {
  const script = document.createElement('script');
  script.type = type;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.textContent = code;
  document.body.append(script);
  await new Promise((resolve) => setTimeout(resolve));
  return script.nextElementSibling as PyScriptElement;
}

const indexLog = async (run = RUN): Promise<string[]> => (await fetch(`/test/index-log/${run}`)).json();
const boxes = (el: Element) => [...el.querySelectorAll('.py-error')] as HTMLElement[];
const box = (el: Element, text: string) => boxes(el).find((b) => b.textContent!.includes(text));

describe('packages by name from an index (Pyodide, main thread)', () => {
  let first: PyScriptElement;
  let mpy: PyScriptElement;

  before(async function () {
    this.timeout(120_000);
    await import('/dist/core.js');
    first = await addScript('py', `
import importlib.metadata, json, os, platform, sys
import js, micropip
import alpha, beta, epsilon, gamma
site = os.path.dirname(os.path.dirname(alpha.__file__))
listed = micropip.list()
js.window.__pkgs = json.dumps({
    "versions": {name: importlib.metadata.version(name) for name in ["alpha", "beta", "epsilon", "gamma"]},
    "delta": os.path.exists(os.path.join(site, "delta")),
    "zeta": os.path.exists(os.path.join(site, "zeta")),
    "python": platform.python_version(),
    "source": listed["alpha"].source,
    "installer": importlib.metadata.distribution("alpha").read_text("INSTALLER"),
    "requires": json.loads(importlib.metadata.distribution("alpha").read_text("PYODIDE_REQUIRES")),
})
`, { config: JSON.stringify(config) });
    mpy = await addScript('mpy', 'import js\njs.window.__mpy = "mpy ran"');
    await Promise.all([first.done, mpy.done]);
  });

  it('installs a name with its dependencies from three index formats, the extra asked for included', () => {
    const results = JSON.parse(w.__pkgs);
    // alpha: PyPI JSON (newest final, not 3.0b1); beta: PEP 691 (1.3 is yanked); gamma: PEP 503, for [fast].
    expect(results.versions).to.deep.equal({ alpha: '2.0', beta: '1.2', epsilon: '0.5', gamma: '1.0' });
    expect(results.requires).to.have.members(['beta', 'epsilon', 'gamma', ...(results.zeta ? ['zeta'] : [])]);
  });

  it("evaluates markers for the running interpreter, not for the lock file's Python", async () => {
    const results = JSON.parse(w.__pkgs);
    expect(results.delta).to.equal(false); // python_version < "3"
    const lock = await (await fetch('/dist/pyodide/pyodide-lock.json')).json();
    // zeta's marker is python_full_version == the lock file's Python.
    expect(results.zeta).to.equal(results.python === lock.info.python);
  });

  it('records the install as micropip does', () => {
    const results = JSON.parse(w.__pkgs);
    expect(results.source).to.equal('pypi');
    expect(results.installer).to.equal('micropip');
  });

  it('asks the indexes in order and downloads only the wheels it installs', async () => {
    const log = await indexLog();
    expect(log).to.include.members(['pypi/alpha/json', 'simple/beta/', 'html/gamma/', 'files/alpha-2.0-py3-none-any.whl', 'files/beta-1.2-py3-none-any.whl']);
    expect(log).to.not.include('files/alpha-3.0b1-py3-none-any.whl');
    expect(log).to.not.include('files/beta-1.3-py3-none-any.whl');
    expect(log.filter((path) => path.startsWith('files/alpha'))).to.have.length(1);
  });

  it("shows the FAQ's PY0404 for a project with no pure Python wheel, naming the index page", () => {
    const error = box(first, "'compiled-only'");
    expect(error, boxes(first).map((b) => b.textContent).join('\n')).to.exist;
    expect(error!.dataset.code).to.equal('PY0404');
    expect(error!.textContent).to.contain(`Can't find a pure Python 3 wheel for: 'compiled-only' in ${location.origin}${INDEX}/pypi/compiled-only/json`);
  });

  it('shows PY0404 for a checksum mismatch and installs nothing of it', () => {
    const error = box(first, 'Invalid checksum');
    expect(error!.dataset.code).to.equal('PY0404');
    expect(error!.textContent).to.match(/Invalid checksum for badhash-1\.0-py3-none-any\.whl .*: the index gives sha256 0{64}, the file has [0-9a-f]{64}/);
  });

  it('shows PY0404 for a name no index has, naming each index tried (one unreachable)', () => {
    const error = box(first, "'nosuchpkg'");
    expect(error!.dataset.code).to.equal('PY0404');
    expect(error!.textContent).to.contain(`${DOWN}/nosuchpkg/ (unreachable:`);
    expect(error!.textContent).to.contain(`${location.origin}${INDEX}/html/nosuchpkg/ (HTTP 404`);
  });

  it('shows PY1000 for a requirement that does not parse', () => {
    const error = box(first, 'alpha >>1');
    expect(error!.dataset.code).to.equal('PY1000');
    expect(error!.textContent).to.contain('invalid version specifier');
  });

  it('shows PY0404 for a version that matches nothing, listing the versions the index has', () => {
    const error = box(first, "'epsilon>=9'");
    expect(error!.dataset.code).to.equal('PY0404');
    expect(error!.textContent).to.contain(`Can't find a pure Python 3 wheel for: 'epsilon>=9' in ${location.origin}${INDEX}/simple/epsilon/: no version matches '>=9' (there: 0.5)`);
  });

  it('treats micropip as installed, and shows exactly the five errors', () => {
    expect(boxes(first)).to.have.length(5);
  });

  it("still runs the other type's scripts", () => {
    expect(w.__mpy).to.equal('mpy ran');
  });

  describe('micropip', () => {
    let el: PyScriptElement;

    before(async function () {
      this.timeout(60_000);
      el = await addScript('py', `
import json, js, micropip
results = {}
await micropip.install("chain-a", index_urls=["${INDEX}/simple"])
import chain_a, chain_b, chain_c
results["chain"] = [chain_a.VERSION, chain_b.VERSION, chain_c.VERSION]
listed = micropip.list()
results["listed"] = ["chain-a" in listed, listed["chain_b"].version, "nope" in listed]
for requirement, options in [("nosuch-thing", {}), ("beta<1.1", {}), (["compiled-only", "badhash"], {"keep_going": True})]:
    try:
        await micropip.install(requirement, index_urls=${JSON.stringify(indexUrls.slice(1))}, **options)
        results[str(requirement)] = "installed"
    except ValueError as error:
        results[str(requirement)] = str(error)
await micropip.install("beta<1.1", index_urls=["${INDEX}/simple"], reinstall=True)
import importlib.metadata
results["reinstalled"] = importlib.metadata.version("beta")
micropip.uninstall("chain-c")
try:
    importlib.metadata.version("chain-c")
    results["uninstalled"] = False
except importlib.metadata.PackageNotFoundError:
    import os
    results["uninstalled"] = not os.path.exists(os.path.dirname(chain_c.__file__))
from pyscript import fetch
data = await fetch("/test/fixtures/build/wheels/tiny_pkg-0.1-py3-none-any.whl").bytearray()
with open("/tmp/tiny_pkg-0.1-py3-none-any.whl", "wb") as file:
    file.write(data)
await micropip.install("emfs:/tmp/tiny_pkg-0.1-py3-none-any.whl")
import tiny_pkg
results["emfs"] = [tiny_pkg.VERSION, micropip.list()["tiny-pkg"].source]
frozen = json.loads(micropip.freeze())["packages"]["chain-a"]
results["freeze"] = [frozen["version"], frozen["depends"], frozen["imports"], frozen["file_name"].endswith("chain_a-1.0-py3-none-any.whl")]
js.window.__micropip = json.dumps(results)
`);
      await el.done;
    });

    it('installs a package and its dependencies, and lists them', () => {
      // Text, not the element: a failing assertion on an element disconnects the test browser.
      expect(el.querySelector('.py-error')?.textContent ?? '').to.equal('');
      const results = JSON.parse(w.__micropip);
      expect(results.chain).to.deep.equal(['1.0', '1.0', '1.0']);
      expect(results.listed).to.deep.equal([true, '1.0', false]);
    });

    it('raises ValueError naming the package and the indexes for a name found nowhere', () => {
      const message = JSON.parse(w.__micropip)['nosuch-thing'];
      expect(message).to.match(/^Can't fetch metadata for 'nosuch-thing' from .*\/pypi\/nosuch-thing\/json \(HTTP 404/);
    });

    it('refuses another version of an installed package unless reinstall=True', () => {
      const results = JSON.parse(w.__micropip);
      expect(results['beta<1.1']).to.match(/^Requested 'beta<1\.1', but beta==1\.2 is already installed/);
      expect(results.reinstalled).to.equal('1.0');
    });

    it('with keep_going, lists every failure in one ValueError', () => {
      const message: string = JSON.parse(w.__micropip)["['compiled-only', 'badhash']"];
      expect(message).to.match(/^Can't find a pure Python 3 wheel for: 'compiled-only', 'badhash'\n/);
      expect(message).to.contain('Invalid checksum for badhash-1.0');
    });

    it('installs a wheel from the file system (an emfs: URL)', () => {
      expect(JSON.parse(w.__micropip).emfs).to.deep.equal(['0.1', 'emfs:/tmp/tiny_pkg-0.1-py3-none-any.whl']);
    });

    it('uninstalls a package by its RECORD, and freezes a lock file with what it installed', () => {
      const results = JSON.parse(w.__micropip);
      expect(results.uninstalled).to.equal(true);
      expect(results.freeze).to.deep.equal(['1.0', ['chain-b'], ['chain_a'], true]);
    });
  });
});
