// Bad config input, one page (iframe) per case since a config belongs to a
// page: each case must show the right code in a `.py-error` box, never hang
// (`py:all-done` fires), and let the scripts after it run. Plus the
// 20-file concurrency check.
import { expect } from '@open-wc/testing';

const F = '/test/fixtures/config';
const B = '/test/fixtures/build';

interface Frame {
  window: Window & { __warnings: string[]; __errors: string[]; firstRan?: boolean; laterRan?: boolean; otherRan?: boolean; allDone?: boolean };
  document: Document;
}

/** Loads a page made of `body` (plus core.js and two MicroPython scripts after it) in an iframe. */
async function page(body: string, { type = 'mpy', timeout = 30_000 } = {}): Promise<Frame> {
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><html><head>
    <script>
      window.__warnings = [];
      const warn = console.warn.bind(console);
      console.warn = (...args) => { window.__warnings.push(args.join(' ')); warn(...args); };
      window.__errors = [];
      const error = console.error.bind(console);
      console.error = (...args) => { window.__errors.push(args.join(' ')); error(...args); };
      addEventListener('py:all-done', () => { window.allDone = true; });
    </script>
    <script type="module" src="/dist/core.js"></script></head><body>
    ${body}
    <script type="${type}" id="first">import js; js.window.firstRan = True</script>
    <script type="${type}" id="later">import js; js.window.laterRan = True</script>
    </body></html>`;
  document.body.append(iframe);
  const frame = iframe.contentWindow as Frame['window'];
  const start = Date.now();
  while (!frame.allDone) {
    if (Date.now() - start > timeout) throw new Error(`py:all-done did not fire within ${timeout} ms (a hang)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { window: frame, document: iframe.contentDocument! };
}

/** The error boxes of a page, as `[code, text]`. */
const errors = (frame: Frame) =>
  [...frame.document.querySelectorAll<HTMLElement>('.py-error')].map((box) => [box.dataset.code ?? '', box.textContent ?? '']);

/** Expects exactly one error box with `code` whose text matches `pattern`, and that the scripts ran. */
function expectError(frame: Frame, code: string, pattern: RegExp) {
  const found = errors(frame);
  expect(found, JSON.stringify(found)).to.have.length(1);
  expect(found[0][0]).to.equal(code);
  expect(found[0][1]).to.match(pattern);
  expect(frame.window.firstRan, 'the first script ran').to.equal(true);
  expect(frame.window.laterRan, 'the later script ran').to.equal(true);
}

describe('config errors', function () {
  this.timeout(180_000);

  it('invalid TOML: PY1000 with line and column', async () => {
    const frame = await page(`<mpy-config>
packages = [
"oops"
[files
</mpy-config>`);
    expectError(frame, 'PY1000', /^\(PY1000\): Invalid TOML in <mpy-config>: line \d+, column \d+: /);
  });

  it('invalid TOML in a config file: PY1000 naming the file', async () => {
    const frame = await page(`<mpy-config src="${F}/broken.toml"></mpy-config>`);
    expectError(frame, 'PY1000', /^\(PY1000\): Invalid TOML in http:\/\/[^ ]+\/broken\.toml: line \d+, column \d+/);
  });

  it('invalid JSON: PY1000 with line and column', async () => {
    const frame = await page(`<mpy-config type="json">{"files":
  {"a": }}</mpy-config>`);
    expectError(frame, 'PY1000', /^\(PY1000\): Invalid JSON in <mpy-config>: line 2, column 9: /);
  });

  it('invalid JSON in a config attribute: PY1000', async () => {
    const frame = await page(`<script type="mpy" config='{"packages": [}'>import js; js.window.otherRan = True</script>`);
    const found = errors(frame);
    expect(found).to.have.length(1);
    expect(found[0][0]).to.equal('PY1000');
    expect(found[0][1]).to.match(/Invalid JSON in the config attribute of <script type="mpy">: line 1, column 15/);
    expect(frame.window.otherRan && frame.window.laterRan).to.equal(true);
  });

  it('two <mpy-config> elements: PY0409', async () => {
    const frame = await page('<mpy-config>debug = true</mpy-config><mpy-config>debug = false</mpy-config>');
    expectError(frame, 'PY0409', /^\(PY0409\): Too many <mpy-config> elements \(2\)/);
  });

  it('<mpy-config> plus a different config attribute on a main-thread script: PY0409', async () => {
    const frame = await page(`<mpy-config>debug = true</mpy-config>
      <script type="mpy" config="debug = false">import js; js.window.otherRan = True</script>`);
    const found = errors(frame);
    expect(found).to.have.length(1);
    expect(found[0][0]).to.equal('PY0409');
    expect(found[0][1]).to.contain('<mpy-config> and the config attribute of a <script type="mpy"> disagree');
    expect(frame.window.otherRan && frame.window.laterRan).to.equal(true);
  });

  it('main-thread scripts with different config attributes: PY0409', async () => {
    const frame = await page(`<script type="mpy" config="debug = true">import js; js.window.otherRan = True</script>
      <script type="mpy" config="debug = false">pass</script>`);
    expect(errors(frame).map(([code]) => code)).to.deep.equal(['PY0409']);
    expect(errors(frame)[0][1]).to.contain('Unable to use different configs on main');
  });

  it('text plus src: PY0409', async () => {
    const frame = await page(`<mpy-config src="${F}/config.toml">debug = true</mpy-config>`);
    expectError(frame, 'PY0409', /^\(PY0409\): <mpy-config> has both src=".*config\.toml" and inline text/);
  });

  it('missing config URL: PY0404 with the URL and HTTP status', async () => {
    const frame = await page(`<mpy-config src="${F}/nope.toml"></mpy-config>`);
    expectError(frame, 'PY0404', /^\(PY0404\): Unable to fetch config http:\/\/[^ ]+\/test\/fixtures\/config\/nope\.toml: HTTP 404/);
  });

  it('a config URL that is not .toml or .json: PY1000', async () => {
    const frame = await page(`<script type="mpy" config="./settings.yaml">pass</script>`);
    expect(errors(frame).map(([code]) => code)).to.deep.equal(['PY1000']);
    expect(errors(frame)[0][1]).to.contain('Invalid config URL: ./settings.yaml');
  });

  it('missing file: PY0404 with the URL and HTTP status, other files still written', async () => {
    const frame = await page(`<mpy-config>
[files]
"${F}/missing.py" = "./missing.py"
"${F}/single.py" = "./single.py"
</mpy-config>
<script type="mpy">import js, single; js.window.otherRan = single.answer() == 42</script>`);
    const found = errors(frame);
    expect(found, JSON.stringify(found)).to.have.length(1);
    expect(found[0][0]).to.equal('PY0404');
    expect(found[0][1]).to.match(/^\(PY0404\): Unable to fetch file http:\/\/[^ ]+\/test\/fixtures\/config\/missing\.py: HTTP 404/);
    expect(frame.window.otherRan && frame.window.laterRan).to.equal(true);
  });

  it('logs a PY1000 config error to the console too', async () => {
    const frame = await page('<mpy-config>[files</mpy-config>');
    expect(errors(frame).map(([code]) => code)).to.deep.equal(['PY1000']);
    expect(frame.window.__errors.join('\n')).to.match(/\(PY1000\): Invalid TOML in <mpy-config>: line \d+, column \d+/);
  });

  it('logs a PY0404 config error to the console too', async () => {
    const frame = await page(`<mpy-config>
[files]
"${F}/missing.py" = "./missing.py"
</mpy-config>`);
    expect(errors(frame).map(([code]) => code)).to.deep.equal(['PY0404']);
    expect(frame.window.__errors.join('\n')).to.match(/\(PY0404\): Unable to fetch file http:\/\/[^ ]+\/test\/fixtures\/config\/missing\.py: HTTP 404/);
  });

  it('corrupt zip: PY0404 saying the archive is not valid', async () => {
    const frame = await page(`<mpy-config>
[files]
"${B}/corrupt.zip" = "./*"
</mpy-config>`);
    expectError(frame, 'PY0404', /^\(PY0404\): Unable to unpack http:\/\/[^ ]+\/corrupt\.zip: it is not a valid zip archive/);
  });

  it('a JavaScript module that does not provide an import: PY0404 saying so', async () => {
    const frame = await page(`<mpy-config>
[js_modules.main]
"${F}/lib/bad-import.mjs" = "bad"
</mpy-config>`);
    // Then the engine's own words: Chromium "does not provide an export named 'util'", Firefox
    // "doesn't provide an export named: 'util'", WebKit "importing binding name 'util' is not found".
    expectError(frame, 'PY0404', /Unable to import JavaScript module .*bad-import\.mjs \(js_modules "bad"\): .*(export named:? |binding name )'util'/);
  });

  it('unknown key: a console warning naming it, no error, scripts run', async () => {
    const frame = await page('<mpy-config>package = ["x"]</mpy-config>');
    expect(errors(frame)).to.deep.equal([]);
    expect(frame.window.__warnings.join('\n')).to.contain('Unknown config key "package" in <mpy-config>; did you mean "packages"?');
    expect(frame.window.firstRan && frame.window.laterRan).to.equal(true);
  });

  it('missing wheel on Pyodide: PY0404 with the URL and HTTP status, scripts run', async () => {
    // Pyodide boots slowly when the machine is busy; a hang would still be caught.
    const frame = await page(`<py-config>packages = ["${B}/wheels/missing-0.1-py3-none-any.whl"]</py-config>`, { type: 'py', timeout: 150_000 });
    expectError(frame, 'PY0404', /^\(PY0404\): Unable to fetch package http:\/\/[^ ]+\/wheels\/missing-0\.1-py3-none-any\.whl: HTTP 404/);
  });
});

describe('config files by URL', function () {
  this.timeout(60_000);

  it('<mpy-config src> reads a .toml file; relative entries resolve against the file', async () => {
    const frame = await page(`<mpy-config src="${F}/config.toml"></mpy-config>
      <script type="mpy">
import js, sys
sys.path.append("./from_toml")
import bisect
js.window.otherRan = bisect.bisect_right([1, 2, 3], 2) == 2
</script>`);
    expect(errors(frame)).to.deep.equal([]);
    expect(frame.window.otherRan && frame.window.laterRan).to.equal(true);
  });

  it('a config attribute naming a .json file works the same', async () => {
    const frame = await page(`<script type="mpy" config="${F}/config.json">
import js
from from_json import single
js.window.otherRan = single.answer() == 42
</script>`);
    expect(errors(frame)).to.deep.equal([]);
    expect(frame.window.otherRan && frame.window.laterRan).to.equal(true);
  });
});

describe('files concurrency', function () {
  this.timeout(60_000);

  it('fetches 20 files entries in parallel', async () => {
    // Each response takes 300 ms: one after another, that would be 6 s.
    const entries = Array.from({ length: 20 }, (_, i) => `"${B}/many/file${i}.txt?delay=300" = "./many/file${i}.txt"`).join('\n');
    const frame = await page(`<mpy-config>[files]\n${entries}</mpy-config>
      <script type="mpy">import js, os; js.window.otherRan = len(os.listdir("./many")) == 20</script>`);
    expect(errors(frame)).to.deep.equal([]);
    expect(frame.window.otherRan).to.equal(true);
    const timings = (frame.window.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
      /\/many\/file\d+\.txt\?delay=300$/.test(entry.name),
    );
    expect(timings).to.have.length(20);
    // Fetched one after another, only one request would start before the first
    // response ended; in parallel, all start at once (and the browser's six
    // connections to a host serve them six at a time).
    const firstEnd = Math.min(...timings.map((entry) => entry.responseEnd));
    const startedBefore = timings.filter((entry) => entry.startTime < firstEnd).length;
    expect(startedBefore).to.be.at.least(6);
  });
});
