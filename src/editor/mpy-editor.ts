import { PythonEditorElement } from './python-editor.js';

/**
 * A MicroPython code editor with a run button (see `<py-editor>`).
 * `<script type="mpy-editor">` gets one of these right after it.
 * @summary MicroPython editor that runs its code in a worker.
 * @tagname mpy-editor
 * @event mpy-editor:done - A run has finished, with or without an error: `detail.error` is the error, if any.
 * @event py-editor:done - Right after `mpy-editor:done`, as PyScript fires it for every editor.
 * @csspart box - The box around the code and the run button.
 * @csspart run - The run button.
 */
export class MPyEditorElement extends PythonEditorElement {
  constructor() {
    super('micropython');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mpy-editor': MPyEditorElement;
  }
}
