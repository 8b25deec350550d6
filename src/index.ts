/**
 * pyscript-elements: importing this module defines every element and
 * starts the Python scripts of the page.
 * @packageDocumentation
 */
import './warm-up.js'; // first: starts the interpreter downloads
import { defineElements } from './elements/define.js';

export { defineElements, whenDefined } from './elements/define.js';
export { PyScriptElement } from './elements/py-script.js';
export { MPyScriptElement } from './elements/mpy-script.js';
export { PythonScriptElement } from './elements/python-script.js';
export { PyConfigElement } from './elements/py-config.js';
export { MPyConfigElement } from './elements/mpy-config.js';
export { PyEditorElement } from './editor/py-editor.js';
export { MPyEditorElement } from './editor/mpy-editor.js';
export { PythonEditorElement } from './editor/python-editor.js';
export { config } from './elements/page-config.js';
export type { PyConfig } from './runtime/config.js';
export type { ReadyDetail, DoneDetail, ProgressDetail, PyReadyEvent, PyDoneEvent, PyProgressEvent, PyAllDoneEvent, PyEditorDoneEvent } from './elements/events.js';
export { hooks } from './runtime/hooks.js';
export { PyWorker, MPWorker, PythonWorker, workers } from './runtime/py-worker.js';
export type { PyWorkerOptions } from './runtime/py-worker.js';
export type { Hooks, HookCallback } from './runtime/hooks.js';
export { ErrorCode, PyScriptError } from './errors.js';

void defineElements();
