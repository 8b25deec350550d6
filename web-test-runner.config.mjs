// Runs every test in three engines with the real interpreters: headless
// Chromium (Playwright), Firefox (puppeteer over WebDriver BiDi) and WebKit
// (MiniBrowser driven by WebKitWebDriver under Xvfb, test/webkit-launcher.mjs).
// TEST_ENGINES=chromium (or a comma list) runs a subset; an engine asked for
// but not installed fails the run (scripts/engines.mjs says how to get it).
// Pages are cross-origin isolated, except test files whose name contains
// `noiso` (the SharedArrayBuffer-less path). Nothing but localhost is
// reachable in any engine (test/network.test.ts checks it).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { isolation } from './scripts/headers.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { echoRequest, echoWebSocket, packageIndex, rawStatic } from './test/server.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';
import { ariaRolePlugin } from './test/aria-role-plugin.mjs';
import { webkitLauncher } from './test/webkit-launcher.mjs';
import { otherHost } from './test/other-host.mjs';
import { ENGINE_NAMES, NOWHERE, findEngines, firefoxPrefs, missingMessage, selectedEngines } from './scripts/engines.mjs';

const found = findEngines();
const engines = selectedEngines();
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);

/**
 * Gives every test file a browser context of its own, as Playwright does in Chromium: the puppeteer
 * launcher puts its pages in the one default context and hands a page on to the next file. There,
 * files shared storage and service-worker registrations: a file that unregisters every registration
 * on start (a first visit) took them from the file running beside it, whose next workers were then
 * not controlled (issue #18). When a file is done, its page and context are closed, not reused.
 */
function freshContextPerFile(launcher) {
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId);
    const result = await stopSession(sessionId);
    launcher.inactivePages = launcher.inactivePages.filter((inactive) => inactive !== page);
    await page?.puppeteerPage.browserContext().close();
    return result;
  };
  return launcher;
}

const launchers = {
  chromium: ({ executablePath }) => playwrightLauncher({
    product: 'chromium',
    // A renderer crash reaches the runner only as "the browser disconnected": say which page it was.
    createPage: async ({ context }) => {
      const page = await context.newPage();
      page.on('crash', () => console.error(`Chromium: the renderer of ${page.url()} crashed`));
      return page;
    },
    launchOptions: {
      executablePath,
      headless: true,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
        // A fake camera and microphone, granted without a prompt: pyscript.media is tested for real.
        '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      ],
    },
  }),
  firefox: ({ executablePath }) => freshContextPerFile(chromeLauncher({
    // Passing puppeteer makes the launcher name itself after `browser` ("Firefox").
    puppeteer: puppeteerCore,
    // The launcher sets an 800×600 viewport, which puppeteer does with BiDi's
    // emulation.setScreenOrientationOverride, a command Firefox ESR 140 lacks;
    // the page keeps headless Firefox's own window size.
    // Each page in a window of its own: of two tabs, the hidden one gets its
    // timers throttled to about one a second (20 setTimeout(0) took 18 s).
    // And in a browser context (a Firefox user context) of its own, closed with its test file
    // (freshContextPerFile).
    createPage: async ({ browser }) => {
      const context = await browser.createBrowserContext();
      const page = Object.assign(await context.newPage({ type: 'window' }), { setViewport: async () => {} });
      // Tests press chords with Playwright's names ("Shift+Enter"); puppeteer presses one key at a time.
      const press = page.keyboard.press.bind(page.keyboard);
      page.keyboard.press = async (key, options) => {
        const keys = key.length > 1 ? key.split('+') : [key];
        for (const modifier of keys.slice(0, -1)) await page.keyboard.down(modifier);
        await press(keys.at(-1), options);
        for (const modifier of keys.slice(0, -1).reverse()) await page.keyboard.up(modifier);
      };
      return page;
    },
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: firefoxPrefs,
    },
  })),
  webkit: ({ driverPath, browserPath }, options = {}) => webkitLauncher({ driverPath, browserPath, proxy: NOWHERE, ...options }),
};

/** A launcher that fails its one session with why the engine is missing: reported, never skipped. */
const missingLauncher = (engine) => ({
  name: `${ENGINE_NAMES[engine]} (not installed)`,
  type: 'missing',
  async startSession() { throw new Error(missingMessage(engine)); },
  isActive: () => false,
  getBrowserUrl: () => undefined,
  async stopSession() { return {}; },
  async startDebugSession() { throw new Error(missingMessage(engine)); },
});

let files = ['src/**/*.test.{ts,html}', 'test/**/*.test.{ts,html}', '!test/**/*-nosab.test.{ts,html}'];
let browsers = engines.filter((engine) => found[engine]).map((engine) => launchers[engine](found[engine]));
const missing = engines.filter((engine) => !found[engine]);
// Each missing engine fails one session with what to install (a group of one file).
const groups = missing.map((engine) => ({
  name: `missing-${engine}`,
  files: ['test/network.test.ts'],
  browsers: [missingLauncher(engine)],
}));
if (browsers.length === 0) {
  // Nothing to run in (the runner would fall back to a Chrome of its own): only the failures.
  files = ['test/network.test.ts'];
  browsers = groups.splice(0).flatMap((group) => group.browsers);
}
// Files named on the command line (`--files a b` or just `a b`) run alone: the nosab group
// joins only when one of them is a nosab file.
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && /\.test\.|\*/.test(arg));
if (engines.includes('webkit') && found.webkit && (named.length === 0 || named.some((arg) => /nosab/.test(arg)))) {
  // WebKit without SharedArrayBuffer (Debian's default; Safari has it only on
  // isolated pages): the isolated page must fall back or say what is missing.
  groups.push({
    name: 'webkit-nosab',
    files: ['test/**/*-nosab.test.{ts,html}'],
    browsers: [launchers.webkit(found.webkit, { sharedArrayBuffer: false, name: 'WebKit (no SharedArrayBuffer)' })],
  });
}

export default {
  files,
  nodeResolve: true,
  concurrency,
  concurrentBrowsers: 1,
  // WebKit gets five tries of up to 60 s each (and 18 s of pauses) to start a browser and load a page (test/webkit-launcher.mjs).
  browserStartTimeout: 330_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), echoWebSocket(), otherHost(), ariaRolePlugin()],
  middleware: [
    // Whether a response is isolated depends on the page that asked (its Referer): a cached
    // copy must not carry one page's headers to the other.
    async (ctx, next) => {
      await next();
      ctx.vary('Referer');
    },
    isolation({ skip: (ctx) => /noiso/.test(ctx.url) || /noiso/.test(ctx.get('referer')) }),
    rawStatic(['/dist/', '/test/fixtures/']),
    echoRequest(),
    packageIndex(),
  ],
  browsers,
  groups,
};
