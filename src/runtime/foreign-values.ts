/**
 * How the worker bridge treats each interpreter's own objects when they
 * cross to the main thread ({@link ForeignValues} of `sync/wrap.ts`):
 * Pyodide's `PyProxy` callables are copied so they outlive the call that
 * passed them and are destroyed once main drops them; Python dicts and
 * lists become plain data. MicroPython needs no copies.
 * @packageDocumentation
 */
import type { ForeignValues } from '../sync/wrap.js';
import type { Interpreter } from './types.js';

interface PyodideProxy {
  copy(): PyodideProxy;
  destroy(): void;
  toJs(options: object): unknown;
}

/** How Python objects of `interpreter` look in JS. */
export function foreignValues(interpreter: Interpreter): ForeignValues {
  if (interpreter.kind === 'pyodide') {
    const PyProxy = (interpreter.raw as { ffi: { PyProxy: new () => PyodideProxy } }).ffi.PyProxy;
    return {
      // Pyodide destroys proxies of arguments when the call returns; main may call back later.
      keep: (fn) => (fn instanceof PyProxy ? (fn.copy() as unknown as Function) : fn),
      free: (fn) => {
        if (fn instanceof PyProxy) fn.destroy();
      },
      toJs: (value) => {
        if (!(value instanceof PyProxy)) return undefined;
        try {
          return { value: value.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false }) };
        } catch {
          // Holds something with no JS equivalent (a class instance): main gets its str().
          return { value: String(value) };
        }
      },
    };
  }
  const PyProxy = (interpreter.raw as { PyProxy: { new (): object; toJs(value: object): unknown } }).PyProxy;
  return {
    keep: (fn) => fn,
    free: () => undefined,
    toJs: (value) => {
      if (!(value instanceof PyProxy)) return undefined;
      const converted = PyProxy.toJs(value);
      return { value: converted === value ? String(value) : converted };
    },
  };
}
