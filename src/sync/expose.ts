/**
 * The main-thread end of one worker bridge: it dispatches the worker's
 * blocking requests on main-thread objects (by id, in a {@link RefTable}),
 * turns worker callables into main-thread functions that call back
 * asynchronously ({@link StandIns}, freed once collected, so Python code in a
 * worker needs no `create_proxy`), and holds `worker.sync`: functions main
 * exports to the worker and calls of what the worker exported
 * ({@link Exports}, {@link PendingCalls}), watched for deadlocks
 * ({@link DeadlockWatch}).
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
import { DeadlockWatch } from './deadlock.js';
import { Exports } from './exports.js';
import { PendingCalls } from './pending.js';
import { RefTable } from './refs.js';
import { shapeOf } from './shape.js';
import { StandIns } from './stand-ins.js';
import type { TransportServer } from './transport.js';

/** How long a worker may wait for a `sync` name main has not defined before a warning. */
const MISSING_MS = 3000;

/** Options of a {@link MainEndpoint}. */
export interface MainEndpointOptions {
  /** Posts an async message to the worker. */
  post(message: MainMessage): void;
  /** Answers `input()`; `window.prompt` by default. `null`: cancelled (EOFError); `false`: interrupted (KeyboardInterrupt). */
  input?(prompt: string): string | null | false | Promise<string | null | false>;
  /** Names the worker in warnings. */
  label?: string;
  /** Finds an output place by id; `document.getElementById` by default. */
  findElement?(id: string): Element | null;
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
  readonly #refs = new RefTable([[WINDOW_REF, globalThis], [DOCUMENT_REF, globalThis.document]]);
  readonly #exports = new Exports();
  readonly #calls = new PendingCalls();
  #nextPromise = 0;
  /** Main-thread functions standing for worker callables; collected ones are released in the worker. */
  readonly #workerFunctions = new StandIns<Function>(0, (fns) => this.#post({ type: 'release', id: 0, fns }));
  /** The blocking request being served asynchronously, if any: the worker is blocked on it. */
  readonly #deadlock = new DeadlockWatch();
  /** Set while a blocking request is served synchronously: calls into the worker collected for its answer. */
  #piggyback?: MainMessage[];
  #released = false;
  #server?: TransportServer;

  constructor(options: MainEndpointOptions) {
    this.#options = options;
    this.sync = this.#exports.proxy((name, args) => this.#invoke({ name }, args, name), ['then']);
  }

  /** Starts answering the worker's blocking requests through `server`. */
  serve(server: TransportServer): void {
    this.#server = server;
    server.listen((request) => this.handle(request));
  }

  /** Handles an async message from the worker (the lifecycle ones are the caller's). */
  receive(message: WorkerMessage): void {
    if (message.type === 'result') {
      const pending = this.#calls.take(message.id);
      if (!pending) return;
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
      if (request.drop) for (const id of request.drop) this.#refs.drop(id);
      const result = this.#run(request);
      // Only `sync` and `input` keep the worker waiting; any other promise crosses as a promise.
      if (!(result instanceof Blocking)) return this.#answer(`"v":${JSON.stringify(this.encode(result))}`, calls);
      this.#piggyback = undefined;
      this.#flush(calls);
      this.#deadlock.block(request.type === 'sync' ? `sync.${request.name}` : request.type);
      return result.promise.then(
        (value) => `{"v":${JSON.stringify(this.encode(value))}}`,
        (error) => JSON.stringify({ e: toErrorData(error) }),
      ).finally(() => this.#deadlock.unblock());
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
      const value = Reflect.get(this.#refs.get(Number(text.slice(1, colon))) as object, text.slice(colon + 1));
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
    this.#calls.rejectAll(reason);
  }

  #run(request: SyncRequest): unknown {
    switch (request.type) {
      case 'get':
        return Reflect.get(this.#refs.get(request.ref) as object, decodeKey(request.key));
      case 'set':
        return Reflect.set(this.#refs.get(request.ref) as object, decodeKey(request.key), this.decode(request.value));
      case 'has':
        return decodeKey(request.key) in (this.#refs.get(request.ref) as object);
      case 'delete':
        return Reflect.deleteProperty(this.#refs.get(request.ref) as object, decodeKey(request.key));
      case 'apply': {
        const base = this.#refs.get(request.ref) as Record<string | symbol, unknown>;
        const fn = request.member === undefined ? base : base[decodeKey(request.member)];
        return Reflect.apply(fn as Function, this.decode(request.this), request.args.map((arg) => this.decode(arg)));
      }
      case 'construct': {
        const base = this.#refs.get(request.ref) as Record<string | symbol, unknown>;
        const fn = request.member === undefined ? base : base[decodeKey(request.member)];
        return Reflect.construct(fn as new (...args: unknown[]) => unknown, request.args.map((arg) => this.decode(arg)));
      }
      case 'keys':
        return new Raw(Reflect.ownKeys(this.#refs.get(request.ref) as object).filter((key) => typeof key === 'string'));
      case 'iterate':
        return new Raw(Array.from(this.#refs.get(request.ref) as Iterable<unknown>, (value) => this.encode(value)));
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
    if (!this.#exports.has(name)) {
      const warning = setTimeout(() => {
        console.warn(`[pyscript] ${this.#label()} is waiting for sync.${name}, which the main thread has not defined (set worker.sync.${name} = ...).`);
      }, MISSING_MS);
      await this.#exports.defined(name);
      clearTimeout(warning);
    }
    const fn = this.#exports.get(name);
    if (typeof fn !== 'function') throw new TypeError(`sync.${name} is not a function`);
    return await fn(...args.map((arg) => this.decode(arg)));
  }

  /** Calls into the worker; warns when the worker is blocked waiting on main meanwhile. */
  #invoke(target: { name?: string; fn?: number }, args: unknown[], label: string): Promise<unknown> {
    if (this.#released) return Promise.reject(new Error('The worker was terminated'));
    const { id, promise } = this.#calls.add();
    const message: MainMessage = { type: 'invoke', id, ...target, args: args.map((arg) => this.encode(arg)) };
    if (this.#piggyback) this.#piggyback.push(message);
    else this.#post(message);
    this.#deadlock.watch(label, () => this.#calls.has(id));
    return promise;
  }

  /** Encodes a main-thread value for the worker. */
  encode(value: unknown): Wire {
    const primitive = encodePrimitive(value);
    if (primitive !== undefined) return primitive;
    if (typeof value === 'function') {
      const fn = this.#workerFunctions.idOf(value);
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
        return this.#refs.get(tagged.i);
      case 'f':
        return this.#workerFunction(tagged.i);
      case 'e':
        return fromErrorData(tagged.v as ErrorData);
      case 'p':
        return undefined; // the worker never sends main promises back
    }
  };

  #reference(value: object): WireTagged {
    return { $: 'r', i: this.#refs.idOf(value), s: shapeOf(value) };
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
    return this.#workerFunctions.get(id) ?? this.#workerFunctions.add(id, (...args: unknown[]) => this.#invoke({ fn: id }, args, 'callback'));
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
