// A test-runner command that asks the browser's accessibility tree, in every
// engine: `executeServerCommand('aria-roles', { selector, role, name })`
// resolves to how many elements in the subtree of the first element matching
// `selector` (its open shadow roots included) have the ARIA role `role` and
// the accessible name `name` (exactly), as the engine computes them.
// - Playwright (Chromium): `getByRole`, which pierces open shadow roots.
// - Firefox (puppeteer over WebDriver BiDi): the `accessibility` locator of
//   `browsingContext.locateNodes` (puppeteer's `::-p-aria`). Firefox does not
//   search into shadow roots from outside, so each open shadow root's
//   top-level elements are searched too.
// - WebKit (WebDriver): every element's Get Computed Role and Get Computed
//   Label, through the launcher (test/webkit-launcher.mjs, `computedRoles`).

/** Elements at the top of every open shadow root of the root and under it (nested ones included). */
function shadowTops(root) {
  const tops = [];
  const enter = (element) => {
    if (!element.shadowRoot) return;
    tops.push(...element.shadowRoot.children);
    visit(element.shadowRoot);
  };
  const visit = (node) => {
    for (const element of node.querySelectorAll('*')) enter(element);
  };
  enter(root);
  visit(root);
  return tops;
}

/** Puppeteer's ARIA selector for a role and an exact name (quotes in the name escaped). */
const ariaSelector = (role, name) => `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;

async function firefoxCount(page, { selector, role, name }) {
  const root = await page.$(selector);
  if (!root) return 0;
  const starts = [root];
  const tops = await page.evaluateHandle(shadowTops, root);
  for (const handle of (await tops.getProperties()).values()) {
    const element = handle.asElement();
    if (element) starts.push(element);
  }
  const found = [];
  for (const start of starts) {
    for (const match of await start.$$(ariaSelector(role, name))) {
      // A match under a shadow top can also be reached from a start above it: count it once.
      let seen = false;
      for (const other of found) if (await match.evaluate((a, b) => a === b, other)) seen = true;
      if (!seen) found.push(match);
    }
  }
  return found.length;
}

/** The plugin for web-test-runner.config.mjs. */
export function ariaRolePlugin() {
  return {
    name: 'aria-roles',
    async executeCommand({ command, payload, session }) {
      if (command !== 'aria-roles') return undefined;
      const { selector, role, name } = payload;
      const { browser } = session;
      if (browser.type === 'playwright') {
        return browser.getPage(session.id).locator(selector).first().getByRole(role, { name, exact: true }).count();
      }
      if (browser.type === 'puppeteer') return firefoxCount(browser.getPage(session.id), payload);
      if (typeof browser.computedRoles === 'function') {
        const roles = await browser.computedRoles(session.id, selector);
        return roles.filter((entry) => entry.role === role && entry.name === name).length;
      }
      throw new Error(`aria-roles: no accessibility tree for ${browser.name}`);
    },
  };
}
