// An example plugin module: shows after each script how long its code took.
// A config lists it by URL (relative to the page, or to the config file):
//   <mpy-config>plugins = ["./timer.js"]</mpy-config>
// It is imported once, before the scripts of that type run, and its default
// export gets the page's hooks (a plugin may also `import { hooks }` from
// core.js). See the README, "Plugins".
export default function timer({ hooks }) {
  const started = new WeakMap();
  const start = (_interpreter, element) => started.set(element, performance.now());
  const show = (element, text) => {
    const badge = document.createElement('small');
    badge.className = 'plugin-timer';
    badge.textContent = text;
    element.after(badge);
  };
  const stop = (_interpreter, element) => show(element, `ran in ${(performance.now() - started.get(element)).toFixed(1)} ms`);
  hooks.main.onBeforeRun.add(start);
  hooks.main.onBeforeRunAsync.add(start);
  hooks.main.onAfterRun.add(stop);
  hooks.main.onAfterRunAsync.add(stop);
  // Worker scripts: from start to the end of their code, boot included.
  hooks.main.onWorker.add((_wrap, worker, element) => {
    const begun = performance.now();
    worker.done.then((error) => show(element, `${error ? 'failed' : 'ran'} in a worker, ${(performance.now() - begun).toFixed(0)} ms with start-up`));
  });
}
