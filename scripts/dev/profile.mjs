// CPU profile of a bench page up to py:all-done (dev aid, not a test):
// node scripts/dev/profile.mjs ours-mpy-hello.html [runs]
// Prints self time by script and the heaviest functions.
import { chromium } from 'playwright-core';
import { startServer } from '../../bench/server.mjs';

const pageName = process.argv[2] ?? 'ours-mpy-hello.html';
const runs = Number(process.argv[3] ?? 2);
const only = process.argv[4] ?? ''; // show only functions whose script URL contains this
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  
  await tab.goto(`${server.origin}/bench/pages/empty.html`).catch(() => {});
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await tab.goto(`${server.origin}/bench/pages/${pageName}`);
  await tab.waitForFunction(() => window.__benchDone, null, { timeout: 120000 });
  const { profile } = await cdp.send('Profiler.stop');
  const done = await tab.evaluate(() => window.__benchDone);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (deltas[k + 1] ?? 0)));
  const byUrl = new Map(); const byFn = new Map();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id);
    const url = f.url.split('/').slice(-2).join('/') || `(${f.functionName || 'native'})`;
    byUrl.set(url, (byUrl.get(url) ?? 0) + us);
    const fn = `${f.functionName || '(anon)'} ${url}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  console.log(`--- run ${i}: all-done ${Math.round(done)} ms`);
  for (const [u, us] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(String((us / 1000).toFixed(1)).padStart(7), u);
  console.log('functions:');
  for (const [u, us] of [...byFn].filter(([fn]) => fn.includes(only)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String((us / 1000).toFixed(1)).padStart(7), u);
  await context.close();
}
await browser.close();
await server.close();
