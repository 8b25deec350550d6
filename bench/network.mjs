// Network rows of the bench (`net-*`): a page loaded the way a user gets it,
// from a server that compresses and caches like a static host
// (`startServer({ host: true })`), through Chromium's network emulation.
// One browser context per sample: the first visit (cold HTTP cache) and then,
// in the same page, the second visit (what the cache kept).
//
// Bytes are what crossed the (emulated) wire: the sum of CDP's
// `Network.loadingFinished` `encodedDataLength` over the visit, headers
// included, compressed bodies as sent; a file served from the HTTP cache
// counts 0, a 304 only its headers.

/**
 * A request the page ends itself, not a failure: the snapshot's and the
 * compressed wasm's downloads when their decoded copies are in the page's
 * cache (the body is cancelled once the cache has answered;
 * src/runtime/pyodide-snapshot.ts).
 * @param {import('playwright-core').Request} request
 */
const cancelledOnPurpose = (request) =>
  /\/dist\/pyodide\/(snapshot\.bin|pyodide\.asm\.wasm)\.br$/.test(request.url()) && request.failure()?.errorText === 'net::ERR_ABORTED';

/**
 * Lists in `problems` every request of `context` that fails, but for those
 * the page ends on purpose.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string[]} problems
 */
export function reportFailedRequests(context, problems) {
  context.on('requestfailed', (request) => {
    if (!cancelledOnPurpose(request)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
}

/** 20 Mbit/s down, 5 up, 40 ms round trip: a good home or office connection. */
export const NETWORK = { latency: 40, downloadMbit: 20, uploadMbit: 5 };

const conditions = () => ({
  offline: false,
  latency: NETWORK.latency,
  downloadThroughput: (NETWORK.downloadMbit * 1e6) / 8,
  uploadThroughput: (NETWORK.uploadMbit * 1e6) / 8,
});

/**
 * Loads `url` twice in one fresh context under emulation and returns, per
 * visit, the page's time to `:done` (ms from navigation start), the bytes
 * transferred and the requests made.
 * @returns {Promise<{ visits: { done: number, bytes: number, requests: number, text: string, errors: string[] }[], problems: string[] }>}
 */
export async function networkVisits(browser, url, { expect, timeout, origin }) {
  const context = await browser.newContext();
  const problems = [];
  context.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(`${origin}/`) && !/^(data|blob):/.test(target)) problems.push(`request left localhost: ${target}`);
  });
  reportFailedRequests(context, problems);
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const visits = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text().slice(0, 300)}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', conditions());
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', () => { requests++; });
    cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
    for (let visit = 0; visit < 2; visit++) {
      bytes = 0;
      requests = 0;
      await page.goto(url, { waitUntil: 'commit', timeout });
      await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout, polling: 50 });
      const result = await page.evaluate(() => ({
        done: window.__benchDone, text: document.body.innerText, errors: window.__benchErrors ?? [],
      }));
      // Requests the page makes after `:done` (none expected) would land in the
      // next visit's count; a short settle keeps the two apart.
      await page.waitForTimeout(200);
      if (!result.text.includes(expect)) {
        problems.push(`visit ${visit + 1}: page does not show "${expect}"; it shows: ${JSON.stringify(result.text.slice(0, 300))}`);
      }
      for (const error of result.errors) problems.push(`page error: ${error}`);
      visits.push({ ...result, bytes, requests });
    }
  } catch (error) {
    problems.push(`load failed: ${String(error.message ?? error).split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return { visits, problems };
}
