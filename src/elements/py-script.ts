import { PythonScriptElement } from './python-script.js';

/**
 * Runs Python with Pyodide (CPython). The code is the element's text, or the
 * file named by `src`; output of `display()` goes inside the element.
 * @summary Python (Pyodide) in the page.
 * @tagname py-script
 * @event py:ready - The interpreter is up; the code has not run yet. `detail.worker` is the worker, if any.
 * @event py:done - The code has finished, with or without an error.
 * @event py:progress - Bytes of the interpreter, files and packages loaded: `detail` is `{stage, loaded, total}`.
 */
export class PyScriptElement extends PythonScriptElement {
  constructor() {
    super('pyodide');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'py-script': PyScriptElement;
  }
}
