/**
 * Python errors that escape to the browser: a callback of a main-thread
 * interpreter (a `create_proxy` function given to `setTimeout`,
 * `addEventListener` or a promise's `then`) that raised. The browser would
 * only log them ("Uncaught PythonError"); here they also show as a
 * `.py-error` box, at the last script of the interpreter that raised them
 * (the one `current_target()` names). `when` handlers report their own
 * errors, at the script that registered them (`pyscript/_errors.py`).
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { isPythonError, pythonErrorMessage } from '../runtime/traceback.js';

/**
 * Calls `report` with each uncaught Python error of this window (not with
 * errors rebuilt from a worker's data: the worker reported those itself),
 * instead of the browser's own log line.
 */
export function watchUncaughtPythonErrors(window: Window, report: (error: PyScriptError, raised: Error) => void): void {
  const handle = (event: Event, error: unknown) => {
    if (!isPythonError(error) || error instanceof PyScriptError) return;
    event.preventDefault(); // the report logs it, once
    report(new PyScriptError(ErrorCode.PYTHON, pythonErrorMessage(error), { cause: error }), error as Error);
  };
  window.addEventListener('error', (event) => handle(event, event.error));
  window.addEventListener('unhandledrejection', (event) => handle(event, event.reason));
}
