// Prints the resource timeline of a page up to py:all-done (dev aid, not a test).
//   node scripts/dev/timeline.mjs URL [runs] [--net]
// --net: under the bench's network emulation (bench/network.mjs: 20 Mbit/s,
// 40 ms RTT); serve the page from a compressing server to see what users get.
import { chromium } from 'playwright-core';
import { NETWORK } from '../../bench/network.mjs';
const net = process.argv.includes('--net');
const [url, runsArg] = process.argv.slice(2).filter((arg) => arg !== '--net');
const runs = Number(runsArg ?? 3);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (net) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: NETWORK.latency,
      downloadThroughput: (NETWORK.downloadMbit * 1e6) / 8, uploadThroughput: (NETWORK.uploadMbit * 1e6) / 8,
    });
  }
  await page.addInitScript(() => {
    addEventListener('py:all-done', () => { window.__done = performance.now(); });
    for (const n of ['mpy:ready', 'py:ready', 'mpy:done', 'py:done']) addEventListener(n, () => performance.mark(n));
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__done, null, { timeout: 120000 });
  const rows = await page.evaluate(() => [
    ...performance.getEntriesByType('resource').map((e) => [Math.round(e.startTime), Math.round(e.responseEnd), e.name.replace(location.origin, '')]),
    ...performance.getEntriesByType('mark').map((e) => [Math.round(e.startTime), 0, 'mark ' + e.name]),
    [Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd), 0, 'DOMContentLoaded'],
    [Math.round(window.__done), 0, 'all-done'],
  ].sort((a, b) => a[0] - b[0]));
  console.log(`--- run ${i}`);
  for (const [s, e, n] of rows) console.log(String(s).padStart(6), String(e || '').padStart(6), n);
  await context.close();
}
await browser.close();
