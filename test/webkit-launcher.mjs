// A web-test-runner BrowserLauncher for WebKit: WebKitGTK's MiniBrowser,
// driven over W3C WebDriver by WebKitWebDriver (Debian: webkit2gtk-driver).
// Each concurrent page has its own MiniBrowser, started here, and its own
// WebKitWebDriver process attached to it (`--target`; a driver holds one
// session at a time); a finished page's session goes back to
// a pool for the next test file, after about:blank, as the Chromium and
// Firefox launchers reuse their pages (starting one costs seconds).
// MiniBrowser has no headless mode: without a DISPLAY the launcher starts its
// own Xvfb. Debian builds JavaScriptCore with SharedArrayBuffer off; Safari
// has it on cross-origin isolated pages, so `sharedArrayBuffer: true` (the
// default) turns it on with JSC_useSharedArrayBuffer=true, and `false` tests
// an engine without it.
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** W3C WebDriver key codes for the key names sendKeys() takes (Playwright's names). */
const KEYS = {
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
  Enter: '\uE007', Tab: '\uE004', Backspace: '\uE003', Escape: '\uE00C', Delete: '\uE017',
  Home: '\uE011', End: '\uE010', PageUp: '\uE00E', PageDown: '\uE00F',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Space: ' ',
};

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.unref();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once something accepts TCP connections at `address` (host:port), polling every 50 ms. */
async function listening(address) {
  const [host, port] = address.split(':');
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(Number(port), host, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await delay(50);
  }
}

/**
 * Every process this launcher started (drivers, Xvfb): killed when the test
 * runner exits or is killed, so none outlives it. A signal is raised again
 * after the cleanup, so the runner still ends as it would have.
 */
const children = new Set();
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
/** Signals `child` and, when it leads a process group (drivers do), the browsers it started. */
function signal(child, name) {
  try {
    if (child.leader) process.kill(-child.pid, name);
    else child.kill(name);
  } catch { /* gone already */ }
}
const killChildren = () => {
  for (const child of children) signal(child, 'SIGKILL');
};
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killChildren();
    process.kill(process.pid, signal);
  });
}

/** Starts Xvfb on a display number it picks itself (-displayfd); resolves to `{ display, process }`. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = track(spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    }));
    let stderr = '';
    xvfb.stderr.on('data', (chunk) => { stderr += chunk; });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
    xvfb.stdio[3].on('data', (chunk) => {
      const number = String(chunk).trim();
      if (number) resolve({ display: `:${number}`, process: xvfb });
    });
  });
}

/**
 * How long a browser may take to start (driver up, session created) and a
 * test page to load in it before the page gets another try in a new browser
 * (see startSession), up to TRIES in all; all of them fit in the runner's
 * browserStartTimeout. A start takes 0.3–0.6 s, also with every core busy;
 * one that stalled (when the driver launched MiniBrowser itself: its POST
 * /session never answered, and no MiniBrowser of that driver was running)
 * did not come back. Those stalls came in runs while the other session's page
 * kept both cores busy: two tries in a row in one CI run, three in another
 * (2026-12-07), so there are five, the later ones after a pause. Since then
 * the launcher starts MiniBrowser and the driver attaches to it (--target):
 * a stall's log says which step it was.
 */
const SESSION_TRY_MS = 15_000;
const NAVIGATION_TRY_MS = 45_000;
const TRIES = 5;
/** The pause before try n (n ≥ 3), in ms: (n − 2) × this. */
const RETRY_PAUSE_MS = 3_000;

/** Rejects with a timeout error if `promise` has not settled in `ms`; `what` names the step. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} took more than ${ms / 1000} s`), { stalled: true })), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The WebKit processes running now, with their CPU use (what a stalled start is waiting beside). */
async function webkitProcesses() {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('ps', ['-eo', 'pid,ppid,pcpu,etimes,rss,comm'], (error, stdout) => {
      if (error) return resolve(`ps failed: ${error.message}`);
      const lines = stdout.split('\n');
      resolve([lines[0], ...lines.filter((line) => /WebKit|MiniBrowser|Xvfb/i.test(line))].join('\n'));
    });
  });
}

/** One WebKitWebDriver process and its session. */
class DriverSession {
  /** @param {{ driverPath: string, browserPath: string, env: NodeJS.ProcessEnv, capabilities: object }} options */
  constructor(options) {
    this.options = options;
    this.url = undefined;
  }

  async start() {
    const { driverPath, browserPath, env, capabilities } = this.options;
    this.port = await freePort();
    this.base = `http://127.0.0.1:${this.port}`;
    this.log = '';
    const keep = (chunk) => { this.log = (this.log + chunk).slice(-4000); };
    // MiniBrowser is started here, not by the driver, which attaches to it (--target): a start
    // that stalls then shows which of the two it was (the driver's own launch stalled now and
    // then with no MiniBrowser running, and said nothing), and a browser that exits says so.
    // Each in a process group of its own, so that stop() ends the web processes too.
    const inspector = `127.0.0.1:${await freePort()}`;
    this.step = 'spawning MiniBrowser';
    const args = capabilities['webkitgtk:browserOptions']?.args ?? ['--automation'];
    this.browser = track(spawn(browserPath, args, { env: { ...env, WEBKIT_INSPECTOR_SERVER: inspector }, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
    this.browser.leader = true;
    this.browser.stdout.on('data', keep);
    this.browser.stderr.on('data', keep);
    const browserExited = new Promise((_, reject) => this.browser.on('exit', (code, name) => reject(
      Object.assign(new Error(`MiniBrowser exited (${name ?? code}) ${this.step === 'started' ? 'during the session' : `while ${this.step}`}`), { stalled: true }))));
    browserExited.catch(() => undefined);
    this.step = 'waiting for MiniBrowser to listen';
    await Promise.race([listening(inspector), browserExited]);
    this.step = 'spawning WebKitWebDriver';
    this.driver = track(spawn(driverPath, [`--port=${this.port}`, `--target=${inspector}`], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
    this.driver.leader = true;
    this.driver.stdout.on('data', keep);
    this.driver.stderr.on('data', keep);
    this.exited = new Promise((resolve) => this.driver.on('exit', resolve));
    this.step = 'waiting for WebKitWebDriver /status';
    for (let tries = 0; ; tries++) {
      try {
        const status = await this.#send('GET', '/status');
        if (status.ready) break;
      } catch (error) {
        if (this.driver.exitCode !== null || this.driver.signalCode !== null || tries > 100) throw new Error(`WebKitWebDriver did not start: ${error.message}\n${this.log}`);
      }
      await delay(100);
    }
    this.step = 'POST /session (WebKitWebDriver attaching to MiniBrowser)';
    const created = await Promise.race([this.#send('POST', '/session', { capabilities: { alwaysMatch: this.options.capabilities } }), browserExited]);
    this.id = created.sessionId;
    this.step = 'started';
  }

  async #send(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  command(method, path, body) {
    return this.#send(method, `/session/${this.id}${path}`, body);
  }

  async navigate(url) {
    this.url = url;
    this.step = `navigating to ${url}`;
    await this.command('POST', '/url', { url });
  }

  /** Ends the session (MiniBrowser quits) and the driver. */
  async stop() {
    if (this.id) {
      await this.command('DELETE', '').catch(() => { /* the browser may be gone already; the driver is killed below */ });
      this.id = undefined;
    }
    if (this.driver && this.driver.exitCode === null) {
      this.driver.kill('SIGTERM');
      await Promise.race([this.exited, delay(5000)]);
    }
    // Whatever is left of the groups (a browser the session did not end, a stuck driver).
    if (this.driver) signal(this.driver, 'SIGKILL');
    if (this.browser) signal(this.browser, 'SIGKILL');
  }
}

/** The BrowserLauncher. */
class WebKitLauncher {
  /**
   * @param {{ driverPath: string, browserPath: string, sharedArrayBuffer?: boolean,
   *   proxy?: { host: string, port: number }, name?: string, concurrency?: number }} options
   */
  constructor(options) {
    this.options = options;
    this.name = options.name ?? 'WebKit';
    // 'webdriver' makes @web/test-runner-commands' sendKeys call this.sendKeys().
    this.type = 'webdriver';
    if (options.concurrency) this.concurrency = options.concurrency;
    /** @type {Map<string, DriverSession>} */
    this.sessions = new Map();
    /** @type {DriverSession[]} idle sessions, on about:blank */
    this.idle = [];
  }

  async initialize() {
    if (process.env.DISPLAY) {
      this.display = process.env.DISPLAY;
    } else {
      this.xvfb = await startXvfb();
      this.display = this.xvfb.display;
    }
  }

  #capabilities() {
    const { browserPath, proxy } = this.options;
    return {
      // 'eager' stalled 17 times in 1521 navigations in a helper's loop (scratch/wk-nav.mjs): the
      // command never started the new load and waited for the pageLoad timeout, the old page staying
      // (a later navigate in the same session went through at once). 'normal' stalled in none of 400.
      pageLoadStrategy: 'normal',
      'webkitgtk:browserOptions': {
        binary: browserPath,
        args: [
          '--automation',
          // A fake camera and microphone (pyscript.media is tested for real, as in Chromium).
          '--enable-mock-capture-devices=true', '--enable-media-stream=true',
          // Every host but localhost goes to a proxy that is not there. MiniBrowser's own options,
          // not the session's `proxy` capability: WebKitGTK 2.50.6 copies a capability's `noProxy`
          // into a host list that it does not end with NULL, and MiniBrowser then crashed with
          // SIGSEGV in webkit_network_proxy_settings_new during POST /session, 1 start in 4–10 in a
          // loop (a helper's cores; 0 in 242 starts this way).
          ...(proxy ? [`--proxy=http://${proxy.host}:${proxy.port}`, '--ignore-host=localhost', '--ignore-host=127.0.0.1'] : []),
        ],
      },
    };
  }

  #env() {
    const env = { ...process.env, DISPLAY: this.display };
    if (this.options.sharedArrayBuffer === false) delete env.JSC_useSharedArrayBuffer;
    else env.JSC_useSharedArrayBuffer = 'true';
    return env;
  }

  #newSession() {
    return new DriverSession({
      driverPath: this.options.driverPath,
      browserPath: this.options.browserPath,
      env: this.#env(),
      capabilities: this.#capabilities(),
    });
  }

  async startSession(sessionId, url) {
    const debug = process.env.WEBKIT_DEBUG ? (what) => console.error(`[webkit ${sessionId.slice(0, 6)}] ${what} ${Date.now() - t0} ms`) : () => {};
    const t0 = Date.now();
    // A browser that does not start, or does not load the test page, in time (1–3 test files in
    // each CI run of 74 on 2 busy cores, a different one each time, as simple as
    // src/page/page.test.ts) gets up to four more tries in a new browser, within the runner's
    // browserStartTimeout; a page that hangs by itself hangs there too. What the stalled step
    // was waiting beside is logged, to find the cause (#18).
    for (let attempt = 1; ; attempt++) {
      if (attempt >= 3) await delay((attempt - 2) * RETRY_PAUSE_MS);
      const reused = attempt === 1 ? this.idle.pop() : undefined;
      const session = reused ?? this.#newSession();
      this.sessions.set(sessionId, session);
      try {
        if (!reused) await within(session.start(), SESSION_TRY_MS, 'starting WebKitWebDriver and MiniBrowser');
        debug(reused ? 'reused session' : 'session');
        await within(session.navigate(url), NAVIGATION_TRY_MS, `loading ${url}`);
        debug(`navigated to ${url}`);
        return;
      } catch (error) {
        if (error.stalled) {
          console.error(`WebKit: ${error.message} (${reused ? 'reused' : 'new'} browser, at ${session.step}); `
            + `${attempt < TRIES ? 'trying again in a new one' : 'giving up'}.\n`
            + `Driver log (last lines):\n${(session.log ?? '').split('\n').filter((line) => !/Unknown logging channel/.test(line)).slice(-15).join('\n')}\n`
            + await webkitProcesses());
        }
        await session.stop();
        if (!error.stalled || attempt === TRIES) throw error;
      }
    }
  }

  isActive(sessionId) {
    return this.sessions.has(sessionId);
  }

  getBrowserUrl(sessionId) {
    return this.sessions.get(sessionId)?.url;
  }

  async stopSession(sessionId) {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    if (!session) return {};
    // about:blank stops the page's code (workers, timers); a page that does not let go is ended.
    const blank = session.navigate('about:blank').then(() => true, () => false);
    if (await Promise.race([blank, delay(10_000).then(() => false)])) this.idle.push(session);
    else await session.stop();
    return {};
  }

  async startDebugSession() {
    throw new Error('WebKit: debugging is not supported; open the test page in MiniBrowser by hand.');
  }

  /**
   * Types `keys` into the focused element: each entry is one character, or a
   * key press such as `Enter` or `Shift+Enter` (Playwright's names).
   */
  async sendKeys(sessionId, keys) {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No WebKit session ${sessionId}`);
    const actions = [];
    for (const entry of keys) {
      const parts = entry.length > 1 ? entry.split('+') : [entry];
      const codes = parts.map((name) => {
        if (name.length === 1) return name;
        if (!(name in KEYS)) throw new Error(`WebKit sendKeys: unknown key "${name}"`);
        return KEYS[name];
      });
      for (const value of codes) actions.push({ type: 'keyDown', value });
      for (const value of [...codes].reverse()) actions.push({ type: 'keyUp', value });
    }
    await session.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await session.command('DELETE', '/actions');
  }

  /**
   * The role and accessible name that WebKit computes (WebDriver's Get
   * Computed Role and Get Computed Label) of the first element matching
   * `selector` and of every element under it, open shadow roots included:
   * `[{ role, name }]` (test/aria-role-plugin.mjs).
   */
  async computedRoles(sessionId, selector) {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`No WebKit session ${sessionId}`);
    const elements = await session.command('POST', '/execute/sync', {
      script: `const root = document.querySelector(arguments[0]);
        if (!root) return [];
        const all = [root];
        const visit = (node) => { for (const element of node.querySelectorAll('*')) {
          all.push(element);
          if (element.shadowRoot) visit(element.shadowRoot);
        } };
        if (root.shadowRoot) visit(root.shadowRoot);
        visit(root);
        return all;`,
      args: [selector],
    });
    // An element with no accessibility object (a <slot>, a <style>, one not rendered) is an "unknown error": no role.
    const ask = (id, what) => session.command('GET', `/element/${id}/${what}`).catch(() => null);
    return Promise.all(elements.map(async (reference) => {
      const id = Object.values(reference)[0];
      const [role, name] = await Promise.all([ask(id, 'computedrole'), ask(id, 'computedlabel')]);
      return { role, name };
    }));
  }

  async stop() {
    await Promise.all([...this.sessions.values(), ...this.idle].map((session) => session.stop()));
    this.sessions.clear();
    this.idle = [];
    if (this.xvfb) {
      this.xvfb.process.removeAllListeners('exit');
      this.xvfb.process.kill('SIGTERM');
      this.xvfb = undefined;
    }
  }
}

/**
 * WebKit for web-test-runner.
 * @param {ConstructorParameters<typeof WebKitLauncher>[0]} options
 */
export function webkitLauncher(options) {
  return new WebKitLauncher(options);
}
