// Prints the resource timeline of a page up to py:all-done (dev aid, not a test).
import { chromium } from 'playwright-core';
const url = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'] });
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
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
