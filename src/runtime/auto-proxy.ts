/**
 * `experimental_create_proxy = "auto"` for Pyodide. A Python callable passed
 * as an argument to a JavaScript function reaches it as a *borrowed* PyProxy,
 * which Pyodide destroys when the call returns, so a timer or listener that
 * fires later throws "This borrowed proxy was automatically destroyed".
 *
 * Pyodide 314 calls every JavaScript function from Python through
 * `Function.prototype.apply.apply(func, [this, args])`
 * (`JsvFunction_CallBound` in `pyodide.asm.js`) and has no hook of its own, so,
 * as @pyscript/core does, we wrap `Function.prototype.apply`: each borrowed
 * PyProxy argument is swapped for a fresh proxy of the same Python object,
 * made by `pyodide.ffi.to_js` (dicts become object literals). A proxy returned
 * from Python to JavaScript is owned by JavaScript: Pyodide registers it with
 * its FinalizationRegistry, which releases the Python object once JavaScript
 * has dropped the proxy (when the timer has fired, the listener is removed…).
 * @packageDocumentation
 */

/** The parts of Pyodide used here. */
interface PyodideLike {
  pyimport(name: string): { to_js: { callKwargs(...args: unknown[]): unknown } };
}

/** The internal state Pyodide keeps on each PyProxy, under a private symbol. */
interface ProxyAttrs {
  shared?: { gcRegistered?: boolean };
}

let enabled = false;

/**
 * Makes borrowed PyProxy arguments of calls into JavaScript outlive the call.
 * Idempotent; affects this realm (main thread or worker) only.
 */
export function enableAutoProxy(pyodide: PyodideLike): void {
  if (enabled) return;
  const toJs = pyodide.pyimport('pyodide.ffi').to_js;
  const attrs = Object.getOwnPropertySymbols(toJs).find((symbol) => String(symbol) === 'Symbol(pyproxy.attrs)');
  if (!attrs) throw new Error('experimental_create_proxy = "auto": this Pyodide version is not supported');
  enabled = true;
  const convert = (value: unknown) => toJs.callKwargs(value, { dict_converter: Object.fromEntries });
  const { apply } = Reflect;
  let converting = false;
  const isBorrowed = (arg: unknown): boolean =>
    ((typeof arg === 'object' && arg !== null) || typeof arg === 'function') &&
    attrs in arg &&
    !(arg as unknown as Record<symbol, ProxyAttrs>)[attrs].shared?.gcRegistered;
  Object.defineProperty(Function.prototype, 'apply', {
    configurable: true,
    writable: true,
    value(this: (...args: unknown[]) => unknown, thisArg: unknown, args?: ArrayLike<unknown>) {
      if (!converting && args && Array.isArray(args) && args.some(isBorrowed)) {
        converting = true; // `convert` calls into Python, which calls `apply` again
        try {
          args = args.map((arg) => (isBorrowed(arg) ? convert(arg) : arg));
        } finally {
          converting = false;
        }
      }
      return apply(this, thisArg, args ?? []);
    },
  });
}
