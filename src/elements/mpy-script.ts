import { PythonScriptElement } from './python-script.js';

/**
 * Runs Python with MicroPython. The code is the element's text, or the file
 * named by `src`; output of `display()` goes inside the element.
 * @summary Python (MicroPython) in the page.
 * @tagname mpy-script
 * @event mpy:ready - The interpreter is up; the code has not run yet. `detail.worker` is the worker, if any.
 * @event mpy:done - The code has finished, with or without an error.
 * @event mpy:progress - Bytes of the interpreter, files and packages loaded: `detail` is `{stage, loaded, total}`.
 */
export class MPyScriptElement extends PythonScriptElement {
  constructor() {
    super('micropython');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mpy-script': MPyScriptElement;
  }
}
