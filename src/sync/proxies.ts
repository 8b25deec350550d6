/**
 * Worker-side stand-ins for main-thread objects: JS `Proxy` objects whose
 * traps become blocking requests (get, set, has, deleteProperty, apply,
 * construct, ownKeys). The {@link Shape} sent with each reference answers
 * the probes Pyodide and MicroPython make when they wrap an object
 * (`then`, iterator and mapping methods, `length`, the class name), so that
 * wrapping costs no round trip. `then` is always absent: `await proxy` gives
 * the proxy back at once and sends nothing (main-thread promises cross as
 * real promises instead).
 * @packageDocumentation
 */
import { METHOD_PROBES, PROP_PROBES, encodeKey, type Shape, type SyncRequest, type Wire, type WireKey } from './protocol.js';

/** What a proxy needs from the worker endpoint. */
export interface RemoteHost {
  /** Sends a blocking request; returns the decoded answer or throws the remote error. */
  request(request: DistributiveOmit<SyncRequest, 'id'>): unknown;
  /** `ref[key]` for a string key, in the compact form. */
  get(ref: number, key: string): unknown;
  /** Encodes a worker value for main. */
  encode(value: unknown): Wire;
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never; // any: matches TS's own keyof any

const methodProbes = new Set(METHOD_PROBES);
const propProbes = new Set(PROP_PROBES);

/** Name of a probed method key (`'@@iterator'` for `Symbol.iterator`), or undefined. */
function probeName(key: string | symbol): string | undefined {
  if (typeof key === 'string') return methodProbes.has(key) ? key : undefined;
  const name = `@@${key.description?.replace(/^Symbol\./, '') ?? ''}`;
  return methodProbes.has(name) ? name : undefined;
}

/**
 * `call`, `apply` and `bind` of a function stand-in are the local ones: they
 * invoke the proxy's `apply` trap, one request. (MicroPython calls every
 * method as `f.call(self, ...args)`.)
 */
const functionMethods: Record<string, unknown> = {
  call: Function.prototype.call,
  apply: Function.prototype.apply,
  bind: Function.prototype.bind,
};

/** Keys that are never forwarded: `then` (see above) and MicroPython's `_ref` check for its own proxies. */
const isLocalKey = (key: string | symbol): boolean => key === 'then' || key === '_ref';

const wireKey = (key: string | symbol): WireKey => {
  const encoded = encodeKey(key);
  if (encoded === undefined) throw new TypeError(`The symbol ${String(key)} cannot be sent to the main thread`);
  return encoded;
};

/** Target so that `typeof`, `Array.isArray` and `new` behave like the remote object's. */
const targetFor = (shape: Shape): object =>
  shape.f
    ? function () {
        /* stands for a main-thread function */
      }
    : shape.a
      ? []
      : {};

/** Own keys the proxy must report because its target has them non-configurable. */
const fixedKeys = (target: object): (string | symbol)[] =>
  Reflect.ownKeys(target).filter((key) => !Reflect.getOwnPropertyDescriptor(target, key)?.configurable);

const present = { value: undefined, writable: true, enumerable: true, configurable: true };

/** Creates the worker-side proxy of main-thread object `id`. */
export function createRemote(host: RemoteHost, id: number, shape: Shape): object {
  const target = targetFor(shape);
  const has = (list: string[] | undefined, name: string) => !!list?.includes(name);
  const proxy: object = new Proxy(target, {
    get(_, key) {
      if (isLocalKey(key)) return undefined;
      if (shape.f && typeof key === 'string' && key in functionMethods) return functionMethods[key];
      if (key === Symbol.toStringTag) return shape.t;
      if (key === 'constructor') return createMember(host, proxy, id, key, shape.c ?? 'Object');
      const probe = probeName(key);
      if (probe) {
        if (has(shape.m, probe)) {
          return probe === '@@iterator' ? () => (host.request({ type: 'iterate', ref: id }) as unknown[])[Symbol.iterator]() : createMember(host, proxy, id, key, probe);
        }
        if (!has(shape.v, probe)) return undefined;
      } else if (typeof key === 'symbol' && encodeKey(key) === undefined) {
        return undefined;
      }
      return typeof key === 'string' ? host.get(id, key) : host.request({ type: 'get', ref: id, key: wireKey(key) });
    },
    set(_, key, value) {
      host.request({ type: 'set', ref: id, key: wireKey(key), value: host.encode(value) });
      return true;
    },
    has(_, key) {
      if (isLocalKey(key)) return false;
      const probe = probeName(key);
      if (probe) return has(shape.m, probe) || has(shape.v, probe);
      if (typeof key === 'string' && propProbes.has(key)) return has(shape.p, key);
      if (typeof key === 'symbol' && encodeKey(key) === undefined) return false;
      return host.request({ type: 'has', ref: id, key: wireKey(key) }) as boolean;
    },
    deleteProperty(_, key) {
      return host.request({ type: 'delete', ref: id, key: wireKey(key) }) as boolean;
    },
    apply(_, thisArg, args) {
      return host.request({ type: 'apply', ref: id, this: host.encode(thisArg), args: args.map((arg) => host.encode(arg)) });
    },
    construct(_, args) {
      return host.request({ type: 'construct', ref: id, args: args.map((arg) => host.encode(arg)) }) as object;
    },
    ownKeys(t) {
      const keys = new Set<string | symbol>(host.request({ type: 'keys', ref: id }) as string[]);
      for (const key of fixedKeys(t)) keys.add(key);
      return [...keys];
    },
    getOwnPropertyDescriptor(t, key) {
      const own = Reflect.getOwnPropertyDescriptor(t, key);
      if (own && !own.configurable) return own;
      if (isLocalKey(key)) return undefined;
      // Pyodide's hasProperty() asks here for these; the shape knows.
      if (typeof key === 'string' && propProbes.has(key)) return has(shape.p, key) ? present : undefined;
      if (typeof key === 'symbol' && encodeKey(key) === undefined) return undefined;
      return host.request({ type: 'has', ref: id, key: wireKey(key) }) ? present : undefined;
    },
  });
  return proxy;
}

/**
 * `base[key]` where `key` names a method: a function that calls it on main
 * in one request (`apply` with `member`), without fetching it first. Any
 * other use fetches the real function.
 */
function createMember(host: RemoteHost, base: object, id: number, key: string | symbol, name: string): object {
  let real: object | undefined;
  const resolve = (): object => (real ??= host.request({ type: 'get', ref: id, key: wireKey(key) }) as object);
  const member = wireKey(key);
  const target = function () {
    /* stands for a main-thread method */
  };
  return new Proxy(target, {
    get(t, k) {
      if (isLocalKey(k)) return undefined;
      if (k === 'name') return name;
      if (typeof k === 'string' && k in functionMethods) return functionMethods[k];
      if (probeName(k) || k === Symbol.toStringTag) return undefined;
      if (typeof k === 'string' && propProbes.has(k)) return Reflect.get(t, k);
      return Reflect.get(resolve(), k);
    },
    has(t, k) {
      if (isLocalKey(k) || probeName(k)) return false;
      if (typeof k === 'string' && propProbes.has(k)) return k in t;
      return k in resolve();
    },
    set(_, k, value) {
      return Reflect.set(resolve(), k, value);
    },
    apply(_, thisArg, args) {
      void base; // held here so the base proxy (and its main-thread object) lives as long as the member
      return host.request({ type: 'apply', ref: id, member, this: host.encode(thisArg), args: args.map((arg) => host.encode(arg)) });
    },
    construct(_, args) {
      return host.request({ type: 'construct', ref: id, member, args: args.map((arg) => host.encode(arg)) }) as object;
    },
  });
}
