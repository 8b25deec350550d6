/**
 * pyscript-elements: importing this module defines every element and
 * starts the Python scripts of the page.
 * @packageDocumentation
 */
import './warm-up.js'; // first: starts the interpreter downloads
import { MPyConfigElement } from './elements/mpy-config.js';
import { MPyScriptElement } from './elements/mpy-script.js';
import { PyConfigElement } from './elements/py-config.js';
import { PyScriptElement } from './elements/py-script.js';
import { ScriptMPyElement, ScriptPyElement } from './elements/script-output.js';
import { MPyEditorElement } from './editor/mpy-editor.js';
import { PyEditorElement } from './editor/py-editor.js';
import { Page } from './page/page.js';
import type { PageConfig } from './page/page-config.js';
import type { PageHooks } from './runtime/hooks.js';
import { startWorker, type LazyWorker, type PyWorkerOptions } from './runtime/worker-context.js';

export { PyScriptElement } from './elements/py-script.js';
export { MPyScriptElement } from './elements/mpy-script.js';
export { PythonScriptElement } from './elements/python-script.js';
export { ScriptPyElement, ScriptMPyElement } from './elements/script-output.js';
export { PyConfigElement } from './elements/py-config.js';
export { MPyConfigElement } from './elements/mpy-config.js';
export { PyEditorElement } from './editor/py-editor.js';
export { MPyEditorElement } from './editor/mpy-editor.js';
export { PythonEditorElement } from './editor/python-editor.js';
export type { PyConfig } from './runtime/config.js';
export type { ReadyDetail, DoneDetail, ProgressDetail, PyReadyEvent, PyDoneEvent, PyProgressEvent, PyAllDoneEvent, PyEditorDoneEvent } from './page/events.js';
/** The handle of a worker (what `PyWorker()`/`MPWorker()` resolve to). */
export { LazyWorker as PythonWorker } from './runtime/worker-context.js';
export type { PyWorkerOptions } from './runtime/worker-context.js';
export type { Hooks, HookCallback, WorkerHandle, WorkerStartCallback } from './runtime/hooks.js';
export { ErrorCode, PyScriptError } from './errors.js';

/** This document's state: its interpreters, configs, workers, editors (see `page/page.ts`). */
const page = new Page(document).attach();

/** Every tag, the script elements and the editors. */
const elements: Record<string, CustomElementConstructor> = {
  'py-script': PyScriptElement,
  'mpy-script': MPyScriptElement,
  'script-py': ScriptPyElement,
  'script-mpy': ScriptMPyElement,
  'py-config': PyConfigElement,
  'mpy-config': MPyConfigElement,
  'py-editor': PyEditorElement,
  'mpy-editor': MPyEditorElement,
};

/**
 * The page's main configs, by script type (`py`, `mpy`), each filled in
 * once that type's config has been read (a copy: changing it changes nothing).
 */
export const config: PageConfig = page.configs.config;

/** The page's hooks; add to these sets before scripts run (or workers start). */
export const hooks: PageHooks = page.hooks;

/**
 * Named workers from JavaScript: `await workers.calc` (or `workers['calc']`)
 * gives the `sync` of the worker script with `name="calc"` once it is ready.
 */
export const workers: Readonly<Record<string, Promise<Record<string, any>>>> = page.workerContext.named.proxy; // any: see PythonWorker.sync

/**
 * Starts a Pyodide worker running the Python file at `url`; resolves once
 * its interpreter is up (before the code runs) to the handle. Calls of the
 * worker's `sync` functions made before its code defined them wait for it.
 */
export function PyWorker(url: string, options: PyWorkerOptions = {}): Promise<LazyWorker> {
  return startWorker(page.workerContext, 'pyodide', url, options);
}

/** Starts a MicroPython worker running the Python file at `url` (see {@link PyWorker}). */
export function MPWorker(url: string, options: PyWorkerOptions = {}): Promise<LazyWorker> {
  return startWorker(page.workerContext, 'micropython', url, options);
}

/**
 * Defines the tags once the document is parsed; resolves when done. The
 * `<script>` tags already in the page get their hosts first, so start-up
 * scripts of every form are upgraded, and so queued, in document order. A
 * second copy of `core.js` on the page defines nothing (and does not throw).
 */
export function defineElements(): Promise<void> {
  return page.define(elements);
}

/** Resolves when the elements of script type `type` (`py`, `mpy`) are defined. */
export async function whenDefined(type: string): Promise<CustomElementConstructor> {
  await defineElements();
  const tag = type.endsWith('-script') ? type : `${type}-script`;
  return customElements.whenDefined(tag);
}

void defineElements();
