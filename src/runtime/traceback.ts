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

/**
 * The exit code of a Python error that is a `SystemExit` (`sys.exit(n)`):
 * `n`, 0 for `sys.exit()` or `sys.exit(None)`, 1 for any other argument (a
 * message, which Python prints to stderr). `undefined` for other errors.
 */
export function exitCodeOf(error: unknown): { code: number; message?: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const python = isPythonError(error) ? error : isPythonError(error.cause) ? (error.cause as Error) : undefined;
  if (!python && (error as { code?: string }).code !== 'PYTHON') return undefined;
  const last = error.message.trimEnd().split('\n').pop() ?? '';
  const found = /^SystemExit(?::(.*))?$/.exec(last);
  if (!found) return undefined;
  const argument = found[1]?.trim();
  if (!argument || argument === 'None') return { code: 0 };
  if (/^-?\d+$/.test(argument)) return { code: Number(argument) };
  return { code: 1, message: argument };
}
