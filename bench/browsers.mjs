// The hello and sync rows of the bench in another engine, side by side with
// @pyscript/core in that same engine:
//   node bench/browsers.mjs --engine firefox [--runs 3] [--only mpy-hello,worker-py-sync] [--network]
// Firefox (ESR, /usr/bin/firefox-esr or FIREFOX_PATH) is driven by
// puppeteer-core over WebDriver BiDi, each load in a fresh browser context
// (a cold HTTP cache), with nothing but localhost reachable. It serves the
// same pages as bench/run.mjs with the same server, and prints a markdown
// table (progress on stderr). Not part of npm test or CI.
//
// `--network`: the hello pages' first and second visits as bench/run.mjs's
// `net-*` rows measure them, but shaped by the server (bench/server.mjs
// `Link`: 40 ms per request, 20 Mbit/s shared), as Firefox has no network
// emulation to drive; bytes are the bodies the server sent in the visit.
// `--engine chromium` runs the same shaped rows in Chromium, to compare
// the server's shaping with Chromium's own emulation (bench/run.mjs).
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { puppeteerCore } from '@web/test-runner-chrome';
import { findEngines, firefoxPrefs } from '../scripts/engines.mjs';
import { startServer } from './server.mjs';
import { webkitLauncher } from '../test/webkit-launcher.mjs';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'firefox' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    timeout: { type: 'string', default: '120000' },
    network: { type: 'boolean', default: false },
  },
});
if (args.engine !== 'firefox' && args.engine !== 'webkit' && !(args.engine === 'chromium' && args.network)) {
  throw new Error(`--engine ${args.engine}: firefox, webkit, or chromium with --network (Chromium's own rows are bench/run.mjs)`);
}
const runs = Number(args.runs);
const timeout = Number(args.timeout);

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const EXECUTE_TRY_MS = 2000;

/**
 * WebKitGTK's MiniBrowser through test/webkit-launcher.mjs, behind the few
 * puppeteer calls this file makes. A "browser context" is a new MiniBrowser
 * (its website data are ephemeral in automation mode: a cold cache), its one
 * "page" that session; JavaScriptCore gets SharedArrayBuffer as Safari has it.
 */
class WebKitBrowser {
  static async launch({ driverPath, browserPath }) {
    const launcher = webkitLauncher({ driverPath, browserPath, concurrency: 1 });
    await launcher.initialize();
    return new WebKitBrowser(launcher);
  }

  #launcher;
  #contexts = 0;

  constructor(launcher) {
    this.#launcher = launcher;
  }

  createBrowserContext() {
    const launcher = this.#launcher;
    const id = `bench-${++this.#contexts}`;
    let session;
    // An Execute Script sent while the page starts sometimes never got its answer (1 in 2–5 loads of
    // the MicroPython sync page, never on PyScript's; the page itself ran on, and the next command was
    // answered at once), with the launcher's old `eager` page-load strategy; with `normal`, none in 20
    // loads. Kept as a guard: each try gets EXECUTE_TRY_MS, then another is sent.
    const run = async (fn, arg) => {
      for (let tries = 1; ; tries++) {
        const answer = session.command('POST', '/execute/sync', { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] });
        answer.catch(() => undefined);
        const result = await Promise.race([answer.then((value) => ({ value })), delay(EXECUTE_TRY_MS)]);
        if (result) return result.value;
        if (tries === 10) throw new Error(`WebKit did not answer ${tries} Execute Scripts in a row`);
      }
    };
    const tab = {
      async goto(url) {
        if (session) return session.navigate(url);
        await launcher.startSession(id, url);
        session = launcher.sessions.get(id);
      },
      async waitForFunction(fn, { timeout, polling }, arg) {
        const end = Date.now() + timeout;
        while (!(await run(fn, arg))) {
          if (Date.now() > end) throw new Error(`waiting for the page took more than ${timeout} ms`);
          await delay(polling);
        }
      },
      evaluate: (fn) => run(fn),
    };
    return {
      newPage: async () => tab,
      async close() {
        launcher.sessions.delete(id);
        await session?.stop();
      },
    };
  }

  async version() {
    const context = this.createBrowserContext();
    const tab = await context.newPage();
    await tab.goto('about:blank');
    const agent = await tab.evaluate(() => navigator.userAgent);
    await context.close();
    return agent.match(/AppleWebKit\/[\d.]+/)?.[0] ?? agent;
  }

  close() {
    return this.#launcher.stop();
  }
}

/** The rows of bench/run.mjs that this compares (same ids, pages and checks). */
const rows = [
  { id: 'mpy-hello', title: 'MicroPython hello → `mpy:done` (ms)', metric: 'done', ours: 'ours-mpy-hello.html', pyscript: 'pyscript-mpy-hello.html', expect: 'hello from MicroPython' },
  { id: 'py-hello', title: 'Pyodide hello → `py:done` (ms)', metric: 'done', ours: 'ours-py-hello.html', pyscript: 'pyscript-py-hello.html', expect: 'hello from Pyodide' },
  { id: 'worker-mpy-sync', title: 'MicroPython worker → main sync, `document.title` (calls/s)', metric: 'rate', ours: 'ours-worker-mpy-sync.html', pyscript: 'pyscript-worker-mpy-sync.html', expect: '5001 document.title reads' },
  { id: 'worker-py-sync', title: 'Pyodide worker → main sync, `document.title` (calls/s)', metric: 'rate', ours: 'ours-worker-py-sync.html', pyscript: 'pyscript-worker-py-sync.html', expect: '5001 document.title reads' },
];
/** The `net-*` rows of bench/run.mjs: one value per visit, first (cold cache) and second (same context). */
const networkRows = [
  { id: 'net-mpy-hello', title: 'MicroPython hello', ours: 'ours-mpy-hello.html', pyscript: 'pyscript-mpy-hello.html', expect: 'hello from MicroPython' },
  { id: 'net-py-hello', title: 'Pyodide hello', ours: 'ours-py-hello.html', pyscript: 'pyscript-py-hello.html', expect: 'hello from Pyodide' },
];
const only = args.only ? new Set(args.only.split(',')) : null;
const selected = (args.network ? networkRows : rows).filter((row) => !only || only.has(row.id));

const SHAPE = { latencyMs: 40, bytesPerSecond: 20e6 / 8 };
const engine = findEngines()[args.engine];
if (!engine) throw new Error(`${args.engine} is not installed (scripts/engines.mjs says how to get it)`);
const { executablePath } = engine;
const server = await startServer(args.network ? { host: true, shape: SHAPE } : {});
const browser = args.engine === 'firefox'
  ? await puppeteerCore.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: firefoxPrefs })
  : args.engine === 'webkit' ? await WebKitBrowser.launch(engine)
    : await puppeteerCore.launch({ executablePath, headless: true, args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
const version = await browser.version();
const engineTitle = { firefox: 'Headless Firefox', webkit: 'WebKitGTK MiniBrowser (Xvfb)', chromium: 'Headless Chromium' }[args.engine];

/**
 * Loads `page` in `tab` and reads its result; resolves to `{ value, bytes, problem }`
 * (`bytes`: what the shaped server sent meanwhile).
 */
async function visit(tab, page, metric, expect) {
  const sentBefore = server.link?.sent ?? 0;
  await tab.goto(`${server.origin}/bench/pages/${page}`, { waitUntil: 'domcontentloaded', timeout });
  await tab.waitForFunction(
    (metric) => window.__benchDone !== undefined && (metric !== 'rate' || window.__benchRate !== undefined),
    { timeout, polling: 50 }, metric,
  );
  const result = await tab.evaluate(() => ({
    done: window.__benchDone, rate: window.__benchRate, text: document.body.innerText, errors: window.__benchErrors ?? [],
  }));
  const bytes = (server.link?.sent ?? 0) - sentBefore;
  const value = Number(metric === 'rate' ? result.rate : result.done);
  if (!result.text.includes(expect)) return { value: NaN, problem: `${page} does not show "${expect}": ${result.text.slice(0, 200)}` };
  if (result.errors.length) return { value: NaN, problem: `${page}: ${result.errors.join('; ')}` };
  return { value, bytes };
}

/**
 * `visits` loads of `page` in one fresh browser context (the first with a cold
 * cache); resolves to one `{ value, bytes, problem }` per visit.
 */
async function measure(page, metric, expect, visits = 1) {
  const context = await browser.createBrowserContext();
  const results = [];
  try {
    const tab = await context.newPage();
    for (let n = 0; n < visits; n++) {
      // Past the bench server's previous responses still being written (a cancelled body), so visits do not overlap.
      if (n) await delay(500);
      results.push(await visit(tab, page, metric, expect));
      if (results.at(-1).problem) break;
    }
  } catch (error) {
    results.push({ value: NaN, problem: `${page}: ${String(error.message ?? error).split('\n')[0]}` });
  } finally {
    await context.close();
  }
  return visits === 1 ? results[0] : results;
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// One discarded load warms the browser and the OS file cache (and, shaped, makes the compressed copies).
await measure('ours-mpy-hello.html', 'done', 'hello from MicroPython');
if (args.network) {
  await measure('ours-py-hello.html', 'done', 'hello from Pyodide');
  await measure('pyscript-py-hello.html', 'done', 'hello from Pyodide');
  await measure('pyscript-mpy-hello.html', 'done', 'hello from MicroPython');
  await networkTable();
  process.exit(0);
}

/** The `--network` table: first and second visits' times and bytes. */
async function networkTable() {
  const lines = [
    `${engineTitle} ${version}, ${cpus().length} cores, served by bench/server.mjs as a host (brotli, max-age) through its shaped link `
      + `(${SHAPE.latencyMs} ms per request, ${(SHAPE.bytesPerSecond * 8) / 1e6} Mbit/s shared), ${runs} loads per contender, each a fresh context `
      + 'visited twice, interleaved. Median; bytes are the bodies sent.',
    '',
    '| row | ours | PyScript | ours / PyScript | ours MB | PyScript MB |',
    '|---|---|---|---|---|---|',
  ];
  const problems = [];
  for (const row of selected) {
    const samples = { ours: [[], []], pyscript: [[], []] };
    const bytes = { ours: [[], []], pyscript: [[], []] };
    for (let round = 0; round < runs; round++) {
      const order = round % 2 ? ['pyscript', 'ours'] : ['ours', 'pyscript'];
      for (const who of order) {
        const visits = await measure(row[who], 'done', row.expect, 2);
        visits.forEach((result, n) => {
          if (result.problem) problems.push(result.problem);
          samples[who][n].push(result.value);
          bytes[who][n].push(result.bytes ?? NaN);
        });
        console.error(`${row.id} ${who} ${visits.map((result) => (Number.isFinite(result.value) ? Math.round(result.value) : 'failed')).join(' / ')} ms`);
      }
    }
    for (const [n, visit] of ['first visit', 'second visit'].entries()) {
      const ours = median(samples.ours[n]);
      const pyscript = median(samples.pyscript[n]);
      const show = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'failed');
      const mb = (values) => (Number.isFinite(median(values)) ? (median(values) / 1e6).toFixed(2) : '—');
      lines.push(`| ${row.title}, ${visit} | ${show(ours)} | ${show(pyscript)} | ${Number.isFinite(ours / pyscript) ? (ours / pyscript).toFixed(2) : '—'} `
        + `| ${mb(bytes.ours[n])} | ${mb(bytes.pyscript[n])} |`);
    }
  }
  await browser.close();
  await server.close();
  console.log(lines.join('\n'));
  if (problems.length) console.log(`\nProblems:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
}

const lines = [
  `${engineTitle} ${version}, ${cpus().length} cores, ${runs} loads per contender (fresh context, cold cache, interleaved). Median.`,
  '',
  '| row | ours | PyScript | ours / PyScript |',
  '|---|---|---|---|',
];
const problems = [];
for (const row of selected) {
  const samples = { ours: [], pyscript: [] };
  for (let round = 0; round < runs; round++) {
    const order = round % 2 ? ['pyscript', 'ours'] : ['ours', 'pyscript'];
    for (const who of order) {
      const { value, problem } = await measure(row[who], row.metric, row.expect);
      if (problem) problems.push(problem);
      samples[who].push(value);
      console.error(`${row.id} ${who} ${Number.isFinite(value) ? Math.round(value) : 'failed'}`);
    }
  }
  const ours = median(samples.ours);
  const pyscript = median(samples.pyscript);
  const show = (value) => (Number.isFinite(value) ? String(Math.round(value)) : 'failed');
  lines.push(`| ${row.title} | ${show(ours)} | ${show(pyscript)} | ${Number.isFinite(ours / pyscript) ? (ours / pyscript).toFixed(2) : '—'} |`);
}
await browser.close();
await server.close();
console.log(lines.join('\n'));
if (problems.length) console.log(`\nProblems:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
