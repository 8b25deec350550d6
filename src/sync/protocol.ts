/**
 * Every message between the main thread and a Python worker, in one place,
 * as Comlink's `protocol.ts` does: discriminated unions keyed by `type`, each
 * with an `id` that matches a request to its answer.
 *
 * Two lanes carry them:
 * - **blocking** ({@link SyncRequest}, worker → main): serialized as JSON,
 *   sent through a `BlockingTransport` while the worker waits; the answer is
 *   a {@link SyncAnswer}. This is what makes `document.title` synchronous in
 *   worker Python.
 * - **async** ({@link MainMessage}, {@link WorkerMessage}): `postMessage`,
 *   for the lifecycle, main → worker calls, and settled main-thread promises.
 *
 * Values cross as {@link Wire} data: primitives and strings as themselves,
 * binary data by value, main-thread objects as ids (`r`), worker callables
 * as ids (`f`), main-thread promises as ids (`p`).
 * @packageDocumentation
 */
import type { ErrorData } from '../errors.js';

/**
 * The error text of `window`/`document` in a worker that cannot block on
 * main (Python raises it; an editor shows it when asked to run), worded for
 * what is missing: cross-origin isolation, or, on an isolated page, the
 * SharedArrayBuffer itself (a browser that does not have it, such as WebKit
 * built without it).
 * @param isolated whether the page is cross-origin isolated (`crossOriginIsolated`)
 */
export function unavailableMessage(isolated: boolean): string {
  const why = isolated
    ? 'this browser has no SharedArrayBuffer, although the page is cross-origin isolated, so a worker cannot wait for ' +
      'the main thread: give the script a service-worker attribute'
    : 'this page is not cross-origin isolated, so a worker cannot wait for the main thread: serve it with the headers ' +
      '"Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp", ' +
      'or give the script a service-worker attribute';
  return `Unable to use \`window\` or \`document\` -> see README.md#sharedarraybuffer (${why})`;
}

/**
 * The same error in a worker started with `sync_main_only: true`: it only
 * answers main's calls, and never blocks on main, by request.
 */
export const UNAVAILABLE_SYNC_MAIN_ONLY =
  'Unable to use `window` or `document` in this worker: its config says sync_main_only = true, ' +
  'so it only answers calls from the main thread (worker.sync.fn()) and cannot wait for it; ' +
  'remove sync_main_only to use the main thread\'s window and document (see README.md#sharedarraybuffer)';

/** Ids of the main-thread objects every worker knows without asking. */
export const WINDOW_REF = 1;
export const DOCUMENT_REF = 2;

/**
 * What the worker knows about a main-thread object without asking: enough
 * to answer the probes Pyodide and MicroPython make when they wrap a JS
 * object (`typeof`, `Array.isArray`, `then`, iterator and mapping methods,
 * the class name), so wrapping a remote object costs no round trip.
 */
export interface Shape {
  /** 1 when `typeof` is `'function'`. */
  f?: 1;
  /** 1 for an `Array`. */
  a?: 1;
  /** `obj[Symbol.toStringTag]`, when a string. */
  t?: string;
  /** `obj.constructor.name`. */
  c?: string;
  /** Probed method names whose value is a function (`'@@iterator'` for `Symbol.iterator`). */
  m?: string[];
  /** Probed names present with a value that is not a function. */
  v?: string[];
  /** Probed names `in` the object (`length`, `size`, `name`, `message`, `stack`). */
  p?: string[];
}

/** Method names Pyodide and MicroPython probe when they wrap an object (`@@x` is `Symbol.x`). */
export const METHOD_PROBES = ['next', 'get', 'set', 'has', 'includes', '@@iterator', '@@asyncIterator', '@@dispose', '@@asyncDispose'];
/** Property names they probe with `in` / own-property checks. */
export const PROP_PROBES = ['length', 'size', 'name', 'message', 'stack'];

/** A property key: a string, or a well-known symbol as `{ $: 's', v: 'iterator' }`. */
export type WireKey = string | { $: 's'; v: string };

/** Tagged values; anything that is not a JSON primitive or array. */
export type WireTagged =
  | { $: 'u' } // undefined
  | { $: 'n'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'i'; v: string } // bigint
  | { $: 'o'; v: { [key: string]: Wire } } // plain data object, by value
  | { $: 'r'; i: number; s?: Shape } // main-thread object, by reference
  | { $: 'p'; i: number } // main-thread promise; settles via a `settle` message
  | { $: 'f'; i: number } // worker callable, by reference
  | { $: 'b'; k: string; v: string } // ArrayBuffer / typed array / DataView, base64
  | { $: 'y'; v: string; g?: 1 } // a well-known symbol by name (`iterator`), or a `Symbol.for(v)` one (`g`)
  | { $: 'e'; v: ErrorData };

/** A value as it crosses the boundary. */
export type Wire = null | boolean | number | string | Wire[] | WireTagged;

interface Base {
  id: number;
  /** Main-thread refs the worker no longer holds, piggybacked on the next request. */
  drop?: number[];
}

/** Worker → main, blocking: the worker waits for the {@link SyncAnswer}. */
export type SyncRequest =
  | (Base & { type: 'get'; ref: number; key: WireKey })
  | (Base & { type: 'set'; ref: number; key: WireKey; value: Wire })
  | (Base & { type: 'has'; ref: number; key: WireKey })
  | (Base & { type: 'delete'; ref: number; key: WireKey })
  /** Calls `ref` (or `ref[member]` when given) with `this` and `args`. */
  | (Base & { type: 'apply'; ref: number; member?: WireKey; this: Wire; args: Wire[] })
  | (Base & { type: 'construct'; ref: number; member?: WireKey; args: Wire[] })
  /** `Reflect.ownKeys` (string keys). */
  | (Base & { type: 'keys'; ref: number })
  /** `Array.from(ref)`: iterates a main-thread iterable in one round trip. */
  | (Base & { type: 'iterate'; ref: number })
  /** Calls a function main put on `worker.sync`. */
  | (Base & { type: 'sync'; name: string; args: Wire[] })
  /** `input()`: asks the page for a line of text. */
  | (Base & { type: 'input'; prompt: string })
  /** The output place with id `name`: main looks in the document and in the shadow roots scripts run in. */
  | (Base & { type: 'element'; name: string })
  /** Only the piggybacked `drop`. */
  | (Base & { type: 'release' });

/**
 * The hot path in compact form, without JSON objects: reading a string-keyed
 * property (`document.title`) is the request `g<ref>:<key>`, and a primitive
 * answer is `s<string>`, `n<number>`, `t`, `f`, `z` (null) or `u`
 * (undefined). Anything else is a JSON {@link SyncAnswer}, which starts with `{`.
 */
export const GET_PREFIX = 'g';

/**
 * Main → worker answer to a {@link SyncRequest}: a value or an error, and
 * `c`, the calls into the worker that main made while serving it (event
 * handlers fired by `el.click()`): the worker runs them before returning.
 */
export type SyncAnswer = ({ v: Wire } | { e: ErrorData }) & { c?: MainMessage[] };

/** What the worker needs to build its blocking transport. */
export interface TransportInit {
  mode: 'atomics' | 'service-worker';
  init: unknown;
}

/** Start-up data of a worker. */
export interface InitData {
  kind: 'pyodide' | 'micropython';
  /** The Python code, already fetched and dedented. */
  code: string;
  /** File name shown in tracebacks. */
  filename?: string;
  /** Allow top-level await. */
  async: boolean;
  /** The worker's parsed config (a plain object). */
  config: object;
  /** URL of the config file, which relative config entries resolve against. */
  configUrl?: string;
  /** The page URL, which relative URLs resolve against. */
  baseUrl: string;
  /** How the worker blocks; absent when it cannot (no SharedArrayBuffer, no service worker). */
  transport?: TransportInit;
  /** Id of the element `display()` writes to by default. */
  targetId: string;
  /**
   * One byte of shared memory main writes 2 (SIGINT) into to interrupt the
   * running code (Pyodide's `setInterruptBuffer`); absent without
   * SharedArrayBuffer or for an interpreter that cannot use it.
   */
  interrupt?: Int8Array;
  /** An editor's worker: the `hooks.worker` run hooks go around each `exec`, not around its (empty) own code. */
  editor?: boolean;
  /** True when the script has a terminal on main: output, `input()` and the REPL go through it. */
  terminal?: boolean;
  /**
   * Files main downloaded for the worker during its warm-up and sends in
   * `asset` messages after this one (the worker's boot waits for them
   * instead of fetching them itself): URLs, or `romfs` for the Python
   * package's image.
   */
  assets?: string[];
  /** `hooks.worker` code strings, and the source text of its callbacks (evaluated in the worker). */
  hooks: { codeBeforeRun: string; codeBeforeRunAsync: string; codeAfterRun: string; codeAfterRunAsync: string } & {
    [name in 'onReady' | 'onBeforeRun' | 'onBeforeRunAsync' | 'onAfterRun' | 'onAfterRunAsync']: string[];
  };
}

/** Main → worker, async. */
export type MainMessage =
  | { type: 'init'; id: 0; data: InitData }
  /** Main has dispatched `:ready`: the worker may run the code now. */
  | { type: 'run'; id: 0 }
  /** One of `InitData.assets`: its bytes, or null when main's download failed (the worker fetches it then). */
  | { type: 'asset'; id: 0; url: string; bytes: ArrayBuffer | null }
  /**
   * Runs more code in the same interpreter once the worker's own code has
   * finished (the editor's runs): `display()` and `print` go to `targetId`.
   * Answered by an `exec-done` with the same `id`.
   */
  | { type: 'exec'; id: number; code: string; targetId: string }
  /** Calls worker callable `fn`, or the worker's `sync[name]`. */
  | { type: 'invoke'; id: number; fn?: number; name?: string; args: Wire[] }
  /** A main-thread promise sent as `{ $: 'p' }` has settled. */
  | { type: 'settle'; id: number; value?: Wire; error?: ErrorData }
  /** Main no longer holds these worker callables. */
  | { type: 'release'; id: 0; fns: number[] }
  /** Answer to a worker's async `call` (only without a blocking transport). */
  | { type: 'result'; id: number; value?: Wire; error?: ErrorData }
  /** Main's server has tried again to reach the worker (the answer to `reclaim`). */
  | { type: 'reclaimed'; id: 0 };

/** Worker → main, async. */
export type WorkerMessage =
  /** Bytes of the interpreter, `files` or `packages` downloaded so far (`py:progress` on main). */
  | { type: 'progress'; id: 0; progress: { stage: string; loaded: number; total: number } }
  /** Interpreter booted, config applied; the code is about to run. */
  | { type: 'ready'; id: 0; errors: ErrorData[] }
  /** The top-level code finished, with or without an error. */
  | { type: 'done'; id: 0; error?: ErrorData }
  /** The code of the `exec` with this `id` finished, with or without an error. */
  | { type: 'exec-done'; id: number; error?: ErrorData }
  /** Answer to an `invoke`. */
  | { type: 'result'; id: number; value?: Wire; error?: ErrorData }
  /** Calls main's `sync[name]` without waiting (no blocking transport). */
  | { type: 'call'; id: number; name: string; args: Wire[] }
  /** The blocking transport cannot reach main yet (a service worker that does not control this worker): try again. */
  | { type: 'reclaim'; id: 0 }
  /**
   * A Python callback raised after the code had run (a `when` handler, a
   * timer): shown at the element with id `targetId` (empty: the worker's place).
   */
  | { type: 'error'; id: 0; error: ErrorData; targetId: string };

/** Well-known symbols that can cross as keys. */
const symbolName = (key: symbol): string | undefined => {
  const description = key.description ?? '';
  return description.startsWith('Symbol.') && (Symbol as unknown as Record<string, unknown>)[description.slice(7)] === key
    ? description.slice(7)
    : undefined;
};

/**
 * A symbol as a value: a well-known one (`Symbol.iterator`) or one of the
 * global registry (`Symbol.for(key)`) is the same symbol on the other side;
 * any other symbol exists on its side only and crosses as `undefined`.
 */
const encodeSymbol = (value: symbol): Wire => {
  const name = symbolName(value);
  if (name) return { $: 'y', v: name };
  const key = Symbol.keyFor(value);
  return key === undefined ? { $: 'u' } : { $: 'y', v: key, g: 1 };
};

/** Encodes a property key; `undefined` for a symbol that is not well-known. */
export const encodeKey = (key: string | symbol): WireKey | undefined => {
  if (typeof key === 'string') return key;
  const name = symbolName(key);
  return name ? { $: 's', v: name } : undefined;
};

/** Decodes a property key. */
export const decodeKey = (key: WireKey): string | symbol =>
  typeof key === 'string' ? key : ((Symbol as unknown as Record<string, symbol>)[key.v] ?? key.v);

const typedArrays: Record<string, new (buffer: ArrayBuffer, offset?: number, length?: number) => ArrayBufferView> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
};

/** Binary data by value: `ArrayBuffer`, typed arrays, `DataView`. */
export function encodeBinary(value: ArrayBuffer | ArrayBufferView): WireTagged {
  const isView = ArrayBuffer.isView(value);
  const bytes = isView ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { $: 'b', k: isView ? value.constructor.name : 'ArrayBuffer', v: btoa(text) };
}

/** Rebuilds binary data sent by {@link encodeBinary}. */
export function decodeBinary(kind: string, base64: string): ArrayBuffer | ArrayBufferView {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const View = typedArrays[kind];
  if (!View) return bytes.buffer;
  const size = (View as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  return kind === 'DataView' ? new DataView(bytes.buffer) : new View(bytes.buffer, 0, bytes.length / size);
}

/** The tagged values each side resolves its own way (references, promises, callables, errors). */
export type SideTagged = Extract<WireTagged, { $: 'r' | 'p' | 'f' | 'e' }>;

/**
 * Decodes a value from the other side: primitives, arrays, plain objects,
 * numbers JSON cannot carry, bigints and binary data here; everything that
 * names something of either side goes to `side`.
 */
export function decodeWire(wire: Wire, side: (tagged: SideTagged) => unknown): unknown {
  if (wire === null || typeof wire !== 'object') return wire;
  if (Array.isArray(wire)) return wire.map((item) => decodeWire(item, side));
  switch (wire.$) {
    case 'u':
      return undefined;
    case 'n':
      return Number(wire.v);
    case 'i':
      return BigInt(wire.v);
    case 'o': {
      const object: Record<string, unknown> = {};
      for (const key of Object.keys(wire.v)) object[key] = decodeWire(wire.v[key], side);
      return object;
    }
    case 'b':
      return decodeBinary(wire.k, wire.v);
    case 'y':
      return wire.g ? Symbol.for(wire.v) : (Symbol as unknown as Record<string, symbol>)[wire.v];
    default:
      return side(wire);
  }
}

/**
 * Encodes what both sides send the same way: strings, booleans, numbers,
 * bigints, `null` and `undefined` (and symbols, which arrive as
 * `undefined`). Returns `undefined` for objects and functions, which each
 * side sends its own way (by value or by reference).
 */
export function encodePrimitive(value: unknown): Wire | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value);
    case 'undefined':
      return { $: 'u' };
    case 'symbol':
      return encodeSymbol(value);
    case 'bigint':
      return { $: 'i', v: String(value) };
  }
  return value === null ? null : undefined;
}

/** Encodes a number JSON cannot carry. */
export const encodeNumber = (value: number): Wire =>
  Number.isFinite(value) ? (Object.is(value, -0) ? { $: 'n', v: '-0' } : value) : { $: 'n', v: String(value) as 'NaN' };

/** True for an object literal (or `Object.create(null)`), which crosses by value. */
export const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
