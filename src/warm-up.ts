/**
 * Starts the downloads a page is sure to need before the rest of `core.js`
 * has evaluated: the interpreter module (and MicroPython's wasm, or
 * Pyodide's start-up snapshot) of each type that has a main-thread script,
 * and the Python package; and the page's side of workers when the page has
 * worker scripts or editors. The loaders
 * later ask for the same URLs and get the same module records, so nothing
 * loads twice. This module's one side effect; `index.ts` imports it first.
 *
 * A type whose config may name another build (`interpreter`) is left alone.
 */
import { assetUrl } from './runtime/assets.js';
import { fetchEarly, keepForWorkers } from './runtime/boot-fetch.js';
import { recordInterpreterDownloads } from './runtime/interpreter-progress.js';
import { preloadPyodide } from './runtime/pyodide.js';
import { loadConfigReader, loadTomlParser } from './runtime/lazy.js';
import { loadPythonPackage, packageForm } from './runtime/python-package.js';
import { loadWorkers } from './runtime/worker-context.js';

const interpreters = [
  { prefix: 'mpy', kind: 'micropython', module: 'micropython/micropython.mjs', wasm: 'micropython/micropython.wasm' },
  { prefix: 'py', kind: 'pyodide', module: 'pyodide/pyodide.mjs', wasm: '' },
] as const;

/** A config element or attribute whose text may be TOML: not a `.json` URL, not `type="json"`, not `{…}`. */
function maybeToml(element: Element): boolean {
  const isConfigElement = element.localName.endsWith('-config');
  const value = (isConfigElement ? element.getAttribute('src') || element.textContent : element.getAttribute('config')) ?? '';
  if (isConfigElement && element.getAttribute('type')?.trim().toLowerCase() === 'json') return false;
  return !/^\s*\{[\s\S]*\}\s*$/.test(value) && !/\.json(?:[?#]\S*)?\s*$/i.test(value);
}

/** Whether a config may name another build (`interpreter`): a config element's text or `src`, a script's `config` attribute (its text is Python). */
function mayNameInterpreter(element: Element): boolean {
  const text = element.localName.endsWith('-config') ? `${element.textContent} ${element.getAttribute('src') ?? ''}` : element.getAttribute('config') ?? '';
  return /interpreter/.test(text);
}

function warmUp(): void {
  // Before the parser is done the scripts are not all there; define.ts waits.
  if (typeof document === 'undefined' || document.readyState === 'loading') return;
  let recording = false;
  for (const { prefix, kind, module, wasm } of interpreters) {
    const scripts = `script[type="${prefix}"]:not([worker]), ${prefix}-script:not([worker])`;
    if (!document.querySelector(scripts)) continue;
    const configs = [...document.querySelectorAll(`${prefix}-config, script[type="${prefix}"][config], ${prefix}-script[config]`)];
    // The config's reader, and the TOML parser for what is not JSON: with them, not one after the other.
    if (configs.length) loadConfigReader().catch(() => undefined); // the reader reports failures
    if (configs.some(maybeToml)) loadTomlParser().catch(() => undefined);
    if (configs.some(mayNameInterpreter)) continue;
    // The module first: it is on the critical path (fetch, parse, evaluate).
    import(/* @vite-ignore */ assetUrl(module)).catch(() => undefined); // the loader reports failures
    if (wasm) fetchEarly(assetUrl(wasm));
    else preloadPyodide(); // its wasm, its other module, the lock file and the snapshot
    loadPythonPackage(packageForm(kind, true)).catch(() => undefined); // installPythonPackage reports failures
    // Entries are reported once a download ends, so recording can start now.
    if (!recording) recordInterpreterDownloads(); // py:progress must still count these bytes
    recording = true;
  }
  // A worker script or an editor starts a worker: dist/workers.js is on its path.
  if (document.querySelector('script[type="py"][worker], script[type="mpy"][worker], py-script[worker], mpy-script[worker], script[type$="-editor"], py-editor, mpy-editor')) {
    loadWorkers().catch(() => undefined); // the worker reports failures
  }
  // A MicroPython worker asks for its interpreter only once worker.js has
  // downloaded and run: main downloads the wasm and the package's image now
  // and hands them over (py-worker.ts). Not Pyodide's megabytes, which its
  // worker asks for first thing; not for an editor, whose worker starts on
  // a click and whose own code needs the line until then.
  const mpyWorkers = [...document.querySelectorAll('script[type="mpy"][worker], mpy-script[worker]')];
  if (mpyWorkers.length && ![...document.querySelectorAll('mpy-config'), ...mpyWorkers].some(mayNameInterpreter)) {
    void keepForWorkers(assetUrl('micropython/micropython.wasm')); // kept for the workers (py-worker.ts)
    loadPythonPackage('romfs').catch(() => undefined); // the worker loads it itself then
  }
  // When the downloads above were all asked for (a profile shows it; the waterfall test checks against it).
  performance.mark('pyscript:warm-up');
}

warmUp();
