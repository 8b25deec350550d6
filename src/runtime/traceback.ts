/**
 * Turns what an interpreter throws into a readable message: the Python
 * traceback, minus the frames of Pyodide's own runner, which only repeat
 * how the code was started.
 */

const internalFrame = /^ {2}File "\/lib\/python[^"]*\/_pyodide\/[^"]*", line \d+, in [^\n]*\n(?: {4}[^\n]*\n)*/gm;

/** The traceback text of a Python error, or the message of any other error. */
export function pythonErrorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.constructor?.name !== 'PythonError' && error.name !== 'PythonError') return error.message;
  return error.message.replace(internalFrame, '').trimEnd();
}

/** True when `error` was raised by Python code rather than by the host. */
export function isPythonError(error: unknown): boolean {
  return error instanceof Error && (error.constructor?.name === 'PythonError' || error.name === 'PythonError');
}
