// Loaded first (a classic script in <head>) by every bench page. Records, in
// the page's own clock, when its Python finished: `performance.now()` counts
// from navigation start, so `window.__benchDone` is "navigation → done" in ms.
// The first `py:done` / `mpy:done` anywhere in the document wins (capture on
// window sees events that do not bubble too). Floor pages set it themselves.
//
// Editor pages (`<html data-bench-editors="50">`) measure instead, the same
// way for both sides: `__benchValues.visible`, navigation → the code of every
// editor shown (each editor's `# editor N of 50` line rendered with a box, in
// the light DOM or an open shadow root of its `<py-editor>`/`<mpy-editor>`,
// checked once a frame); then the first editor's first button (its run
// button) is clicked, and `__benchValues.run` is click → its
// `output from editor 1: 45` line shown. `__benchDone` is set last.
(() => {
  const errors = (window.__benchErrors = []);
  addEventListener('error', (event) => errors.push(String(event.message ?? event)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason?.message ?? event.reason)));
  const editors = Number(document.documentElement.dataset.benchEditors || 0);
  if (!editors) {
    const done = () => {
      if (window.__benchDone === undefined) window.__benchDone = performance.now();
    };
    addEventListener('py:done', done, true);
    addEventListener('mpy:done', done, true);
    return;
  }
  const values = (window.__benchValues = {});
  const hosts = () => document.querySelectorAll('py-editor, mpy-editor');
  /** Text nodes and buttons under `node`, its open shadow roots included, in document order. */
  function* deep(node) {
    if (node.shadowRoot) yield* deep(node.shadowRoot);
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) yield child;
      else if (child.nodeType === Node.ELEMENT_NODE && child.localName !== 'style' && child.localName !== 'script') {
        if (child.localName === 'button') yield child;
        yield* deep(child);
      }
    }
  }
  const range = document.createRange();
  const shows = (text) => {
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(text.parentElement).visibility !== 'hidden';
  };
  /** The host shows a text node matching `pattern`. */
  const hostShows = (host, pattern) => {
    for (const node of deep(host)) if (node.nodeType === Node.TEXT_NODE && pattern.test(node.data) && shows(node)) return true;
    return false;
  };
  const seen = new Set();
  const waitForCode = () => {
    for (const host of hosts()) {
      if (seen.has(host)) continue;
      if (hostShows(host, /# editor \d+ of /)) seen.add(host);
    }
    if (seen.size < editors) return requestAnimationFrame(waitForCode);
    values.visible = performance.now();
    const first = hosts()[0];
    const button = [...deep(first)].find((node) => node.nodeType === Node.ELEMENT_NODE);
    const clicked = performance.now();
    button.click();
    const waitForOutput = () => {
      if (!hostShows(first, /output from editor 1: 45/)) return requestAnimationFrame(waitForOutput);
      values.run = performance.now() - clicked;
      window.__benchDone = performance.now();
    };
    requestAnimationFrame(waitForOutput);
  };
  requestAnimationFrame(waitForCode);
})();
