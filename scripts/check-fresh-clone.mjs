// CI check: on a fresh clone of the committed tree, `npm ci && npm start`
// serves a working demo. Clones HEAD into a temporary folder, runs `npm ci`
// and `npm start` there (which must build dist/ itself), fetches
// /dist/core.js and /dist/core.css, then opens /demo/ and the React demo in
// headless Chromium and waits for their Python to have run.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'pyscript-elements-clone-'));
const step = (what) => console.log(`fresh clone: ${what}`);

/** A TCP port nothing listens on right now. */
const freePort = () => new Promise((resolve, reject) => {
  const server = createServer().listen(0, 'localhost', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  }).on('error', reject);
});

/** Resolves once `child` has printed `text`; rejects when it exits first or after `ms`. */
const printed = (child, text, ms) => new Promise((resolve, reject) => {
  let output = '';
  const timer = setTimeout(() => reject(new Error(`no "${text}" after ${ms / 1000} s:\n${output}`)), ms);
  const read = (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
    if (output.includes(text)) {
      clearTimeout(timer);
      resolve();
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${output}`)));
});

async function expectOk(url, type) {
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!response.headers.get('content-type')?.includes(type)) throw new Error(`${url}: content-type ${response.headers.get('content-type')}`);
  if (body.length < 100) throw new Error(`${url}: only ${body.length} bytes`);
  step(`${new URL(url).pathname} ${response.status}, ${body.length} bytes`);
}

let server;
let browser;
try {
  step(`cloning ${root} into ${dir}`);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, dir], { stdio: 'inherit' });
  step('npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'inherit' });

  const port = await freePort();
  step(`npm start on port ${port}`);
  server = spawn('npm', ['start'], { cwd: dir, env: { ...process.env, PORT: String(port) }, detached: true });
  await printed(server, `http://localhost:${port}/demo/`, 10 * 60_000);

  const base = `http://localhost:${port}`;
  await expectOk(`${base}/dist/core.js`, 'javascript');
  await expectOk(`${base}/dist/core.css`, 'css');
  await expectOk(`${base}/demo/`, 'html');

  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage();
  await page.goto(`${base}/demo/`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'all done', null, { timeout: 120_000 });
  const shown = await page.evaluate(() => document.body.innerText);
  for (const expected of ['hello demo, from a file listed in [files]', 'says 1 + 1 = 2', '1267650600228229401496703205376']) {
    if (!shown.includes(expected)) throw new Error(`/demo/ does not show "${expected}":\n${shown}`);
  }
  step('/demo/ ran its Python');
  await page.goto(`${base}/demo/frameworks/react/`);
  await page.waitForFunction(() => document.body.innerText.includes('in a worker: True'), null, { timeout: 120_000 });
  step('/demo/frameworks/react/ ran its Python');
  console.log('fresh clone: ok (npm ci && npm start serves a working demo)');
} catch (error) {
  console.error(`fresh clone: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  if (server?.exitCode === null) process.kill(-server.pid, 'SIGTERM'); // npm and the server under it
  await rm(dir, { recursive: true, force: true });
}
