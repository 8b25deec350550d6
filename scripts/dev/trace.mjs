// Main-thread profile of a bench page up to py:all-done (dev aid, not a test):
// node scripts/dev/trace.mjs ours-mpy-hello.html [runs]
// Prints, per run, the long main-thread tasks (>= 3 ms) with what they ran.
import { chromium } from 'playwright-core';
import { startServer } from '../../bench/server.mjs';

const page = process.argv[2] ?? 'ours-mpy-hello.html';
const runs = Number(process.argv[3] ?? 2);
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(() => {
    addEventListener('py:all-done', () => { window.__done = performance.now(); });
  });
  await browser.startTracing(tab, { categories: ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading'] });
  await tab.goto(`${server.origin}/bench/pages/${page}`);
  await tab.waitForFunction(() => window.__done, null, { timeout: 120000 });
  const buffer = await browser.stopTracing();
  const done = await tab.evaluate(() => window.__done);
  const { traceEvents } = JSON.parse(buffer.toString());
  const nav = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart');
  const origin = nav?.ts ?? Math.min(...traceEvents.filter((e) => e.ts).map((e) => e.ts));
  // main thread of the renderer: the thread with ParseHTML
  const parse = traceEvents.filter((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes(page)).pop() ?? traceEvents.find((e) => e.name === 'ParseHTML');
  const navs = traceEvents.filter((e) => e.pid === parse.pid && (e.name === 'navigationStart' || e.name === 'NavigationStart'));
  const main = traceEvents.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
  const origin2 = navs.pop()?.ts ?? origin;
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= 3000 && e.ts >= origin2).sort((a, b) => a.ts - b.ts);
  console.log(`--- run ${i}: all-done ${Math.round(done)} ms`);
  let busy = 0;
  for (const t of tasks) {
    busy += t.dur;
    const inner = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur >= 1000);
    const what = inner.slice(0, 6).map((e) => `${e.name}${e.args?.data?.url ? `(${e.args.data.url.split('/').pop()})` : e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${(e.dur / 1000).toFixed(0)}`).join(', ');
    console.log(String(Math.round((t.ts - origin2) / 1000)).padStart(6), String((t.dur / 1000).toFixed(1)).padStart(6), what);
  }
  console.log(`busy in long tasks: ${Math.round(busy / 1000)} ms`);
  await context.close();
}
await browser.close();
await server.close();
