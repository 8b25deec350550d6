// The three browser engines the tests (and the bench) run in, found on this
// machine: Chromium, Firefox and WebKit (WebKitGTK's MiniBrowser driven by
// WebKitWebDriver). Each can be pointed elsewhere with an environment
// variable; TEST_ENGINES picks a subset (`TEST_ENGINES=chromium` for a quick
// run). An engine that is asked for but not found is reported by the caller
// as a failure, never skipped.
import { accessSync, constants } from 'node:fs';

/** Every engine, in the order the runner starts them. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * What runs without TEST_ENGINES (and so in CI): all three engines. WebKit's
 * test pages that never started (issue #18) were MiniBrowsers that
 * WebKitWebDriver never got up (POST /session waiting on no browser
 * process): test/webkit-launcher.mjs now bounds that step and retries it.
 */
export const DEFAULT_ENGINES = ['chromium', 'firefox', 'webkit'];

/** Human-readable names, as the runner reports them. */
export const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** How to install a missing engine on Debian (what .ci/run does). */
export const ENGINE_PACKAGES = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkit: 'webkit2gtk-driver xvfb',
};

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The first executable of `paths`; only `given` when it is set (an engine pointed elsewhere is not looked for here). */
const first = (paths, given) => (given ? (isExecutable(given) ? given : undefined) : paths.find((path) => isExecutable(path)));

/**
 * Where each engine is: `{ chromium: { executablePath }, firefox: { executablePath },
 * webkit: { driverPath, browserPath } }`, or `null` for an engine not found.
 * @param {NodeJS.ProcessEnv} env
 */
export function findEngines(env = process.env) {
  const chromium = first(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], env.CHROME_PATH);
  const firefox = first(['/usr/bin/firefox-esr', '/usr/bin/firefox'], env.FIREFOX_PATH);
  const driver = first(['/usr/bin/WebKitWebDriver'], env.WEBKIT_DRIVER_PATH);
  const browser = first([
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ], env.WEBKIT_BROWSER_PATH);
  // MiniBrowser needs an X display; without one, the launcher starts Xvfb.
  const xvfb = env.DISPLAY ? 'display' : first(['/usr/bin/Xvfb', '/usr/local/bin/Xvfb']);
  return {
    chromium: chromium ? { executablePath: chromium } : null,
    firefox: firefox ? { executablePath: firefox } : null,
    webkit: driver && browser && xvfb ? { driverPath: driver, browserPath: browser } : null,
  };
}

/**
 * The engines asked for: TEST_ENGINES (comma- or space-separated), or the default ones.
 * @param {NodeJS.ProcessEnv} env
 * @throws {Error} for a name that is not an engine
 */
export function selectedEngines(env = process.env) {
  const asked = (env.TEST_ENGINES ?? '').split(/[\s,]+/).filter(Boolean).map((name) => name.toLowerCase());
  if (asked.length === 0) return [...DEFAULT_ENGINES];
  const unknown = asked.filter((name) => !ENGINES.includes(name));
  if (unknown.length) throw new Error(`TEST_ENGINES: unknown engine ${unknown.join(', ')} (know: ${ENGINES.join(', ')})`);
  return ENGINES.filter((name) => asked.includes(name));
}

/** Why an engine is missing, and how to get it. */
export function missingMessage(engine) {
  const what = {
    chromium: 'Chromium (/usr/bin/chromium, or CHROME_PATH)',
    firefox: 'Firefox (/usr/bin/firefox-esr, or FIREFOX_PATH)',
    webkit: 'WebKit (/usr/bin/WebKitWebDriver and MiniBrowser, or WEBKIT_DRIVER_PATH and WEBKIT_BROWSER_PATH, plus Xvfb or a DISPLAY)',
  }[engine];
  return `${what} is not installed: apt-get install ${ENGINE_PACKAGES[engine]}, ` +
    `or leave it out with TEST_ENGINES=${ENGINES.filter((name) => name !== engine).join(',')}`;
}

/** A closed port on localhost: Firefox and WebKit send every other host there. */
export const NOWHERE = { host: '127.0.0.1', port: 9 };

/**
 * Firefox preferences for tests and the bench: nothing but localhost is
 * reachable, no background traffic, and a fake camera and microphone granted
 * without a prompt (as Chromium's flags do).
 */
export const firefoxPrefs = {
  // Every host but localhost goes to a proxy that is not there.
  'network.proxy.type': 1,
  'network.proxy.http': NOWHERE.host, 'network.proxy.http_port': NOWHERE.port,
  'network.proxy.ssl': NOWHERE.host, 'network.proxy.ssl_port': NOWHERE.port,
  'network.proxy.socks': NOWHERE.host, 'network.proxy.socks_port': NOWHERE.port,
  'network.proxy.no_proxies_on': 'localhost,127.0.0.1',
  // Loopback addresses other than these two go to the proxy too. That makes
  // Firefox stop treating localhost as trustworthy (no secure context, so no
  // service workers or crossOriginIsolated, and no CacheStorage) unless it is
  // allowed by name, and CacheStorage checks on its own.
  'network.proxy.allow_hijacking_localhost': true,
  'dom.securecontext.allowlist': 'localhost,127.0.0.1',
  'dom.caches.testing.enabled': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // enumerateDevices() waits for the page to have focus; of the runner's
  // concurrent pages, only one has it.
  'media.devices.unfocused.enabled': true,
};
