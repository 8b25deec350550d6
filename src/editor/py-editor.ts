import { PythonEditorElement } from './python-editor.js';

/**
 * A Python (Pyodide) code editor with a run button: CodeMirror 6, Python
 * highlighting, line numbers; the code runs in a web worker, always, and its
 * `display()` and `print` output shows under the editor (or in `target`).
 * `<script type="py-editor">` gets one of these right after it.
 * @summary Python (Pyodide) editor that runs its code in a worker.
 * @tagname py-editor
 * @event py-editor:done - A run has finished, with or without an error: `detail.error` is the error, if any.
 * @csspart box - The box around the code and the run button.
 * @csspart run - The run button.
 */
export class PyEditorElement extends PythonEditorElement {
  constructor() {
    super('pyodide');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'py-editor': PyEditorElement;
  }
}
