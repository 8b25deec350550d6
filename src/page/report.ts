/**
 * The one sink for errors that reach the page, as CodeMirror's
 * `logException` is for its own: a `.py-error` box where the script is (or in
 * its target), and the console.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { isPythonError, pythonErrorMessage } from '../runtime/traceback.js';

/** Normalizes anything thrown while running a script into a `PyScriptError`. */
export function toPyScriptError(error: unknown): PyScriptError {
  if (error instanceof PyScriptError) return error;
  if (isPythonError(error)) return new PyScriptError(ErrorCode.PYTHON, pythonErrorMessage(error), { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PyScriptError(ErrorCode.PYTHON, message, { cause: error });
}

const NO_BOXES = Symbol('pyscript-elements: no error boxes');

/** Turns a document's error boxes off (`plugins = ["!error"]`) or on; the console always gets the errors. */
export function setErrorBoxes(document: Document, on: boolean): void {
  Object.defineProperty(document, NO_BOXES, { value: !on, configurable: true });
}

/**
 * Shows `error` inside `place` and logs it (only logs it when the page's
 * config turned error boxes off with `"!error"`).
 * @returns the `.py-error` element (not in the page when boxes are off)
 */
export function reportError(place: Element, error: PyScriptError): HTMLElement {
  console.error(error.message);
  const box = document.createElement('div');
  box.className = 'py-error';
  box.setAttribute('role', 'alert');
  if (error.code !== ErrorCode.PYTHON) box.dataset.code = error.code;
  const pre = document.createElement('pre');
  const lines = error.message.trimEnd().split('\n');
  const last = lines.pop() ?? '';
  if (lines.length) pre.append(`${lines.join('\n')}\n`);
  // The last line names the error; make it the easy thing to read.
  const summary = document.createElement('strong');
  summary.textContent = last;
  pre.append(summary);
  box.append(pre);
  if (!(place.ownerDocument as Document & { [NO_BOXES]?: boolean })[NO_BOXES]) place.append(box);
  return box;
}

/**
 * Shows a line Python wrote to stderr inside `place`: in the `.py-error` box
 * of the lines before it when that box is still the last thing there, else
 * in a new one (`data-stream="stderr"`). The console already has it.
 */
export function showStderr(place: Element, text: string): void {
  const last = place.lastElementChild;
  if (last instanceof HTMLElement && last.dataset.stream === 'stderr') {
    last.firstElementChild!.append(`\n${text}`);
    return;
  }
  const box = document.createElement('div');
  box.className = 'py-error';
  box.dataset.stream = 'stderr';
  const pre = document.createElement('pre');
  pre.textContent = text;
  box.append(pre);
  place.append(box);
}
