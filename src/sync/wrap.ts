/**
 * The worker end of the bridge: it sends blocking requests, with
 * `window` and `document` as synchronous proxies of the main thread's
 * (`proxies.ts`, held as {@link StandIns} and dropped on main once
 * collected), the worker's `sync` (functions it exports, and calls of what
 * main exported: {@link Exports}, {@link PendingCalls}), and the answers to
 * main's calls into the worker. Worker callables sent to main are kept by id
 * ({@link KeptCallables}) until main says they are gone.
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
import { Exports } from './exports.js';
import { KeptCallables } from './kept-callables.js';
import { PendingCalls } from './pending.js';
import { createRemote, type RemoteHost } from './proxies.js';
import { StandIns } from './stand-ins.js';
import type { BlockingTransport } from './transport.js';

/** How long collected proxies wait for a request to carry their ids before one of their own goes (ms). */
const DROP_AFTER_MS = 1000;

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
  /**
   * A callable of this worker that main called (an event listener, a timer
   * of main's) threw: nobody in the worker can catch it, so the worker shows
   * it. Main still gets the error, marked `reported`.
   */
  onCallbackError?(error: unknown): void;
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
  /** Proxies of main-thread objects; collected ones ride the next request as `drop`. */
  readonly #proxies = new StandIns<object>(DROP_AFTER_MS, (drop) => this.#send({ type: 'release' }, drop));
  readonly #callables: KeptCallables;
  /** Main-thread promises, by main's id: settled by `settle` messages. */
  readonly #promises = new PendingCalls();
  readonly #exports = new Exports();
  /** Calls of main's `sync` made without a blocking transport. */
  readonly #calls = new PendingCalls();

  constructor(options: WorkerEndpointOptions) {
    this.#options = options;
    this.#transport = options.transport;
    this.#foreign = options.foreign;
    this.#callables = new KeptCallables(options.foreign);
    if (this.#transport) {
      this.window = createRemote(this, WINDOW_REF, { c: 'Window', t: 'Window' });
      this.document = createRemote(this, DOCUMENT_REF, { c: 'HTMLDocument', t: 'HTMLDocument' });
      this.#proxies.pin(WINDOW_REF, this.window);
      this.#proxies.pin(DOCUMENT_REF, this.document);
    }
    this.sync = this.#exports.proxy((name, args) => this.#callMain(name, args), ['then', '_ref']);
  }

  /** Sends a blocking request to main; returns the decoded answer or throws main's error. */
  request(request: Request): unknown {
    return this.#send(request, this.#proxies.takeCollected());
  }

  /** Sends `request` with the ids of collected proxies, `drop`. */
  #send(request: Request, drop: number[]): unknown {
    const transport = this.#transport;
    if (!transport) throw new PyScriptError(ErrorCode.WORKER, this.#options.unavailable);
    const message = request as SyncRequest;
    message.id = ++this.#nextRequest;
    if (drop.length) message.drop = drop;
    return this.#answer(transport.request(JSON.stringify(message)));
  }

  /** `ref[key]` for a string key: the compact form of the commonest request (see `GET_PREFIX`). */
  get(ref: number, key: string): unknown {
    const transport = this.#transport;
    if (!transport) throw new PyScriptError(ErrorCode.WORKER, this.#options.unavailable);
    if (this.#proxies.hasCollected) return this.request({ type: 'get', ref, key });
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
      case 'settle':
      case 'result': {
        const pending = (message.type === 'settle' ? this.#promises : this.#calls).take(message.id);
        if (message.error) pending?.reject(remoteError(message.error));
        else pending?.resolve(this.decode(message.value ?? null));
        break;
      }
      case 'release':
        this.#callables.release(message.fns);
        break;
    }
  }

  /** The top-level code has finished: calls of names it never exported now fail. */
  codeDone(): void {
    this.#exports.close();
  }

  /** The main-thread element with this id, found as {@link MainEndpointOptions.findElement} does (null if none). */
  element(id: string): unknown {
    return this.request({ type: 'element', name: id });
  }

  /** `input()`: blocks until the page answers (null when the user cancelled, false for Ctrl-C in a terminal). */
  input(prompt: string): string | null | false {
    return this.request({ type: 'input', prompt }) as string | null | false;
  }

  /** Encodes a worker value for main. */
  encode(value: unknown): Wire {
    const primitive = encodePrimitive(value);
    if (primitive !== undefined) return primitive;
    const object = value as object;
    const ref = this.#proxies.idOf(object);
    if (ref !== undefined) return { $: 'r', i: ref };
    if (typeof value === 'function') return { $: 'f', i: this.#callables.idOf(value) };
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
        return this.#promises.expect(tagged.i);
      case 'f':
        return this.#callables.get(tagged.i);
      case 'e':
        return remoteError(tagged.v);
    }
  };

  #object(object: Record<string, unknown>): Wire {
    const out: Record<string, Wire> = {};
    for (const key of Object.keys(object)) out[key] = this.encode(object[key]);
    return { $: 'o', v: out };
  }

  #proxy(id: number, shape: Shape): object {
    if (id === WINDOW_REF && this.window) return this.window;
    if (id === DOCUMENT_REF && this.document) return this.document;
    // Collected ones are released through the blocking lane, so they stay ordered with the requests that hand ids out.
    return this.#proxies.get(id) ?? this.#proxies.add(id, createRemote(this, id, shape));
  }

  /** `sync.name(...)` in the worker: blocks on main's function, or returns a promise without a transport. */
  #callMain(name: string, args: unknown[]): unknown {
    const wires = args.map((arg) => this.encode(arg));
    if (this.#transport) return this.request({ type: 'sync', name, args: wires });
    const { id, promise } = this.#calls.add();
    this.#options.post({ type: 'call', id, name, args: wires });
    return promise;
  }

  async #answerInvoke(id: number, fnId: number | undefined, name: string | undefined, args: Wire[]): Promise<void> {
    try {
      let fn: unknown;
      if (fnId !== undefined) {
        fn = this.#callables.get(fnId);
        if (!fn) throw new ReferenceError('This worker callback was released');
      } else {
        const key = name ?? '';
        // main may call an export before the top-level code that defines it has run.
        await this.#exports.defined(key);
        fn = this.#exports.get(key);
        if (typeof fn !== 'function') throw new TypeError(`sync.${key} is not defined in the worker (put it there with sync.${key} = ... or __export__)`);
      }
      let result = (fn as Function)(...args.map((arg) => this.decode(arg)));
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') result = await result;
      this.#options.post({ type: 'result', id, value: this.encode(result) });
    } catch (error) {
      const data = toErrorData(error);
      if (fnId !== undefined && this.#options.onCallbackError) {
        this.#options.onCallbackError(error);
        data.reported = true;
      }
      this.#options.post({ type: 'result', id, error: data });
    }
  }
}

/** Rebuilds main's error in the worker, where Python shows `name: message`. */
function remoteError(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
