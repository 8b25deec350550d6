/**
 * The main-thread end of one worker bridge: it serves the worker's blocking
 * requests on main-thread objects (held in a table and referenced by id),
 * turns worker callables into main-thread functions that call back
 * asynchronously (freed through a `FinalizationRegistry`, so Python code in a
 * worker needs no `create_proxy`), and holds `worker.sync`: functions main
 * exports to the worker, and remote calls of what the worker exported.
 * @packageDocumentation
 */
import { fromErrorData, toErrorData, type ErrorData } from '../errors.js';
import {
  DOCUMENT_REF,
  GET_PREFIX,
  WINDOW_REF,
  decodeKey,
  decodeWire,
  encodeBinary,
  encodeNumber,
  encodePrimitive,
  type MainMessage,
  type SideTagged,
  type SyncRequest,
  type Wire,
  type WireTagged,
  type WorkerMessage,
} from './protocol.js';
import { shapeOf } from './shape.js';
import type { TransportServer } from './transport.js';

/** How long a main → worker call may wait on a blocked worker before the deadlock warning. */
const DEADLOCK_MS = 1000;
/** How long a worker may wait for a `sync` name main has not defined before a warning. */
const MISSING_MS = 3000;


/** Options of a {@link MainEndpoint}. */
export interface MainEndpointOptions {
  /** Posts an async message to the worker. */
  post(message: MainMessage): void;
  /** Answers `input()`; `window.prompt` by default. */
  input?(prompt: string): string | null | Promise<string | null>;
  /** Names the worker in warnings. */
  label?: string;
  /** Finds an output place by id; `document.getElementById` by default. */
  findElement?(id: string): Element | null;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Main side of one worker bridge. */
export class MainEndpoint {
  /**
   * `worker.sync`: assigning a function makes it callable from the worker
   * (`sync.name(...)` there); reading a name main did not assign gives an
   * async function calling what the worker put on its `sync`.
   */
  readonly sync: Record<string, any>; // any: user functions of any shape, both ways
  readonly #options: MainEndpointOptions;
  readonly #refs = new Map<number, unknown>([[WINDOW_REF, globalThis], [DOCUMENT_REF, globalThis.document]]);
  readonly #ids = new Map<unknown, number>([[globalThis, WINDOW_REF], [globalThis.document, DOCUMENT_REF]]);
  #nextRef = 3;
  readonly #exports: Record<string, unknown> = Object.create(null);
  readonly #waiting = new Map<string, (() => void)[]>();
  readonly #calls = new Map<number, Pending>();
  #nextCall = 0;
  #nextPromise = 0;
  readonly #fns = new Map<number, WeakRef<Function>>();
  readonly #fnIds = new WeakMap<Function, number>();
  readonly #registry = new FinalizationRegistry<number>((id) => this.#collect(id));
  #releasing: number[] = [];
  /** The blocking request being served asynchronously, if any: the worker is blocked on it. */
  #blockedOn = '';
  /** Set while a blocking request is served synchronously: calls into the worker collected for its answer. */
  #piggyback?: MainMessage[];
  #released = false;
  #server?: TransportServer;

  constructor(options: MainEndpointOptions) {
    this.#options = options;
    const exports = this.#exports;
    this.sync = new Proxy(exports, {
      get: (target, name) => {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name in target) return target[name];
        return (...args: unknown[]) => this.#invoke({ name }, args, name);
      },
      set: (target, name, value) => {
        if (typeof name !== 'string') return false;
        target[name] = value;
        for (const wake of this.#waiting.get(name) ?? []) wake();
        this.#waiting.delete(name);
        return true;
      },
      has: (target, name) => typeof name === 'string' && name in target,
      deleteProperty: (target, name) => typeof name === 'string' && delete target[name],
    }) as Record<string, any>; // any: see the field's comment
  }

  /** Starts answering the worker's blocking requests through `server`. */
  serve(server: TransportServer): void {
    this.#server = server;
    server.listen((request) => this.handle(request));
  }

  /** Handles an async message from the worker (the lifecycle ones are the caller's). */
  receive(message: WorkerMessage): void {
    if (message.type === 'result') {
      const pending = this.#calls.get(message.id);
      if (!pending) return;
      this.#calls.delete(message.id);
      if (message.error) pending.reject(fromErrorData(message.error));
      else pending.resolve(this.decode(message.value ?? null));
    } else if (message.type === 'call') {
      void this.#callExport(message.name, message.args).then(
        (value) => this.#post({ type: 'result', id: message.id, value: this.encode(value) }),
        (error) => this.#post({ type: 'result', id: message.id, error: toErrorData(error) }),
      );
    }
  }

  /** Answers one blocking request (a JSON {@link SyncRequest}) with a JSON `SyncAnswer`. */
  handle(text: string): string | Promise<string> {
    if (text.startsWith(GET_PREFIX)) return this.#get(text);
    let request: SyncRequest;
    // Calls into the worker made while this request runs (event handlers fired by `el.click()`)
    // ride on the answer: the worker runs them before its call returns, as on the main thread.
    const calls: MainMessage[] = (this.#piggyback = []);
    try {
      request = JSON.parse(text) as SyncRequest;
      if (request.drop) for (const id of request.drop) this.#drop(id);
      const result = this.#run(request);
      // Only `sync` and `input` keep the worker waiting; any other promise crosses as a promise.
      if (!(result instanceof Blocking)) return this.#answer(`"v":${JSON.stringify(this.encode(result))}`, calls);
      this.#piggyback = undefined;
      this.#flush(calls);
      this.#blockedOn = request.type === 'sync' ? `sync.${request.name}` : request.type;
      return result.promise.then(
        (value) => `{"v":${JSON.stringify(this.encode(value))}}`,
        (error) => JSON.stringify({ e: toErrorData(error) }),
      ).finally(() => (this.#blockedOn = ''));
    } catch (error) {
      return this.#answer(`"e":${JSON.stringify(toErrorData(error))}`, calls);
    } finally {
      this.#piggyback = undefined;
    }
  }

  /** The compact `g<ref>:<key>` request; primitives answer in compact form too. */
  #get(text: string): string {
    const colon = text.indexOf(':');
    const calls: MainMessage[] = (this.#piggyback = []);
    try {
      const value = Reflect.get(this.#ref(Number(text.slice(1, colon))) as object, text.slice(colon + 1));
      if (calls.length) return this.#answer(`"v":${JSON.stringify(this.encode(value))}`, calls); // a getter called into the worker
      switch (typeof value) {
        case 'string':
          return `s${value}`;
        case 'number':
          return Number.isFinite(value) && !Object.is(value, -0) ? `n${value}` : `{"v":${JSON.stringify(encodeNumber(value))}}`;
        case 'boolean':
          return value ? 't' : 'f';
        case 'undefined':
          return 'u';
      }
      return value === null ? 'z' : `{"v":${JSON.stringify(this.encode(value))}}`;
    } catch (error) {
      return this.#answer(`"e":${JSON.stringify(toErrorData(error))}`, calls);
    } finally {
      this.#piggyback = undefined;
    }
  }

  #answer(body: string, calls: MainMessage[]): string {
    return calls.length ? `{${body},"c":${JSON.stringify(calls)}}` : `{${body}}`;
  }

  #flush(calls: MainMessage[]): void {
    for (const call of calls) this.#post(call);
  }

  /** Stops serving, forgets every reference and rejects pending calls. */
  release(reason: Error = new Error('The worker was terminated')): void {
    if (this.#released) return;
    this.#released = true;
    this.#server?.release();
    this.#refs.clear();
    this.#ids.clear();
    for (const pending of this.#calls.values()) pending.reject(reason);
    this.#calls.clear();
  }

  #run(request: SyncRequest): unknown {
    switch (request.type) {
      case 'get':
        return Reflect.get(this.#ref(request.ref) as object, decodeKey(request.key));
      case 'set':
        return Reflect.set(this.#ref(request.ref) as object, decodeKey(request.key), this.decode(request.value));
      case 'has':
        return decodeKey(request.key) in (this.#ref(request.ref) as object);
      case 'delete':
        return Reflect.deleteProperty(this.#ref(request.ref) as object, decodeKey(request.key));
      case 'apply': {
        const base = this.#ref(request.ref) as Record<string | symbol, unknown>;
        const fn = request.member === undefined ? base : base[decodeKey(request.member)];
        return Reflect.apply(fn as Function, this.decode(request.this), request.args.map((arg) => this.decode(arg)));
      }
      case 'construct': {
        const base = this.#ref(request.ref) as Record<string | symbol, unknown>;
        const fn = request.member === undefined ? base : base[decodeKey(request.member)];
        return Reflect.construct(fn as new (...args: unknown[]) => unknown, request.args.map((arg) => this.decode(arg)));
      }
      case 'keys':
        return new Raw(Reflect.ownKeys(this.#ref(request.ref) as object).filter((key) => typeof key === 'string'));
      case 'iterate':
        return new Raw(Array.from(this.#ref(request.ref) as Iterable<unknown>, (value) => this.encode(value)));
      case 'sync':
        return new Blocking(this.#callExport(request.name, request.args));
      case 'input':
        return new Blocking(Promise.resolve((this.#options.input ?? ((prompt: string) => globalThis.prompt(prompt)))(request.prompt)));
      case 'element':
        return (this.#options.findElement ?? ((id: string) => document.getElementById(id)))(request.name);
      case 'release':
        return undefined;
    }
  }

  /** Calls `sync[name]` that main exported, waiting for main to define it if it has not yet. */
  async #callExport(name: string, args: Wire[]): Promise<unknown> {
    if (!(name in this.#exports)) {
      const warning = setTimeout(() => {
        console.warn(`[pyscript] ${this.#label()} is waiting for sync.${name}, which the main thread has not defined (set worker.sync.${name} = ...).`);
      }, MISSING_MS);
      await new Promise<void>((resolve) => {
        const list = this.#waiting.get(name) ?? [];
        list.push(resolve);
        this.#waiting.set(name, list);
      });
      clearTimeout(warning);
    }
    const fn = this.#exports[name];
    if (typeof fn !== 'function') throw new TypeError(`sync.${name} is not a function`);
    return await fn(...args.map((arg) => this.decode(arg)));
  }

  /** Calls into the worker; warns when the worker is blocked waiting on main meanwhile. */
  #invoke(target: { name?: string; fn?: number }, args: unknown[], label: string): Promise<unknown> {
    if (this.#released) return Promise.reject(new Error('The worker was terminated'));
    const id = ++this.#nextCall;
    const promise = new Promise((resolve, reject) => this.#calls.set(id, { resolve, reject }));
    const message: MainMessage = { type: 'invoke', id, ...target, args: args.map((arg) => this.encode(arg)) };
    if (this.#piggyback) this.#piggyback.push(message);
    else this.#post(message);
    if (this.#blockedOn) {
      setTimeout(() => {
        if (this.#calls.has(id) && this.#blockedOn) {
          console.warn(`💀🔒 - Possible deadlock if proxy.${label}(...args) is awaited: the worker is blocked waiting for ${this.#blockedOn}(...) on the main thread, so it cannot run ${label} until that returns.`);
        }
      }, DEADLOCK_MS);
    }
    return promise;
  }

  /** Encodes a main-thread value for the worker. */
  encode(value: unknown): Wire {
    const primitive = encodePrimitive(value);
    if (primitive !== undefined) return primitive;
    if (typeof value === 'function') {
      const fn = this.#fnIds.get(value);
      return fn === undefined ? this.#reference(value) : { $: 'f', i: fn };
    }
    if (value instanceof Raw) return value.value as Wire;
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return encodeBinary(value as ArrayBuffer);
    if (typeof (value as { then?: unknown }).then === 'function') return this.#promise(value as PromiseLike<unknown>);
    return this.#reference(value as object);
  }

  /** Decodes a value the worker sent. */
  decode(wire: Wire): unknown {
    return decodeWire(wire, this.#decodeTagged);
  }

  #decodeTagged = (tagged: SideTagged): unknown => {
    switch (tagged.$) {
      case 'r':
        return this.#ref(tagged.i);
      case 'f':
        return this.#workerFunction(tagged.i);
      case 'e':
        return fromErrorData(tagged.v as ErrorData);
      case 'p':
        return undefined; // the worker never sends main promises back
    }
  };

  #ref(id: number): unknown {
    if (!this.#refs.has(id)) throw new ReferenceError(`The main-thread object #${id} was released`);
    return this.#refs.get(id);
  }

  #reference(value: object): WireTagged {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.#nextRef++;
      this.#ids.set(value, id);
      this.#refs.set(id, value);
    }
    return { $: 'r', i: id, s: shapeOf(value) };
  }

  #drop(id: number): void {
    if (id === WINDOW_REF || id === DOCUMENT_REF) return;
    this.#ids.delete(this.#refs.get(id));
    this.#refs.delete(id);
  }

  #promise(value: PromiseLike<unknown>): WireTagged {
    const id = ++this.#nextPromise;
    Promise.resolve(value).then(
      (result) => this.#post({ type: 'settle', id, value: this.encode(result) }),
      (error) => this.#post({ type: 'settle', id, error: toErrorData(error) }),
    );
    return { $: 'p', i: id };
  }

  /** A main-thread function standing for worker callable `id`. */
  #workerFunction(id: number): Function {
    const existing = this.#fns.get(id)?.deref();
    if (existing) return existing;
    const fn = (...args: unknown[]) => this.#invoke({ fn: id }, args, 'callback');
    this.#fns.set(id, new WeakRef(fn));
    this.#fnIds.set(fn, id);
    this.#registry.register(fn, id);
    return fn;
  }

  #collect(id: number): void {
    if (this.#fns.get(id)?.deref()) return;
    this.#fns.delete(id);
    this.#releasing.push(id);
    if (this.#releasing.length === 1) {
      setTimeout(() => {
        const fns = this.#releasing;
        this.#releasing = [];
        this.#post({ type: 'release', id: 0, fns });
      }, 0);
    }
  }

  #post(message: MainMessage): void {
    if (!this.#released) this.#options.post(message);
  }

  #label(): string {
    return this.#options.label ?? 'A worker';
  }
}

/** A result the worker waits for: the answer is sent once it settles. */
class Blocking {
  constructor(readonly promise: Promise<unknown>) {}
}

/** A value that is already wire data (arrays the worker gets by value). */
class Raw {
  constructor(readonly value: unknown) {}
}
