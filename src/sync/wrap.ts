/**
 * The worker end of the bridge: `window` and `document` as synchronous
 * proxies of the main thread's (see `proxies.ts`), the worker's `sync`
 * (functions it exports, and calls of what main exported), and the answers
 * to main's calls into the worker. Worker callables sent to main are kept
 * here by id until main's `FinalizationRegistry` says they are gone.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError, toErrorData, type ErrorData } from '../errors.js';
import {
  DOCUMENT_REF,
  GET_PREFIX,
  WINDOW_REF,
  decodeWire,
  encodeBinary,
  encodePrimitive,
  isPlainObject,
  type MainMessage,
  type Shape,
  type SideTagged,
  type SyncAnswer,
  type SyncRequest,
  type Wire,
  type WorkerMessage,
} from './protocol.js';
import { createRemote, type RemoteHost } from './proxies.js';
import type { BlockingTransport } from './transport.js';

/** How a worker endpoint treats the interpreter's own objects (Pyodide's `PyProxy`). */
export interface ForeignValues {
  /** Returns a copy of a callable that outlives the current call (Pyodide destroys borrowed proxies). */
  keep(fn: Function): Function;
  /** Converts an interpreter object to plain JS data, or returns undefined when it is not one. */
  toJs(value: object): { value: unknown } | undefined;
  /** Frees a kept callable. */
  free(fn: Function): void;
}

/** Options of a {@link WorkerEndpoint}. */
export interface WorkerEndpointOptions {
  /** The blocking lane; without it, sync access to main raises `unavailable`. */
  transport?: BlockingTransport;
  /** Posts an async message to main. */
  post(message: WorkerMessage): void;
  /** How the interpreter's own objects cross (see `runtime/foreign-values.ts`). */
  foreign: ForeignValues;
  /** The message of the error raised when there is no blocking transport. */
  unavailable: string;
}

type Request = SyncRequest extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

/** Worker side of one bridge. */
export class WorkerEndpoint implements RemoteHost {
  /** The main thread's `window`, or undefined without a blocking transport. */
  readonly window?: object;
  /** The main thread's `document`, or undefined without a blocking transport. */
  readonly document?: object;
  /** The worker's `sync`: set functions main can call; read ones main set. */
  readonly sync: Record<string, unknown>;
  readonly #options: WorkerEndpointOptions;
  readonly #transport?: BlockingTransport;
  readonly #foreign: ForeignValues;
  #nextRequest = 0;
  readonly #proxies = new Map<number, WeakRef<object>>();
  readonly #proxyIds = new WeakMap<object, number>();
  readonly #registry = new FinalizationRegistry<number>((id) => this.#collect(id));
  #drops: number[] = [];
  #flushing = false;
  readonly #fns = new Map<number, Function>();
  readonly #fnIds = new WeakMap<Function, number>();
  #nextFn = 0;
  readonly #promises = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  readonly #exports: Record<string, unknown> = Object.create(null);
  readonly #waiting = new Map<string, (() => void)[]>();
  #codeDone = false;
  readonly #calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  #nextCall = 0;

  constructor(options: WorkerEndpointOptions) {
    this.#options = options;
    this.#transport = options.transport;
    this.#foreign = options.foreign;
    if (this.#transport) {
      this.window = createRemote(this, WINDOW_REF, { c: 'Window', t: 'Window' });
      this.document = createRemote(this, DOCUMENT_REF, { c: 'HTMLDocument', t: 'HTMLDocument' });
      this.#proxyIds.set(this.window, WINDOW_REF);
      this.#proxyIds.set(this.document, DOCUMENT_REF);
    }
    const exports = this.#exports;
    this.sync = new Proxy(exports, {
      get: (target, name) => {
        if (typeof name !== 'string' || name === 'then' || name === '_ref') return undefined;
        if (name in target) return target[name];
        return (...args: unknown[]) => this.#callMain(name, args);
      },
      set: (target, name, value) => {
        if (typeof name !== 'string') return false;
        target[name] = value;
        for (const wake of this.#waiting.get(name) ?? []) wake();
        this.#waiting.delete(name);
        return true;
      },
      has: (target, name) => typeof name === 'string' && name !== 'then' && name !== '_ref' && name in target,
    });
  }

  /** Sends a blocking request to main; returns the decoded answer or throws main's error. */
  request(request: Request): unknown {
    const transport = this.#transport;
    if (!transport) throw new PyScriptError(ErrorCode.WORKER, this.#options.unavailable);
    const message = request as SyncRequest;
    message.id = ++this.#nextRequest;
    if (this.#drops.length) {
      message.drop = this.#drops;
      this.#drops = [];
    }
    return this.#answer(transport.request(JSON.stringify(message)));
  }

  /** `ref[key]` for a string key: the compact form of the commonest request (see `GET_PREFIX`). */
  get(ref: number, key: string): unknown {
    const transport = this.#transport;
    if (!transport) throw new PyScriptError(ErrorCode.WORKER, this.#options.unavailable);
    if (this.#drops.length) return this.request({ type: 'get', ref, key });
    return this.#answer(transport.request(`${GET_PREFIX}${ref}:${key}`));
  }

  #answer(text: string): unknown {
    switch (text.charCodeAt(0)) {
      case 115: // s
        return text.slice(1);
      case 110: // n
        return Number(text.slice(1));
      case 116: // t
        return true;
      case 102: // f
        return false;
      case 122: // z
        return null;
      case 117: // u
        return undefined;
    }
    const answer = JSON.parse(text) as SyncAnswer;
    if (answer.c) for (const call of answer.c) this.receive(call);
    if ('e' in answer) throw remoteError(answer.e);
    return this.decode(answer.v);
  }

  /** Handles an async message from main (not `init`). */
  receive(message: MainMessage): void {
    switch (message.type) {
      case 'invoke':
        void this.#answerInvoke(message.id, message.fn, message.name, message.args);
        break;
      case 'settle': {
        const pending = this.#promises.get(message.id);
        this.#promises.delete(message.id);
        if (message.error) pending?.reject(remoteError(message.error));
        else pending?.resolve(this.decode(message.value ?? null));
        break;
      }
      case 'result': {
        const pending = this.#calls.get(message.id);
        this.#calls.delete(message.id);
        if (message.error) pending?.reject(remoteError(message.error));
        else pending?.resolve(this.decode(message.value ?? null));
        break;
      }
      case 'release':
        for (const id of message.fns) {
          const fn = this.#fns.get(id);
          this.#fns.delete(id);
          if (fn) this.#foreign.free(fn);
        }
        break;
    }
  }

  /** The top-level code has finished: calls of names it never exported now fail. */
  codeDone(): void {
    this.#codeDone = true;
    for (const list of this.#waiting.values()) for (const wake of list) wake();
    this.#waiting.clear();
  }

  /** The main-thread element with this id, found as {@link MainEndpointOptions.findElement} does (null if none). */
  element(id: string): unknown {
    return this.request({ type: 'element', name: id });
  }

  /** `input()`: blocks until the page answers (null when the user cancelled). */
  input(prompt: string): string | null {
    return this.request({ type: 'input', prompt }) as string | null;
  }

  /** Encodes a worker value for main. */
  encode(value: unknown): Wire {
    const primitive = encodePrimitive(value);
    if (primitive !== undefined) return primitive;
    const object = value as object;
    const ref = this.#proxyIds.get(object);
    if (ref !== undefined) return { $: 'r', i: ref };
    if (typeof value === 'function') return this.#callable(value);
    const converted = this.#foreign.toJs(object);
    if (converted) return this.encode(converted.value);
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return encodeBinary(value as ArrayBuffer);
    if (Array.isArray(value)) return value.map((item) => this.encode(item));
    if (value instanceof Error) return { $: 'e', v: toErrorData(value) };
    if (value instanceof Map) return this.#object(Object.fromEntries(value));
    return this.#object(isPlainObject(object) ? (object as Record<string, unknown>) : { ...object });
  }

  /** Decodes a value main sent. */
  decode(wire: Wire): unknown {
    return decodeWire(wire, this.#decodeTagged);
  }

  #decodeTagged = (tagged: SideTagged): unknown => {
    switch (tagged.$) {
      case 'r':
        return this.#proxy(tagged.i, tagged.s ?? {});
      case 'p':
        return new Promise((resolve, reject) => this.#promises.set(tagged.i, { resolve, reject }));
      case 'f':
        return this.#fns.get(tagged.i);
      case 'e':
        return remoteError(tagged.v);
    }
  };

  #object(object: Record<string, unknown>): Wire {
    const out: Record<string, Wire> = {};
    for (const key of Object.keys(object)) out[key] = this.encode(object[key]);
    return { $: 'o', v: out };
  }

  #callable(fn: Function): Wire {
    let id = this.#fnIds.get(fn);
    if (id === undefined) {
      id = ++this.#nextFn;
      const kept = this.#foreign.keep(fn);
      this.#fns.set(id, kept);
      this.#fnIds.set(fn, id);
      if (kept !== fn) this.#fnIds.set(kept, id);
    }
    return { $: 'f', i: id };
  }

  #proxy(id: number, shape: Shape): object {
    if (id === WINDOW_REF && this.window) return this.window;
    if (id === DOCUMENT_REF && this.document) return this.document;
    const existing = this.#proxies.get(id)?.deref();
    if (existing) return existing;
    const proxy = createRemote(this, id, shape);
    this.#proxies.set(id, new WeakRef(proxy));
    this.#proxyIds.set(proxy, id);
    this.#registry.register(proxy, id);
    return proxy;
  }

  /** A proxy was collected: tell main with the next request (or soon, in a request of its own). */
  #collect(id: number): void {
    if (this.#proxies.get(id)?.deref()) return; // a newer proxy holds the id
    this.#proxies.delete(id);
    this.#drops.push(id);
    if (this.#flushing) return;
    this.#flushing = true;
    setTimeout(() => {
      this.#flushing = false;
      // Releases ride the blocking lane so they stay ordered with the requests that hand ids out.
      if (this.#drops.length) this.request({ type: 'release' });
    }, 1000);
  }

  /** `sync.name(...)` in the worker: blocks on main's function, or returns a promise without a transport. */
  #callMain(name: string, args: unknown[]): unknown {
    const wires = args.map((arg) => this.encode(arg));
    if (this.#transport) return this.request({ type: 'sync', name, args: wires });
    const id = ++this.#nextCall;
    const promise = new Promise((resolve, reject) => this.#calls.set(id, { resolve, reject }));
    this.#options.post({ type: 'call', id, name, args: wires });
    return promise;
  }

  async #answerInvoke(id: number, fnId: number | undefined, name: string | undefined, args: Wire[]): Promise<void> {
    try {
      let fn: unknown;
      if (fnId !== undefined) {
        fn = this.#fns.get(fnId);
        if (!fn) throw new ReferenceError('This worker callback was released');
      } else {
        const key = name ?? '';
        // main may call an export before the top-level code that defines it has run.
        if (!(key in this.#exports) && !this.#codeDone) {
          await new Promise<void>((resolve) => {
            const list = this.#waiting.get(key) ?? [];
            list.push(resolve);
            this.#waiting.set(key, list);
          });
        }
        fn = this.#exports[key];
        if (typeof fn !== 'function') throw new TypeError(`sync.${key} is not defined in the worker (put it there with sync.${key} = ... or __export__)`);
      }
      let result = (fn as Function)(...args.map((arg) => this.decode(arg)));
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') result = await result;
      this.#options.post({ type: 'result', id, value: this.encode(result) });
    } catch (error) {
      this.#options.post({ type: 'result', id, error: toErrorData(error) });
    }
  }
}

/** Rebuilds main's error in the worker, where Python shows `name: message`. */
function remoteError(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
