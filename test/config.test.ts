// Configuration on MicroPython, one page: <mpy-config> with files (plain,
// templates, zip, tgz), packages (.py URL, mip package.json), js_modules,
// pyscript.config, and mpy:progress. Everything is served locally.
import { expect } from '@open-wc/testing';
import type { MPyScriptElement } from '../src/elements/mpy-script.js';
import { config } from '/dist/core.js';

const F = '/test/fixtures/config';
const B = '/test/fixtures/build';

type Results = Record<string, unknown>;
const w = window as unknown as { __results: string; __progress: { stage: string; loaded: number; total: number }[] };
w.__progress = [];
addEventListener('mpy:progress', (event) => w.__progress.push(event.detail));

/** Adds `<mpy-config>` and a script, and waits for the script. */
async function runPage(): Promise<{ results: Results; host: MPyScriptElement }> {
  const configElement = document.createElement('mpy-config');
  configElement.textContent = `
    packages = ["${F}/mip/package.json", "${F}/single.py", "${B}/wheels/tiny_pkg-0.1-py3-none-any.whl"]

    [files]
    "${F}/modules/bisect.py" = "./bisect.py"
    "${B}/my_module.zip" = "./*"
    "${B}/tar_module.tgz" = "./unpacked/*"
    "{DOMAIN}" = "${F}"
    "{TO}" = "./data"
    "{DOMAIN}/single.py" = "{TO}/copied.py"
    "{DOMAIN}/lib/d3-like.mjs" = "{TO}/"

    [js_modules.main]
    "${F}/lib/d3-like.mjs" = "d3"
  `;
  document.body.append(configElement);
  const script = document.createElement('script');
  script.type = 'mpy';
  script.textContent = `
import js, json, os
results = {}

# FAQ "Provide your own file": a file copied into the Python path.
import bisect
results["bisect"] = bisect.bisect_right([1, 2, 4], 3)

# FAQ "Code archive": a zip unpacked into the working directory.
from my_module import util
from my_module.sub import sub_util
import my_module
results["zip"] = [my_module.NAME, util.double(2), sub_util.triple(2)]

# A .tgz unpacked into a folder.
from unpacked import tar_module
with open("./unpacked/tar_module/deep/er/data.txt") as f:
    results["tgz"] = [tar_module.FROM, f.read().strip()]

# Templates, and a folder destination that keeps the file name.
with open("./data/copied.py") as f:
    results["template"] = f.read().strip()
results["folder_dest"] = "d3-like.mjs" in os.listdir("./data")

# packages: a .py URL and a mip package.json (with a URL dep) land in /lib.
import single, mip_pkg, tiny_pkg, tiny_extra
results["packages"] = [single.answer(), mip_pkg.shout("hi"), "bisect.py" in os.listdir("/lib"), tiny_pkg.greet("mpy"), tiny_extra.EXTRA, [name for name in os.listdir("/lib") if name.endswith(".data")]]

# FAQ "JavaScript modules": js_modules.main.
from pyscript.js_modules import d3
from pyscript.js_modules.d3 import version
results["js_module"] = [d3.version, version, d3.select("#nothing").selector]
try:
    d3.util
except AttributeError as e:
    results["missing_export"] = str(e)
try:
    from pyscript.js_modules import nope
except ImportError as e:
    results["missing_module"] = str(e)

# pyscript.config is the parsed config as a dict.
from pyscript import config
results["config"] = [type(config).__name__, config["js_modules"]["main"]["${F}/lib/d3-like.mjs"], len(config["packages"])]

# FAQ "File System": read/write.
with open("./test.txt", "w") as dest:
    dest.write("hello vFS")
    dest.close()
with open("./test.txt", "r") as f:
    results["vfs"] = f.read()

js.window.__results = json.dumps(results)
`;
  document.body.append(script);
  await new Promise((resolve) => setTimeout(resolve));
  const host = script.nextElementSibling as MPyScriptElement;
  await host.done;
  return { results: JSON.parse(w.__results ?? '{}'), host };
}

describe('<mpy-config> on MicroPython', () => {
  let results: Results;
  let host: MPyScriptElement;
  before(async function () {
    this.timeout(60_000);
    ({ results, host } = await runPage());
  });

  it('runs without an error box', () => {
    expect(host.querySelector('.py-error')?.textContent ?? '').to.equal('');
  });

  it('copies a file into the Python path (FAQ "Provide your own file")', () => {
    expect(results.bisect).to.equal(2);
  });

  it('unpacks a zip into the working directory, subpackages included (FAQ "Code archive")', () => {
    expect(results.zip).to.deep.equal(['my_module', 4, 6]);
  });

  it('unpacks a .tgz into a folder, creating nested directories', () => {
    expect(results.tgz).to.deep.equal(['tgz', 'deep data']);
  });

  it('resolves {NAME} templates in URLs and paths, and keeps the file name for a folder path', () => {
    expect(results.template).to.contain('def answer');
    expect(results.folder_dest).to.equal(true);
  });

  it('installs .py URLs, mip package.json manifests (with URL deps) and pure wheels into /lib', () => {
    expect(results.packages).to.deep.equal([42, 'HI!', true, 'hello mpy from tiny_pkg', 'from .data/purelib', []]);
  });

  it('imports js_modules.main, also as a submodule (FAQ "JavaScript modules")', () => {
    expect(results.js_module).to.deep.equal(['d3-like 1.0', 'd3-like 1.0', '#nothing']);
  });

  it('says so when a module has no such export', () => {
    expect(results.missing_export).to.match(/The requested module '.*d3-like\.mjs' does not provide an export named 'util'/);
  });

  it('says which js_modules exist when a name is not configured', () => {
    expect(results.missing_module).to.contain("No JavaScript module named 'nope'").and.contain('configured: d3');
  });

  it('gives Python the parsed config as a dict, and JavaScript as config.mpy', () => {
    expect(results.config).to.deep.equal(['dict', 'd3', 3]);
    expect(config.mpy?.packages).to.have.length(3);
  });

  it('runs the FAQ "File System" read/write example', () => {
    expect(results.vfs).to.equal('hello vFS');
  });

  it('installs at runtime with mip, from local URLs (FAQ "Host a package")', async () => {
    const script = document.createElement('script');
    script.type = 'mpy';
    script.textContent = `
import js, os, mip
mip.install("${F}/single.py", target="/mipped")
mip.install("${F}/mip/package.json", target="/mipped")
try:
    mip.install("${F}/nope.py")
    failure = ""
except OSError as e:
    failure = str(e)
js.window.__mip = " ".join(sorted(os.listdir("/mipped")) + sorted(os.listdir("/mipped/mip_pkg"))) + "|" + failure
`;
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve));
    await (script.nextElementSibling as MPyScriptElement).done;
    const [files, failure] = (window as unknown as { __mip: string }).__mip.split('|');
    expect(files).to.equal('bisect.py mip_pkg single.py __init__.py helpers.py');
    expect(failure).to.match(/^mip: unable to fetch http:\/\/.*\/nope\.py: HTTP 404$/);
  });

  it('reports mpy:progress with byte counts for the interpreter, files and packages', () => {
    const stages = new Set(w.__progress.map((p) => p.stage));
    expect([...stages]).to.include.members(['interpreter', 'files', 'packages']);
    const files = w.__progress.filter((p) => p.stage === 'files');
    const last = files[files.length - 1];
    expect(last.total).to.be.greaterThan(400); // the zip alone is ~460 bytes
    expect(last.loaded).to.equal(last.total);
    const interpreterEvents = w.__progress.filter((p) => p.stage === 'interpreter');
    const interpreter = interpreterEvents[interpreterEvents.length - 1];
    expect(interpreter.loaded).to.be.greaterThan(300_000); // micropython.wasm
    expect(interpreter.total).to.equal(interpreter.loaded);
    // The total is known from the start (the bundled build's size), so a bar can fill up.
    expect(interpreterEvents[0]).to.deep.equal({ stage: 'interpreter', loaded: 0, total: interpreter.total });
  });
});
