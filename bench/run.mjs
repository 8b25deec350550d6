// `npm run bench`: start-up and sync-call benchmark of this project beside
// @pyscript/core 0.7.31, both on the same local interpreters, in headless
// system Chromium. See bench/README.md for what each row measures.
//
//   node bench/run.mjs [--runs 5] [--mpy-runs 9] [--only mpy-hello,py-hello] [--warm] [--list]
//   node bench/run.mjs --pages variant.html,ours-mpy-hello.html [--expect text] [--network] [--metric rate] [--busy]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startBusy } from './busy.mjs';
import { NETWORK, networkVisits, reportFailedRequests } from './network.mjs';
import { writeEditorPages } from './editor-pages.mjs';
import { writeBenchIndex } from './packages-index.mjs';
import { HOST_MAX_AGE, startServer } from './server.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    'mpy-runs': { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    warm: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '90000' },
    list: { type: 'boolean', default: false },
    pages: { type: 'string', default: '' },
    expect: { type: 'string', default: 'hello' },
    network: { type: 'boolean', default: false }, // --pages under network emulation
    metric: { type: 'string', default: 'done' }, // --pages: `done` (ms) or `rate` (the page's `__benchRate`, calls/s)
    busy: { type: 'boolean', default: false }, // --pages with one core kept busy
  },
});
const runs = Math.max(1, Number(args.runs));
// MicroPython loads are cheap (~0.5 s against Pyodide's 3–8 s): more of them
// steadies those rows within the same time budget.
const mpyRuns = Math.max(1, Number(args['mpy-runs'] || Math.max(runs, 9)));
const timeout = Number(args.timeout);

const PYSCRIPT = '@pyscript/core 0.7.31';

/**
 * The rows. Each contender is one page; `expect` is text the page must show
 * once done (proof that Python really ran). `metric` is `done` (ms from
 * navigation start to the first `py:done`/`mpy:done`, lower is better) or
 * `rate` (`window.__benchRate`, calls/s, higher is better).
 */
const rows = [
  {
    id: 'mpy-hello', title: 'MicroPython hello → `mpy:done`', metric: 'done', target: 0.7, warmable: true,
    contenders: [
      { name: 'ours', page: 'ours-mpy-hello.html', expect: 'hello from MicroPython' },
      { name: 'pyscript', page: 'pyscript-mpy-hello.html', expect: 'hello from MicroPython' },
      { name: 'floor', page: 'floor-mpy.html', expect: 'hello from MicroPython' },
    ],
  },
  {
    id: 'py-hello', title: 'Pyodide hello → `py:done`', metric: 'done', target: 1.0, warmable: true,
    contenders: [
      { name: 'ours', page: 'ours-py-hello.html', expect: 'hello from Pyodide' },
      { name: 'pyscript', page: 'pyscript-py-hello.html', expect: 'hello from Pyodide' },
      { name: 'floor', page: 'floor-py.html', expect: 'hello from Pyodide' },
    ],
  },
  {
    // `network`: each sample is one context loading the page twice under
    // emulation, from the host-like server (bench/network.mjs); the row
    // reports the first visit, and a `-second` row the second.
    id: 'net-mpy-hello', title: 'MicroPython hello → `mpy:done`, NET', metric: 'done', network: true,
    target: 0.5,
    contenders: [
      { name: 'ours', page: 'ours-mpy-hello.html', expect: 'hello from MicroPython' },
      { name: 'pyscript', page: 'pyscript-mpy-hello.html', expect: 'hello from MicroPython' },
    ],
  },
  {
    id: 'net-py-hello', title: 'Pyodide hello → `py:done`, NET', metric: 'done', network: true,
    target: 0.45, targetSecond: 0.35, targetBytes: 1.2,
    contenders: [
      { name: 'ours', page: 'ours-py-hello.html', expect: 'hello from Pyodide' },
      { name: 'pyscript', page: 'pyscript-py-hello.html', expect: 'hello from Pyodide' },
    ],
  },
  {
    id: 'mpy-files', title: 'MicroPython, 20 `[files]` entries vs none → `mpy:done`', metric: 'done',
    contenders: [
      { name: 'ours', page: 'ours-mpy-files20.html', expect: 'hello from MicroPython, 20 files' },
      { name: 'pyscript', page: 'pyscript-mpy-files20.html', expect: 'hello from MicroPython, 20 files' },
      { name: 'ours-nofiles', page: 'ours-mpy-nofiles.html', expect: 'hello from MicroPython, 0 files' },
      { name: 'pyscript-nofiles', page: 'pyscript-mpy-nofiles.html', expect: 'hello from MicroPython, 0 files' },
    ],
  },
  {
    id: 'worker-mpy-hello', title: 'MicroPython worker hello → `mpy:done`', metric: 'done', target: 0.8,
    contenders: [
      { name: 'ours', page: 'ours-worker-mpy-hello.html', expect: 'hello from MicroPython worker' },
      { name: 'pyscript', page: 'pyscript-worker-mpy-hello.html', expect: 'hello from MicroPython worker' },
    ],
  },
  {
    id: 'worker-py-hello', title: 'Pyodide worker hello → `py:done`', metric: 'done', target: 0.8,
    contenders: [
      { name: 'ours', page: 'ours-worker-py-hello.html', expect: 'hello from Pyodide worker' },
      { name: 'pyscript', page: 'pyscript-worker-py-hello.html', expect: 'hello from Pyodide worker' },
    ],
  },
  {
    id: 'worker-mpy-sync', title: 'MicroPython worker → main sync, `document.title`, median of 5×1000', metric: 'rate', target: 2,
    contenders: [
      { name: 'ours', page: 'ours-worker-mpy-sync.html', expect: '5001 document.title reads' },
      { name: 'pyscript', page: 'pyscript-worker-mpy-sync.html', expect: '5001 document.title reads' },
    ],
  },
  {
    id: 'worker-py-sync', title: 'Pyodide worker → main sync, `document.title`, median of 5×1000', metric: 'rate', target: 2,
    contenders: [
      { name: 'ours', page: 'ours-worker-py-sync.html', expect: '5001 document.title reads' },
      { name: 'pyscript', page: 'pyscript-worker-py-sync.html', expect: '5001 document.title reads' },
    ],
  },
  // The first 1000 reads right after a worker starts (no warm-up read; the
  // proxies' set-up counts), as a worker doing its start-up DOM work gets
  // them; `-busy`: with another process keeping one core busy (bench/busy.mjs).
  ...['mpy', 'py'].flatMap((kind) => [false, true].map((busy) => ({
    id: `worker-${kind}-first${busy ? '-busy' : ''}`,
    title: `${kind === 'mpy' ? 'MicroPython' : 'Pyodide'} worker → main sync, \`document.title\`, the first 1000 reads after start${busy ? ', one core kept busy' : ''}`,
    metric: 'rate', target: 2, busy,
    // The same loads timed as users feel them: navigation → the reads done
    // (the worker's start-up included), what a faster rate from a later start
    // would not show.
    done: {
      id: `worker-${kind}-first${busy ? '-busy' : ''}-done`,
      title: `${kind === 'mpy' ? 'MicroPython' : 'Pyodide'} worker, navigation → its first 1000 \`document.title\` reads done${busy ? ', one core kept busy' : ''}`,
    },
    contenders: [
      { name: 'ours', page: `ours-worker-${kind}-first.html`, expect: '1000 document.title reads' },
      { name: 'pyscript', page: `pyscript-worker-${kind}-first.html`, expect: '1000 document.title reads' },
    ],
  }))),
  {
    // Ours alone, 3 loads (each takes ~20 s): the fallback for pages without cross-origin isolation.
    id: 'worker-mpy-sw-sync', title: 'MicroPython worker → main sync through the service worker (no COOP/COEP), `document.title`, median of 5×1000', metric: 'rate', rounds: 3,
    contenders: [
      { name: 'ours', page: 'ours-worker-mpy-sync.html?noiso', expect: '5001 document.title reads' },
    ],
  },
  // 50 editors on a page (bench/editor-pages.mjs writes the pages): each load
  // gives two values (bench/pages/bench.js), so the row makes two results.
  ...['mpy', 'py'].map((kind) => ({
    id: `editors-${kind}`, metric: 'done',
    values: [
      { key: 'visible', id: `editors-${kind}-visible`, title: `50 ${kind}-editors, navigation → the code of all 50 shown`, target: 0.5 },
      { key: 'run', id: `editors-${kind}-run`, title: `50 ${kind}-editors, click Run on the first → its output shown`, target: 0.7 },
    ],
    contenders: [
      { name: 'ours', page: `ours-${kind}-editors50.html`, expect: 'output from editor 1: 45' },
      { name: 'pyscript', page: `pyscript-${kind}-editors50.html`, expect: 'output from editor 1: 45' },
    ],
  })),
  {
    // Both loads of a contender with `visit: 2` run in one browser context: the
    // measured one is a second visit (package cache and HTTP cache warm).
    // Every load of this row runs in a browser profile of its own on disk
    // (`profile: true`), as users have it: a fresh context of
    // `browser.newContext()` is off the record, and its in-memory HTTP cache
    // keeps no entry as large as Pyodide's 9.6 MB wasm, which a second visit
    // there downloads again (a 304 in a profile on disk).
    id: 'py-packages', title: 'Pyodide, 3 dependent wheels by name from an index: second visit / first visit → `py:done`',
    metric: 'done', target: 0.6, baseline: 'first', profile: true,
    contenders: [
      { name: 'ours', page: 'ours-py-packages.html', expect: 'hello from 3 packages', visit: 2, noRequests: /\.whl$/ },
      { name: 'first', page: 'ours-py-packages.html', expect: 'hello from 3 packages' },
      { name: 'second-nocache', page: 'ours-py-packages-nocache.html', expect: 'hello from 3 packages', visit: 2 },
      // What the packages add to a second visit: the hello page's second visit.
      { name: 'hello-second', page: 'ours-py-hello.html', expect: 'hello from Pyodide', visit: 2 },
    ],
  },
];

// `--pages a.html,b.html`: an ad-hoc row of pages under bench/pages/ (say,
// a variant of a hello page), each loaded like the others; the first is
// compared with the second.
if (args.pages) {
  const [first, ...others] = args.pages.split(',');
  rows.splice(0, rows.length, {
    id: 'pages', title: args.metric === 'rate' ? `${first}, calls/s` : `${first} → first \`:done\``,
    metric: args.metric === 'rate' ? 'rate' : 'done', target: 1, network: args.network, busy: args.busy,
    contenders: [first, ...others].map((page, index) => ({ name: index === 0 ? 'ours' : index === 1 ? 'pyscript' : page, page, expect: args.expect })),
  });
}

if (args.list) {
  for (const row of rows) console.log(`${row.id}: ${row.contenders.map((c) => c.page).join(', ')}`);
  process.exit(0);
}

const only = args.only ? new Set(args.only.split(',')) : null;
const selected = rows.filter((row) => !only || only.has(row.id));

const chromeArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

for (const file of ['../dist/core.js', '../dist/micropython/micropython.mjs', '../dist/pyodide/pyodide.mjs',
  '../node_modules/@pyscript/core/dist/core.js']) {
  if (!existsSync(here(file))) {
    console.error(`bench: ${file.slice(3)} is missing; run \`npm ci && npm run build\` first.`);
    process.exit(1);
  }
}

if (selected.some((row) => row.id === 'py-packages')) await writeBenchIndex();
if (selected.some((row) => row.id.startsWith('editors-'))) writeEditorPages();
const server = await startServer();
const hostServer = selected.some((row) => row.network) ? await startServer({ host: true }) : undefined;
const netLabel = `${NETWORK.downloadMbit} Mbit/s, ${NETWORK.latency} ms RTT, brotli, max-age=${HOST_MAX_AGE}`;
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: chromeArgs });
const started = Date.now();
const loadBefore = loadavg();

/**
 * One load of `page` in a fresh browser context: its own, empty HTTP cache
 * (cold), or, with `warm`, after one full load of the same page in that
 * context (the measured load then revalidates every file with a 304).
 */
async function measure(contender, metric, warm, profile = false) {
  const url = `${server.origin}/bench/pages/${contender.page}`;
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'bench-profile-')) : undefined;
  const context = profileDir
    ? await chromium.launchPersistentContext(profileDir, { executablePath, args: chromeArgs })
    : await browser.newContext();
  const problems = [];
  let requested = [];
  context.on('request', (request) => {
    const target = request.url();
    requested.push(target);
    if (!target.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(target)) problems.push(`request left localhost: ${target}`);
  });
  reportFailedRequests(context, problems);
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text().slice(0, 300)}`);
    });
    const load = async () => {
      await page.goto(url, { waitUntil: 'commit', timeout });
      await page.waitForFunction(
        (metric) => window.__benchDone !== undefined && (metric !== 'rate' || window.__benchRate !== undefined),
        metric, { timeout, polling: 50 },
      );
      return page.evaluate(() => ({
        done: window.__benchDone,
        rate: window.__benchRate,
        batches: window.__benchBatches ? Array.from(window.__benchBatches, Number) : undefined,
        values: window.__benchValues,
        text: document.body.innerText,
        errors: window.__benchErrors ?? [],
      }));
    };
    if (warm || contender.visit === 2) await load();
    requested = [];
    const result = await load();
    for (const url of requested.filter((url) => contender.noRequests?.test(url))) problems.push(`requested on this visit: ${url}`);
    if (!result.text.includes(contender.expect)) {
      problems.push(`page does not show "${contender.expect}"; it shows: ${JSON.stringify(result.text.slice(0, 300))}`);
    }
    for (const error of result.errors) problems.push(`page error: ${error}`);
    const value = metric === 'rate' ? Number(result.rate) : Number(result.done);
    if (!(value > 0 && Number.isFinite(value))) problems.push(`no valid ${metric} value: ${value}`);
    return { value, done: Number(result.done), problems, batches: result.batches, values: result.values };
  } catch (error) {
    problems.push(`load failed: ${String(error.message ?? error).split('\n')[0]}`);
    return { value: NaN, problems };
  } finally {
    await context.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

const stats = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
};

/** {@link stats} of each contender's samples: `{ name: samples }` → `{ name: stats }`. */
const statsOf = (byName) => Object.fromEntries(Object.entries(byName).map(([name, values]) => [name, stats(values)]));

/** A page's reported number, or NaN when it is not a positive finite one. */
const positive = (value) => (value > 0 && Number.isFinite(value) ? value : NaN);

/**
 * Runs a row: `runs` rounds, each loading every contender once. The order
 * alternates between rounds (A B C, C B A, A B C, …) so a load spike or a
 * warming machine weighs on every contender alike.
 */
async function runRow(row, warm) {
  if (row.network) return runNetworkRow(row);
  if (row.busy) {
    const stop = startBusy();
    try {
      return await runRow({ ...row, busy: false }, warm);
    } finally {
      await stop();
    }
  }
  const present = row.contenders.filter((c) => existsSync(here(`pages/${c.page.split('?')[0]}`)));
  const missing = row.contenders.filter((c) => !present.includes(c));
  const samples = Object.fromEntries(present.map((c) => [c.name, []]));
  const batches = Object.fromEntries(present.map((c) => [c.name, []]));
  const problems = Object.fromEntries(present.map((c) => [c.name, new Set()]));
  // A row with `values`: one sample list per value the page reports (`window.__benchValues`).
  const valueSamples = Object.fromEntries((row.values ?? []).map((v) => [v.key, Object.fromEntries(present.map((c) => [c.name, []]))]));
  // A rate row with `done`: each load's navigation → done as well.
  const doneSamples = Object.fromEntries(present.map((c) => [c.name, []]));
  const rowStarted = Date.now();
  const rounds = row.rounds ?? (row.contenders.some((c) => /-py-|^floor-py/.test(c.page)) ? runs : mpyRuns);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...present].reverse() : present;
    for (const contender of order) {
      const { value, done, problems: found, batches: rates, values } = await measure(contender, row.metric, warm, row.profile);
      samples[contender.name].push(value);
      doneSamples[contender.name].push(positive(done));
      for (const { key } of row.values ?? []) {
        valueSamples[key][contender.name].push(positive(Number(values?.[key])));
      }
      if (rates) batches[contender.name].push(rates.map(Math.round));
      for (const problem of found) problems[contender.name].add(problem);
      process.stderr.write(`  ${row.id}${warm ? ' (warm)' : ''} ${contender.name} #${round + 1}: ${
        row.values ? row.values.map(({ key }) => `${key} ${valueSamples[key][contender.name].at(-1).toFixed(1)}`).join(', ')
          : Number.isFinite(value) ? value.toFixed(row.metric === 'rate' ? 0 : 1) : 'failed'}\n`);
    }
  }
  const common = {
    metric: row.metric, rounds, pages: Object.fromEntries(row.contenders.map((c) => [c.name, c.page])),
    missing: missing.map((c) => c.page),
    problems: Object.fromEntries(Object.entries(problems).map(([name, set]) => [name, [...set]])),
    seconds: (Date.now() - rowStarted) / 1000, loadavg: loadavg(),
  };
  if (row.values) {
    return row.values.map((v) => ({
      ...common, id: v.id, title: v.title, target: v.target, samples: valueSamples[v.key],
      stats: statsOf(valueSamples[v.key]),
    }));
  }
  const result = {
    ...common, id: row.id + (warm ? '-warm' : ''), title: row.title + (warm ? ' (warm HTTP cache)' : ''),
    target: row.target, baseline: row.baseline,
    samples, ...(row.metric === 'rate' && { batches }), stats: statsOf(samples),
  };
  if (!row.done) return result;
  return [result, { ...common, id: row.done.id, title: row.done.title, metric: 'done', samples: doneSamples, stats: statsOf(doneSamples) }];
}

/**
 * A network row: `rounds` samples per contender, interleaved like the
 * others, each sample one context with two visits. Returns two results:
 * the first visit (`row.id`) and the second (`row.id-second`), each with
 * the bytes transferred beside the times.
 */
async function runNetworkRow(row) {
  const rowStarted = Date.now();
  const rounds = row.rounds ?? (row.contenders.some((c) => /-py-/.test(c.page)) ? runs : mpyRuns);
  const names = row.contenders.map((c) => c.name);
  const empty = () => Object.fromEntries(names.map((name) => [name, []]));
  const visits = [0, 1].map(() => ({ samples: empty(), bytes: empty(), requests: empty() }));
  const problems = Object.fromEntries(names.map((name) => [name, new Set()]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...row.contenders].reverse() : row.contenders;
    for (const contender of order) {
      const result = await networkVisits(browser, `${hostServer.origin}/bench/pages/${contender.page}`, {
        expect: contender.expect, timeout, origin: hostServer.origin,
      });
      for (const problem of result.problems) problems[contender.name].add(problem);
      for (const [index, visit] of visits.entries()) {
        const got = result.visits[index];
        visit.samples[contender.name].push(got ? Number(got.done) : NaN);
        visit.bytes[contender.name].push(got ? got.bytes : NaN);
        visit.requests[contender.name].push(got ? got.requests : NaN);
      }
      process.stderr.write(`  ${row.id} ${contender.name} #${round + 1}: ${result.visits.map((v) =>
        `${Number(v.done).toFixed(0)} ms ${(v.bytes / 1e6).toFixed(2)} MB`).join(', then ') || 'failed'}\n`);
    }
  }
  const seconds = (Date.now() - rowStarted) / 1000;
  return visits.map((visit, index) => ({
    id: row.id + (index ? '-second' : ''),
    title: `${row.title.replace('NET', netLabel)}, ${index ? 'second visit (same context)' : 'first visit (cold cache)'}`,
    metric: 'done', target: index ? row.targetSecond : row.target, targetBytes: index ? undefined : row.targetBytes,
    rounds, network: NETWORK,
    pages: Object.fromEntries(row.contenders.map((c) => [c.name, c.page])), missing: [],
    samples: visit.samples, bytes: visit.bytes, requests: visit.requests,
    stats: statsOf(visit.samples),
    bytesStats: statsOf(visit.bytes),
    problems: Object.fromEntries(Object.entries(problems).map(([name, set]) => [name, [...set]])),
    seconds, loadavg: loadavg(),
  }));
}

// Discarded warm-up: the first loads after launch pay for Chromium's own
// start-up and the OS file cache; neither contender should get that bill.
process.stderr.write('warm-up (discarded)…\n');
for (const page of ['floor-mpy.html', 'ours-mpy-hello.html', 'pyscript-mpy-hello.html', 'floor-py.html']) {
  await measure({ page, expect: '' }, 'done', false);
}
// The host server compresses each file on first request (cached on disk in
// bench/results/compressed/): one unthrottled load of each network page.
if (hostServer) {
  process.stderr.write('compressing for the network rows (first run only: up to a minute)…\n');
  for (const row of selected.filter((r) => r.network)) {
    for (const contender of row.contenders) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${hostServer.origin}/bench/pages/${contender.page}`, { waitUntil: 'commit', timeout });
        await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout, polling: 50 });
      } catch { /* the measured loads report it */ }
      await context.close();
    }
  }
}

const results = [];
for (const row of selected) {
  process.stderr.write(`${row.id}…\n`);
  results.push(...[await runRow(row, false)].flat());
  if (args.warm && row.warmable) results.push(await runRow(row, true));
}

await browser.close();
await server.close();
await hostServer?.close();

const chromiumVersion = browser.version();
const format = (s) => (s ? `${Math.round(s.median)} (${Math.round(s.min)}–${Math.round(s.max)})` : '—');
const unit = (metric) => (metric === 'rate' ? 'calls/s' : 'ms');
const signed = (ms) => `${ms >= 0 ? '+' : '−'}${Math.abs(Math.round(ms))} ms`;

/**
 * Median of the per-round ratios ours/PyScript: each pair of loads ran
 * back to back, so this cancels slow drifts in machine load better than the
 * ratio of the two medians (which the targets use).
 */
const pairedRatio = (ours = [], theirs = []) =>
  stats(ours.map((value, round) => value / theirs[round]))?.median ?? NaN;

const lines = [];
lines.push(`## Benchmark: this project vs ${PYSCRIPT}`, '');
lines.push(`Headless Chromium ${chromiumVersion}, ${cpus().length} cores, ${runs} loads per contender on Pyodide rows and ${
  mpyRuns} on MicroPython rows, each in a fresh`
  + ' browser context with a cold HTTP cache unless marked warm; contenders interleaved. Median (min–max).'
  + ` Load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadavg().map((x) => x.toFixed(2)).join(' ')} after;`
  + ` ${((Date.now() - started) / 1000).toFixed(0)} s in all.`, '');
const busiest = Math.max(loadBefore[0], loadavg()[0], ...results.map((r) => r.loadavg[0]));
if (busiest > cpus().length) {
  lines.push(`**Busy machine:** the 1-minute load average reached ${busiest.toFixed(1)} on ${cpus().length} cores during this run;`
    + ' absolute times are inflated and noisy, compare the ratios (and prefer the paired ones).', '');
}
lines.push(`| row | unit | this project | ${PYSCRIPT} | ours / PyScript | target | met |`);
lines.push('|---|---|---|---|---|---|---|');
for (const result of results) {
  const ours = result.stats.ours;
  // A row with a `baseline` compares ours with another of its own contenders.
  const theirs = result.stats[result.baseline ?? 'pyscript'];
  const ratio = ours && theirs ? ours.median / theirs.median : NaN;
  const paired = pairedRatio(result.samples.ours, result.samples[result.baseline ?? 'pyscript']);
  const isRate = result.metric === 'rate';
  let target = '';
  let met = '';
  if (result.target !== undefined && !result.id.startsWith('mpy-files')) {
    target = `${isRate ? '≥' : '≤'} ${result.target}×`;
    met = Number.isFinite(ratio) ? ((isRate ? ratio >= result.target : ratio <= result.target) ? 'yes' : '**no**') : 'skipped';
  }
  lines.push(`| ${result.title} | ${unit(result.metric)} | ${format(ours, result.metric)} | ${format(theirs, result.metric)} | ${
    Number.isFinite(ratio) ? `${ratio.toFixed(2)}× (paired ${paired.toFixed(2)}×)` : '—'} | ${target} | ${met} |`);
}

const extra = [];
for (const result of results) {
  const { ours, pyscript, floor } = result.stats;
  if (floor) {
    extra.push(`- ${result.title}: floor (no framework) ${format(floor, 'done')} ms; over the floor: this project ${
      ours ? signed(ours.median - floor.median) : '—'}, ${PYSCRIPT} ${pyscript ? signed(pyscript.median - floor.median) : '—'}.`);
  }
  if (result.stats['ours-nofiles']) {
    const added = (a, b) => (a && b ? signed(a.median - b.median) : '—');
    extra.push(`- ${result.title}: this project ${format(ours, 'done')} vs ${format(result.stats['ours-nofiles'], 'done')} ms without config (${
      added(ours, result.stats['ours-nofiles'])}); ${PYSCRIPT} ${format(pyscript, 'done')} vs ${format(result.stats['pyscript-nofiles'], 'done')} ms (${
      added(pyscript, result.stats['pyscript-nofiles'])}).`);
  }
  if (result.baseline) {
    for (const [name, stat] of Object.entries(result.stats)) {
      if (name !== 'ours') extra.push(`- ${result.title}: ${name} ${format(stat, 'done')} ms (the ${PYSCRIPT} column of this row is \`${result.baseline}\`).`);
    }
  }
  if (result.bytesStats) {
    const mb = (s) => (!s ? '—' : s.median >= 1e6 ? `${(s.median / 1e6).toFixed(2)} MB` : `${(s.median / 1e3).toFixed(1)} KB`);
    const { ours: b1, pyscript: b2 } = result.bytesStats;
    const ratio = b1 && b2 ? b1.median / b2.median : NaN;
    const goal = result.targetBytes ? ` (target ≤ ${result.targetBytes}×: ${ratio <= result.targetBytes ? 'met' : '**not met**'})` : '';
    extra.push(`- ${result.title}: bytes transferred, this project ${mb(b1)}, ${PYSCRIPT} ${mb(b2)}, ${
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—'}${goal}; requests ${stats(result.requests.ours)?.median ?? '—'} and ${
      stats(result.requests.pyscript)?.median ?? '—'}.`);
  }
  if (result.missing.length) extra.push(`- ${result.title}: skipped ${result.missing.join(', ')} (page not written yet).`);
  for (const [name, list] of Object.entries(result.problems)) {
    for (const problem of list) extra.push(`- ${result.title}, ${name}: ${problem}`);
  }
}
const notFound = [...server.notFound, ...(hostServer?.notFound ?? [])];
if (notFound.length) extra.push(`- 404s from the bench server: ${[...new Set(notFound)].join(', ')}`);
if (extra.length) lines.push('', ...extra);

console.log(lines.join('\n'));

const record = {
  date: new Date().toISOString(),
  chromium: chromiumVersion, node: process.version, cores: cpus().length, cpu: cpus()[0]?.model,
  runs, mpyRuns, warm: args.warm, loadavg: { before: loadBefore, after: loadavg() },
  seconds: (Date.now() - started) / 1000,
  built: { 'dist/core.js': statSync(here('../dist/core.js')).mtime.toISOString() },
  pyscript: JSON.parse(readFileSync(here('../node_modules/@pyscript/core/package.json'), 'utf8')).version,
  results, table: lines.join('\n'),
};
mkdirSync(here('results'), { recursive: true });
const stamp = record.date.replace(/[:.]/g, '-');
writeFileSync(here(`results/bench-${stamp}.json`), `${JSON.stringify(record, null, 2)}\n`);
writeFileSync(here('results/latest.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log(`\nResults: bench/results/bench-${stamp}.json`);
