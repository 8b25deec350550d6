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
import { MPyEditorElement } from './editor/mpy-editor.js';
import { PyEditorElement } from './editor/py-editor.js';
import { allDone } from './page/all-done.js';
import { observeScriptTags, upgradeScriptTags } from './page/script-tags.js';

export { PyScriptElement } from './elements/py-script.js';
export { MPyScriptElement } from './elements/mpy-script.js';
export { PythonScriptElement } from './elements/python-script.js';
export { PyConfigElement } from './elements/py-config.js';
export { MPyConfigElement } from './elements/mpy-config.js';
export { PyEditorElement } from './editor/py-editor.js';
export { MPyEditorElement } from './editor/mpy-editor.js';
export { PythonEditorElement } from './editor/python-editor.js';
export { config } from './page/page-config.js';
export type { PyConfig } from './runtime/config.js';
export type { ReadyDetail, DoneDetail, ProgressDetail, PyReadyEvent, PyDoneEvent, PyProgressEvent, PyAllDoneEvent, PyEditorDoneEvent } from './page/events.js';
export { hooks } from './runtime/hooks.js';
export { PyWorker, MPWorker, PythonWorker, workers } from './runtime/py-worker.js';
export type { PyWorkerOptions } from './runtime/py-worker.js';
export type { Hooks, HookCallback } from './runtime/hooks.js';
export { ErrorCode, PyScriptError } from './errors.js';

/** Every tag, the script elements and the editors. */
const elements: Record<string, CustomElementConstructor> = {
  'py-script': PyScriptElement,
  'mpy-script': MPyScriptElement,
  'py-config': PyConfigElement,
  'mpy-config': MPyConfigElement,
  'py-editor': PyEditorElement,
  'mpy-editor': MPyEditorElement,
};

let defined: Promise<void> | undefined;

/**
 * Defines the tags once the document is parsed; resolves when done. The
 * `<script>` tags already in the page get their hosts first, so start-up
 * scripts of every form are upgraded, and so queued, in document order. A
 * second copy of `core.js` on the page defines nothing (and does not throw).
 */
export function defineElements(): Promise<void> {
  defined ??= (async () => {
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    if (customElements.get('py-script')) return; // another copy of core.js got here first
    upgradeScriptTags(document);
    for (const [tag, element] of Object.entries(elements)) customElements.define(tag, element);
    observeScriptTags();
    // Every start-up element has connected (upgrades are synchronous).
    allDone.close();
  })();
  return defined;
}

/** Resolves when the elements of script type `type` (`py`, `mpy`) are defined. */
export async function whenDefined(type: string): Promise<CustomElementConstructor> {
  await defineElements();
  const tag = type.endsWith('-script') ? type : `${type}-script`;
  return customElements.whenDefined(tag);
}

void defineElements();
