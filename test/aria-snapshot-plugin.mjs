// A test-runner command: `executeServerCommand('aria-snapshot', { selector })`
// returns Playwright's ARIA snapshot (YAML) of the first element matching
// `selector` (CSS; Playwright's locators pierce open shadow roots). Works in
// every engine Playwright drives, unlike @web/test-runner-commands'
// a11ySnapshot, which needs `page.accessibility` (gone from Playwright).

/** The plugin for web-test-runner.config.mjs. */
export function ariaSnapshotPlugin() {
  return {
    name: 'aria-snapshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'aria-snapshot') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('aria-snapshot needs a Playwright browser');
      const page = session.browser.getPage(session.id);
      return page.locator(payload.selector).first().ariaSnapshot();
    },
  };
}
