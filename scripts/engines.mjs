// The three browser engines the tests (and the bench) run in, found on this
// machine: Chromium, Firefox and WebKit (WebKitGTK's MiniBrowser driven by
// WebKitWebDriver). Each can be pointed elsewhere with an environment
// variable; TEST_ENGINES picks a subset (`TEST_ENGINES=chromium` for a quick
// run). An engine that is asked for but not found is reported by the caller
// as a failure, never skipped.
import { accessSync, constants } from 'node:fs';

/** Every engine, in the order the runner starts them. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** What runs without TEST_ENGINES. */
export const DEFAULT_ENGINES = ['chromium'];

/** Human-readable names, as the runner reports them. */
export const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** How to install a missing engine on Debian (what .ci/run does). */
export const ENGINE_PACKAGES = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkit: 'webkit2gtk-driver xvfb xauth',
};

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const first = (paths) => paths.find((path) => path && isExecutable(path));

/**
 * Where each engine is: `{ chromium: { executablePath }, firefox: { executablePath },
 * webkit: { driverPath, browserPath } }`, or `null` for an engine not found.
 * @param {NodeJS.ProcessEnv} env
 */
export function findEngines(env = process.env) {
  const chromium = first([env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
  const firefox = first([env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
  const driver = first([env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const browser = first([
    env.WEBKIT_BROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ]);
  // MiniBrowser needs an X display; without one, the launcher starts Xvfb.
  const xvfb = env.DISPLAY ? 'display' : first(['/usr/bin/Xvfb']);
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
