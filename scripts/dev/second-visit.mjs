// Where a second visit's time goes (dev aid, not a test): loads bench pages
// twice each in a fresh on-disk browser profile (as the py-packages row
// does), interleaved, and prints each page's first and second visit
// (navigation → `__benchDone`), medians last. With one page and
// `--detail`, the second visit's resource timeline (start, end, bytes
// transferred: ~300 is a 304) and the CPU profile's self time by script.
//   node scripts/dev/second-visit.mjs ours-py-hello.html[,other.html] [runs] [--detail]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../bench/server.mjs';

const detail = process.argv.includes('--detail');
const [pagesArg = 'ours-py-hello.html', runsArg = '3'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const pages = pagesArg.split(',');
const server = await startServer();
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];
const results = new Map(pages.map((name) => [name, { first: [], second: [] }]));

async function visitTwice(pageName) {
  const dir = mkdtempSync(join(tmpdir(), 'second-visit-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await page.addInitScript(() => {
      for (const n of ['py:ready', 'mpy:ready', 'py:done', 'mpy:done']) addEventListener(n, () => performance.mark(n));
    });
    const load = async () => {
      await page.goto(`${server.origin}/bench/pages/${pageName}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout: 120000, polling: 50 });
    };
    await load();
    const first = await page.evaluate(() => window.__benchDone);
    const cdp = detail ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await load();
    const { done, rows } = await page.evaluate(() => ({
      done: window.__benchDone,
      rows: [
        ...performance.getEntriesByType('resource').map((e) => [Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize, e.name.replace(location.origin, '')]),
        ...performance.getEntriesByType('mark').map((e) => [Math.round(e.startTime), 0, 0, `mark ${e.name}`]),
      ].sort((a, b) => a[0] - b[0]),
    }));
    console.log(`${pageName}: first visit ${Math.round(first)} ms, second ${Math.round(done)} ms`);
    results.get(pageName).first.push(first);
    results.get(pageName).second.push(done);
    if (!cdp) return;
    const { profile } = await cdp.send('Profiler.stop');
    for (const [start, end, bytes, name] of rows) console.log(`${String(start).padStart(6)} ${String(end).padStart(6)} ${String(bytes).padStart(9)}  ${name}`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const byUrl = new Map();
    profile.samples.forEach((id, k) => {
      const { callFrame: f } = byId.get(id);
      const key = f.url ? f.url.split('/').slice(-2).join('/') : `(${f.functionName || 'native'})`;
      byUrl.set(key, (byUrl.get(key) ?? 0) + (profile.timeDeltas[k + 1] ?? 0));
    });
    console.log('main thread self time (ms):');
    for (const [key, us] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(String((us / 1000).toFixed(1)).padStart(8), key);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (let i = 0; i < Number(runsArg); i++) {
  for (const name of i % 2 ? [...pages].reverse() : pages) await visitTwice(name);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [name, { first, second }] of results) {
  console.log(`median ${name}: first ${Math.round(median(first))} ms, second ${Math.round(median(second))} ms (${first.length} runs)`);
}
await server.close();
