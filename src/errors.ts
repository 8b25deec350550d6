/**
 * The one error type of the project. Every failure that reaches a page (bad
 * config, missing file, Python exception, crashed worker) is a
 * `PyScriptError`, so reporting has one shape. Codes follow PyScript's.
 * @packageDocumentation
 */

/** Error codes, as PyScript numbers them. */
export const ErrorCode = {
  /** More than one config, or configs that conflict. */
  CONFLICTING_CONFIG: 'PY0409',
  /** A config that is not valid TOML/JSON, or a bad URL. */
  BAD_CONFIG: 'PY1000',
  /** A file, module, config or package that could not be fetched. */
  FETCH_ERROR: 'PY0404',
  /** An error raised by Python code (no PY code is shown for these). */
  PYTHON: 'PYTHON',
  /** A worker that crashed or was terminated while running. */
  WORKER: 'WORKER',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Marks every `PyScriptError`, whichever copy of this module made it. */
const BRAND = Symbol.for('pyscript-elements.PyScriptError');

/**
 * An error with a PyScript code; `message` starts with the code when it has a PY one.
 * The files `core.js` imports by URL (`dist/workers.js`, …) bundle their own
 * copy of this class: `instanceof` goes by a brand, so an error made by any
 * copy is a `PyScriptError` to all of them.
 */
export class PyScriptError extends Error {
  override name = 'PyScriptError';
  readonly code: ErrorCode;
  /** True when the side that raised it has shown it on the page already (see {@link ErrorData.reported}). */
  reported?: boolean;
  declare readonly [BRAND]: true;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(/^PY\d{4}$/.test(code) && !message.startsWith(`(${code})`) ? `(${code}): ${message}` : message, options);
    this.code = code;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: true })[BRAND] === true;
  }
}
Object.defineProperty(PyScriptError.prototype, BRAND, { value: true });

/** The shape an error takes when it crosses a worker boundary. */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  code?: ErrorCode;
  /** Already shown on the page by the side that raised it (a worker's callback): the receiver only passes it on. */
  reported?: boolean;
}

/** Turns any thrown value into plain data that `postMessage` can carry. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack, code: (error as Partial<PyScriptError>).code };
  }
  return { name: 'Error', message: String(error) };
}

/** Rebuilds an error sent as data (see {@link toErrorData}). */
export function fromErrorData(data: ErrorData): PyScriptError {
  const error = new PyScriptError(data.code ?? ErrorCode.PYTHON, data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  if (data.reported) error.reported = true;
  return error;
}
