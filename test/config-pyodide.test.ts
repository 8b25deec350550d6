// Configuration on Pyodide, one page: the example (a script's config
// attribute installing a pure wheel without micropip), files on Pyodide,
// js_modules, lock names that cannot be fetched offline, a native wheel; and
// the `interpreter` key on MicroPython.
import { expect } from '@open-wc/testing';
import type { PyScriptElement } from '../src/elements/py-script.js';

const F = '/test/fixtures/config';
const B = '/test/fixtures/build';

const w = window as unknown as { __py: string; __mpy: string; __progress: { stage: string; loaded: number; total: number }[] };
w.__progress = [];
addEventListener('py:progress', (event) => w.__progress.push(event.detail));

const pyConfig = {
  packages: [
    `${B}/wheels/tiny_pkg-0.1-py3-none-any.whl`,
    'numpy',
    'not-a-real-package',
    `${B}/wheels/fancy_native-0.1-cp314-cp314-manylinux_2_17_x86_64.whl`,
  ],
  files: { [`${B}/my_module.zip`]: './*', [`${F}/modules/bisect.py`]: './lib/bisect.py' },
  js_modules: { main: { [`${F}/lib/d3-like.mjs`]: 'd3' } },
  experimental_create_proxy: 'auto',
};

function addScript(type: string, code: string, attributes: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = type;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.textContent = code;
  document.body.append(script);
  return script;
}

const hostOf = (script: HTMLScriptElement) => script.nextElementSibling as PyScriptElement;

describe('config on Pyodide', () => {
  let first: HTMLScriptElement;
  let second: HTMLScriptElement;
  let mpy: HTMLScriptElement;
  let download: HTMLScriptElement;

  before(async function () {
    this.timeout(120_000);
    await import('/dist/core.js');
    first = addScript('py', 'import tiny_pkg\nfirst_ran = True', { config: JSON.stringify(pyConfig) });
    second = addScript('py', `
import js, json, os, sys
from my_module.sub import sub_util
sys.path.insert(0, "./lib")
import bisect
import tiny_pkg
from pyscript import config
from pyscript.js_modules import d3
try:
    d3.util
    missing = ""
except AttributeError as e:
    missing = str(e)
js.window.__py = json.dumps({
    "first_ran": first_ran,
    "tiny": tiny_pkg.greet("py"),
    "site": os.path.dirname(os.path.dirname(tiny_pkg.__file__)),
    "zip": sub_util.triple(3),
    "cwd": os.getcwd(),
    "bisect": bisect.bisect_right([1, 5], 2),
    "d3": d3.version,
    "missing": missing,
    "config": [type(config).__name__, config["experimental_create_proxy"], len(config["packages"])],
    "native_installed": os.path.exists(os.path.join(os.path.dirname(os.path.dirname(tiny_pkg.__file__)), "fancy_native")),
})
`);
    // The FAQ "Download" example, verbatim, on Pyodide (MicroPython's os has no os.path).
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      (window as unknown as { __download: string[] }).__download = [this.getAttribute('download') ?? '', this.href];
    };
    download = addScript('py', `
from pyscript import document, ffi, window
import os


def download_file(path, mime_type):
    name = os.path.basename(path)
    with open(path, "rb") as source:
        data = source.read()

        # Populate the buffer.
        buffer = window.Uint8Array.new(len(data))
        for pos, b in enumerate(data):
            buffer[pos] = b
        details = ffi.to_js({"type": mime_type})

        # This is JS specific
        file = window.File.new([buffer], name, details)
        tmp = window.URL.createObjectURL(file)
        dest = document.createElement("a")
        dest.setAttribute("download", name)
        dest.setAttribute("href", tmp)
        dest.click()

download_file("./my_module/util.py", "text/x-python")
`);
    const mpyConfig = document.createElement('mpy-config');
    mpyConfig.textContent = `interpreter = "${B}/mp-variant/micropython.mjs"`;
    document.body.append(mpyConfig);
    mpy = addScript('mpy', 'import js, sys\njs.window.__mpy = sys.implementation.name');
    await new Promise((resolve) => setTimeout(resolve));
    await Promise.all([hostOf(first).done, hostOf(second).done, hostOf(download).done, hostOf(mpy).done]);
    HTMLAnchorElement.prototype.click = click;
  });

  it("installs a pure wheel from a script's config attribute, without micropip (the issue's example)", () => {
    const results = JSON.parse(w.__py);
    expect(results.first_ran).to.equal(true);
    expect(results.tiny).to.equal('hello py from tiny_pkg');
    expect(results.site).to.match(/\/lib\/python3\.\d+\/site-packages$/);
  });

  it('writes files into the Pyodide working directory, which is importable', () => {
    const results = JSON.parse(w.__py);
    expect(results.cwd).to.equal('/home/pyodide');
    expect(results.zip).to.equal(9);
    expect(results.bisect).to.equal(1);
  });

  it('imports js_modules on Pyodide too, with the missing-export message', () => {
    const results = JSON.parse(w.__py);
    expect(results.d3).to.equal('d3-like 1.0');
    expect(results.missing).to.match(/does not provide an export named 'util'/);
  });

  it('gives Python the config as a dict, runtime keys included', () => {
    expect(JSON.parse(w.__py).config).to.deep.equal(['dict', 'auto', 4]);
  });

  it('shows PY0404 naming a lock-file package that cannot be fetched offline, without hanging', () => {
    const boxes = [...hostOf(first).querySelectorAll('.py-error')];
    const numpy = boxes.find((box) => box.textContent!.includes("'numpy'"));
    expect(numpy, boxes.map((b) => b.textContent).join('\n')).to.exist;
    expect((numpy as HTMLElement).dataset.code).to.equal('PY0404');
    expect(numpy!.textContent).to.match(/^\(PY0404\): Unable to load package 'numpy' from pyodide-lock\.json/);
  });

  it('shows PY0404 for a name that is not in the lock file', () => {
    const boxes = [...hostOf(first).querySelectorAll('.py-error')];
    const unknown = boxes.find((box) => box.textContent!.includes("'not-a-real-package'"));
    expect(unknown).to.exist;
    expect((unknown as HTMLElement).dataset.code).to.equal('PY0404');
  });

  it('refuses a wheel that is not pure Python with the FAQ message', () => {
    const boxes = [...hostOf(first).querySelectorAll('.py-error')];
    const native = boxes.find((box) => box.textContent!.includes('fancy_native'));
    expect(native).to.exist;
    expect(native!.textContent).to.contain("Can't find a pure Python 3 wheel for: 'fancy_native'");
    expect(JSON.parse(w.__py).native_installed).to.equal(false);
  });

  it('shows config errors once, at the first script only', () => {
    expect(hostOf(second).querySelector('.py-error')).to.equal(null);
    expect(hostOf(first).querySelectorAll('.py-error')).to.have.length(3);
  });

  it('reports py:progress for the interpreter download and the packages', () => {
    const interpreter = w.__progress.filter((p) => p.stage === 'interpreter').pop()!;
    expect(interpreter.loaded).to.be.greaterThan(5_000_000); // pyodide.asm.wasm + stdlib
    const packages = w.__progress.filter((p) => p.stage === 'packages').pop()!;
    expect(packages.loaded).to.equal(packages.total);
    expect(packages.total).to.be.greaterThan(500);
  });

  it('runs the FAQ "Download" example verbatim', async () => {
    expect(hostOf(download).querySelector('.py-error')).to.equal(null);
    const [name, href] = (window as unknown as { __download: string[] }).__download;
    expect(name).to.equal('util.py');
    expect(await (await fetch(href)).text()).to.contain('def double');
  });

  it('loads another MicroPython build named by the interpreter key', () => {
    expect(w.__mpy).to.equal('micropython');
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loaded.some((url) => url.endsWith(`${B}/mp-variant/micropython.wasm`))).to.equal(true);
    expect(loaded.some((url) => url.endsWith('/dist/micropython/micropython.wasm'))).to.equal(false);
  });
});
