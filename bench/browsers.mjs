// The hello and sync rows of the bench in another engine, side by side with
// @pyscript/core in that same engine:
//   node bench/browsers.mjs --engine firefox [--runs 3] [--only mpy-hello,worker-py-sync]
// Firefox (ESR, /usr/bin/firefox-esr or FIREFOX_PATH) is driven by
// puppeteer-core over WebDriver BiDi, each load in a fresh browser context
// (a cold HTTP cache), with nothing but localhost reachable. It serves the
// same pages as bench/run.mjs with the same server, and prints a markdown
// table (progress on stderr). Not part of npm test or CI.
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { puppeteerCore } from '@web/test-runner-chrome';
import { findEngines, firefoxPrefs } from '../scripts/engines.mjs';
import { startServer } from './server.mjs';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'firefox' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: '' },
    timeout: { type: 'string', default: '120000' },
  },
});
if (args.engine !== 'firefox') throw new Error(`--engine ${args.engine}: only firefox here (Chromium is bench/run.mjs)`);
const runs = Number(args.runs);
const timeout = Number(args.timeout);

/** The rows of bench/run.mjs that this compares (same ids, pages and checks). */
const rows = [
  { id: 'mpy-hello', title: 'MicroPython hello → `mpy:done` (ms)', metric: 'done', ours: 'ours-mpy-hello.html', pyscript: 'pyscript-mpy-hello.html', expect: 'hello from MicroPython' },
  { id: 'py-hello', title: 'Pyodide hello → `py:done` (ms)', metric: 'done', ours: 'ours-py-hello.html', pyscript: 'pyscript-py-hello.html', expect: 'hello from Pyodide' },
  { id: 'worker-mpy-sync', title: 'MicroPython worker → main sync, `document.title` (calls/s)', metric: 'rate', ours: 'ours-worker-mpy-sync.html', pyscript: 'pyscript-worker-mpy-sync.html', expect: '5001 document.title reads' },
  { id: 'worker-py-sync', title: 'Pyodide worker → main sync, `document.title` (calls/s)', metric: 'rate', ours: 'ours-worker-py-sync.html', pyscript: 'pyscript-worker-py-sync.html', expect: '5001 document.title reads' },
];
const only = args.only ? new Set(args.only.split(',')) : null;
const selected = rows.filter((row) => !only || only.has(row.id));

const executablePath = findEngines().firefox?.executablePath;
if (!executablePath) throw new Error('Firefox is not installed (apt-get install firefox-esr, or FIREFOX_PATH)');
const server = await startServer();
const browser = await puppeteerCore.launch({ browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: firefoxPrefs });
const version = await browser.version();

/** One load of `page` in a fresh browser context; resolves to `{ value, problem }`. */
async function measure(page, metric, expect) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/bench/pages/${page}`, { waitUntil: 'domcontentloaded', timeout });
    await tab.waitForFunction(
      (metric) => window.__benchDone !== undefined && (metric !== 'rate' || window.__benchRate !== undefined),
      { timeout, polling: 50 }, metric,
    );
    const result = await tab.evaluate(() => ({
      done: window.__benchDone, rate: window.__benchRate, text: document.body.innerText, errors: window.__benchErrors ?? [],
    }));
    const value = Number(metric === 'rate' ? result.rate : result.done);
    if (!result.text.includes(expect)) return { value: NaN, problem: `${page} does not show "${expect}": ${result.text.slice(0, 200)}` };
    if (result.errors.length) return { value: NaN, problem: `${page}: ${result.errors.join('; ')}` };
    return { value };
  } catch (error) {
    return { value: NaN, problem: `${page}: ${String(error.message ?? error).split('\n')[0]}` };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// One discarded load warms Firefox and the OS file cache.
await measure('ours-mpy-hello.html', 'done', 'hello from MicroPython');
const lines = [
  `Headless Firefox ${version}, ${cpus().length} cores, ${runs} loads per contender (fresh context, cold cache, interleaved). Median.`,
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
