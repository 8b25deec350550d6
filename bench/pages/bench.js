// Loaded first (a classic script in <head>) by every bench page. Records, in
// the page's own clock, when its Python finished: `performance.now()` counts
// from navigation start, so `window.__benchDone` is "navigation → done" in ms.
// The first `py:done` / `mpy:done` anywhere in the document wins (capture on
// window sees events that do not bubble too). Floor pages set it themselves.
(() => {
  const done = () => {
    if (window.__benchDone === undefined) window.__benchDone = performance.now();
  };
  addEventListener('py:done', done, true);
  addEventListener('mpy:done', done, true);
  const errors = (window.__benchErrors = []);
  addEventListener('error', (event) => errors.push(String(event.message ?? event)));
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason?.message ?? event.reason)));
})();
