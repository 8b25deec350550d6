/**
 * The JavaScript half of the Python `pyscript` package. Each interpreter
 * gets one `_pyscript` module built from this shape; the `.py` files under
 * `src/python/pyscript/` read everything host-specific from it, so the same
 * Python runs on the main thread and in workers.
 */

/** What `import _pyscript` gives the Python package. */
export interface PyscriptBridge {
  /** True inside a web worker. */
  RUNNING_IN_WORKER: boolean;
  /** `'pyodide'` or `'micropython'`. */
  interpreter: string;
  /** The main thread's `window` (a proxy when in a worker). */
  window: object;
  /** The main thread's `document` (a proxy when in a worker). */
  document: object;
  /** The parsed config of this interpreter, as a plain object. */
  config: object;
  /** Id of the element `display()` writes to by default for the running script. */
  current_target(): string;
  /** Extra host-specific entries (worker `sync`, `js_modules`, …). */
  [key: string]: unknown;
}
