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
import { webkitLauncher } from './test/webkit-launcher.mjs';
import { otherHost } from './test/other-host.mjs';
import { ENGINE_NAMES, findEngines, missingMessage, selectedEngines } from './scripts/engines.mjs';

const found = findEngines();
const engines = selectedEngines();
const concurrency = Number(process.env.TEST_CONCURRENCY ?? 2);

// A closed port on localhost: Firefox and WebKit send every other host there.
const NOWHERE = { host: '127.0.0.1', port: 9 };

const launchers = {
  chromium: ({ executablePath }) => playwrightLauncher({
    product: 'chromium',
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
  firefox: ({ executablePath }) => chromeLauncher({
    // Passing puppeteer makes the launcher name itself after `browser` ("Firefox").
    puppeteer: puppeteerCore,
    // The launcher sets an 800×600 viewport, which puppeteer does with BiDi's
    // emulation.setScreenOrientationOverride, a command Firefox ESR 140 lacks;
    // the page keeps headless Firefox's own window size.
    createPage: async ({ context }) => Object.assign(await context.newPage(), { setViewport: async () => {} }),
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: {
        // Every host but localhost goes to a proxy that is not there.
        'network.proxy.type': 1,
        'network.proxy.http': NOWHERE.host, 'network.proxy.http_port': NOWHERE.port,
        'network.proxy.ssl': NOWHERE.host, 'network.proxy.ssl_port': NOWHERE.port,
        'network.proxy.socks': NOWHERE.host, 'network.proxy.socks_port': NOWHERE.port,
        'network.proxy.no_proxies_on': 'localhost,127.0.0.1',
        // Loopback addresses other than these two go to the proxy too.
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // A fake camera and microphone, granted without a prompt (as in Chromium).
        'media.navigator.streams.fake': true,
        'media.navigator.permission.disabled': true,
      },
    },
  }),
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

const browsers = engines.filter((engine) => found[engine]).map((engine) => launchers[engine](found[engine]));
const groups = engines.filter((engine) => !found[engine]).map((engine) => ({
  name: `missing-${engine}`,
  files: ['test/network.test.ts'],
  browsers: [missingLauncher(engine)],
}));
// `--files` runs the files it names; the nosab group joins only when one of them is a nosab file.
const filesArgument = process.argv.includes('--files') ? process.argv.slice(process.argv.indexOf('--files') + 1).join(' ') : null;
if (engines.includes('webkit') && found.webkit && (filesArgument === null || /nosab/.test(filesArgument))) {
  // WebKit without SharedArrayBuffer (Debian's default; Safari has it only on
  // isolated pages): the isolated page must fall back or say what is missing.
  groups.push({
    name: 'webkit-nosab',
    files: ['test/**/*-nosab.test.{ts,html}'],
    browsers: [launchers.webkit(found.webkit, { sharedArrayBuffer: false, name: 'WebKit (no SharedArrayBuffer)' })],
  });
}

export default {
  files: ['src/**/*.test.{ts,html}', 'test/**/*.test.{ts,html}', '!test/**/*-nosab.test.{ts,html}'],
  nodeResolve: true,
  concurrency,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), echoWebSocket(), otherHost()],
  middleware: [
    isolation({ skip: (ctx) => /noiso/.test(ctx.url) || /noiso/.test(ctx.get('referer')) }),
    rawStatic(['/dist/', '/test/fixtures/']),
    echoRequest(),
    packageIndex(),
  ],
  browsers,
  groups,
};
