/**
 * The `atomics` transport: blocking worker → main calls over one
 * `SharedArrayBuffer` (needs a cross-origin isolated page).
 *
 * Layout: three `Int32` slots, then the payload bytes (UTF-8).
 * - `REQUEST` is the sequence number of the last request the worker wrote;
 * - `ANSWER` the sequence number of the last answer main wrote;
 * - `LENGTH` the byte length of the payload in the buffer now.
 *
 * The worker writes a request, bumps `REQUEST` and sleeps in `Atomics.wait`
 * on `ANSWER`. The main thread sleeps in `Atomics.waitAsync` on `REQUEST`
 * (no `postMessage` wake-up: that costs a task and halves the rate), runs the
 * handler, writes the answer over the request, bumps `ANSWER` and notifies.
 * One wake-up each way per call, and often none: each side polls for a few
 * microseconds before it sleeps (`spin.ts`), which is when a quick answer
 * or the worker's next request usually arrives. Main stops serving to yield
 * to its event loop every {@link SLICE_MS} ms of back-to-back requests, so a
 * worker calling in a loop cannot freeze the page. Whichever server's loop
 * runs serves the pending requests of every server of its realm, in turn:
 * two workers calling back to back are served alike even where one
 * server's wake-ups are slow to come (WebKit, whose `waitAsync` wake-ups
 * wait behind the other loop's yields). The buffers are reused.
 * The buffer is a growable `SharedArrayBuffer`: a payload bigger than it
 * grows it (both sides see the new length through length-tracking views).
 *
 * Without `Atomics.waitAsync` (Firefox before 145) main cannot sleep on the
 * buffer: it parks instead, and the worker follows each request with a
 * message on a `BroadcastChannel` named in the init, which wakes it. That
 * costs one task per wake-up; the spins still catch back-to-back requests.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { Spinner } from './spin.js';
import type { BlockingTransport, TransportServer } from './transport.js';

const REQUEST = 0;
const ANSWER = 1;
const LENGTH = 2;
const HEADER = 16;
const INITIAL = 64 * 1024;
const MAX = 1024 * 1024 * 1024;
/**
 * The worker's spin for an answer (ms). Main, when awake on another CPU,
 * answers within a few µs; a longer spin only costs more when the OS put
 * both threads on one CPU (how 20 µs was chosen: bench/README.md,
 * "Measurement history").
 */
const WORKER_SPIN_MS = 0.02;
/** Main's spin for the worker's next request after an answer (ms): a worker that slept needs tens of µs to wake. */
const MAIN_SPIN_MS = 0.1;
/** The longest main serves requests back to back before it yields to its event loop (ms). */
const SLICE_MS = 5;

/** What the worker gets in `server.init`. */
export interface AtomicsInit {
  buffer: SharedArrayBuffer;
  /** The `BroadcastChannel` that wakes main after each request, when main has no `Atomics.waitAsync`. */
  wake?: string;
}

interface GrowableShared extends SharedArrayBuffer {
  grow?(length: number): void;
  readonly growable?: boolean;
  readonly maxByteLength?: number;
}

/** `Atomics.waitAsync` (ES2024; our TS lib is ES2022); undefined in Firefox before 145. */
const waitAsync = (Atomics as unknown as {
  waitAsync?(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Reads and writes UTF-8 payloads in the shared buffer. */
class Payload {
  readonly #buffer: GrowableShared;
  readonly #bytes: Uint8Array;
  #scratch = new Uint8Array(INITIAL);

  constructor(buffer: GrowableShared) {
    this.#buffer = buffer;
    this.#bytes = new Uint8Array(buffer, HEADER); // length-tracking: follows grow()
  }

  /** Writes `text`; returns its byte length. */
  write(text: string): number {
    const needed = text.length * 3;
    if (needed > this.#bytes.length) this.#grow(needed);
    // TextEncoder refuses shared views: encode into a private, reused buffer, then copy.
    if (this.#scratch.length < needed) this.#scratch = new Uint8Array(Math.max(needed, this.#scratch.length * 2));
    const { written } = encoder.encodeInto(text, this.#scratch);
    this.#bytes.set(this.#scratch.subarray(0, written));
    return written;
  }

  read(length: number): string {
    // TextDecoder refuses shared views; copy into a private, reused buffer.
    if (this.#scratch.length < length) this.#scratch = new Uint8Array(Math.max(length, this.#scratch.length * 2));
    this.#scratch.set(this.#bytes.subarray(0, length));
    return decoder.decode(this.#scratch.subarray(0, length));
  }

  #grow(needed: number): void {
    const buffer = this.#buffer;
    const size = Math.min(MAX, Math.max(HEADER + needed, buffer.byteLength * 2));
    if (!buffer.grow || !buffer.growable || size > (buffer.maxByteLength ?? 0) || size < HEADER + needed) {
      throw new PyScriptError(ErrorCode.WORKER, `A value of ${needed} bytes is too big for the worker bridge (at most ${MAX} bytes).`);
    }
    buffer.grow(size);
  }
}

/** Runs `callback` in a task of its own, after what the event loop has queued (no timer clamping). */
function yieldTask(callback: () => void): void {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    callback();
  };
  port2.postMessage(null);
}

function createSharedBuffer(): SharedArrayBuffer {
  try {
    // Growable shared memory (Chromium 111+, Firefox 119+, Safari 16.4+).
    return new (SharedArrayBuffer as unknown as new (length: number, options: object) => SharedArrayBuffer)(INITIAL, { maxByteLength: MAX });
  } catch {
    return new SharedArrayBuffer(INITIAL); // not growable: large payloads throw a clear error
  }
}

/**
 * Main side: creates the buffer and answers requests written into it.
 * @param options.wakeByMessage wake on the worker's messages instead of
 *   `Atomics.waitAsync`; the default is to do so only where it is missing
 *   (tests set it to run that path in every engine)
 */
export function createAtomicsServer({ wakeByMessage = waitAsync === undefined }: { wakeByMessage?: boolean } = {}): TransportServer {
  return new AtomicsServer(createSharedBuffer(), wakeByMessage);
}

/** Worker side: blocks on the buffer that `createAtomicsServer()` made. */
export function createAtomicsTransport(init: unknown): BlockingTransport {
  const { buffer, wake } = (init as Partial<AtomicsInit> | null) ?? {};
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new PyScriptError(ErrorCode.WORKER, 'Bad atomics transport init: expected { buffer: SharedArrayBuffer }.');
  }
  return new AtomicsTransport(buffer, typeof wake === 'string' ? new BroadcastChannel(wake) : undefined);
}

class AtomicsTransport implements BlockingTransport {
  readonly mode = 'atomics' as const;
  readonly #slots: Int32Array;
  readonly #payload: Payload;
  readonly #spinner = new Spinner(WORKER_SPIN_MS);
  readonly #wakeChannel?: BroadcastChannel;
  #seq: number;

  constructor(buffer: SharedArrayBuffer, wakeChannel?: BroadcastChannel) {
    this.#slots = new Int32Array(buffer, 0, 4);
    this.#payload = new Payload(buffer);
    this.#wakeChannel = wakeChannel;
    this.#seq = Atomics.load(this.#slots, REQUEST);
  }

  request(request: string): string {
    const slots = this.#slots;
    const previous = this.#seq;
    const seq = (this.#seq = (previous + 1) | 0);
    slots[LENGTH] = this.#payload.write(request);
    Atomics.store(slots, REQUEST, seq);
    Atomics.notify(slots, REQUEST);
    this.#wakeChannel?.postMessage(seq);
    if (!this.#spinner.spin(() => Atomics.load(slots, ANSWER) === seq)) {
      while (Atomics.load(slots, ANSWER) !== seq) Atomics.wait(slots, ANSWER, previous);
    }
    return this.#payload.read(slots[LENGTH]);
  }
}

class AtomicsServer implements TransportServer {
  /** This realm's listening servers, and where the next look for a pending request starts (fair turns). */
  static readonly #listening: AtomicsServer[] = [];
  static #turn = 0;

  /** A server with a request waiting, looked for from the one after the last served. */
  static #nextPending(): AtomicsServer | undefined {
    const servers = AtomicsServer.#listening;
    for (let i = 0; i < servers.length; i++) {
      const index = (AtomicsServer.#turn + i) % servers.length;
      if (servers[index].#isPending()) {
        AtomicsServer.#turn = index + 1;
        return servers[index];
      }
    }
    return undefined;
  }

  readonly mode = 'atomics' as const;
  readonly init: AtomicsInit;
  readonly #slots: Int32Array;
  readonly #payload: Payload;
  #handler?: (request: string) => string | Promise<string>;
  readonly #spinner = new Spinner(MAIN_SPIN_MS);
  readonly #isPending = () => Atomics.load(this.#slots, REQUEST) !== this.#seen;
  #seen = 0;
  #released = false;
  /** Without waitAsync: the channel the worker wakes us on, and whether we sleep until it does. */
  readonly #wakeChannel?: BroadcastChannel;
  #parked = false;

  constructor(buffer: SharedArrayBuffer, wakeByMessage: boolean) {
    this.#slots = new Int32Array(buffer, 0, 4);
    this.#payload = new Payload(buffer);
    if (wakeByMessage) {
      const name = `pyscript-atomics-${crypto.randomUUID()}`;
      this.#wakeChannel = new BroadcastChannel(name);
      this.#wakeChannel.onmessage = () => {
        // Only a parked server wakes: one serving (or waiting on an async answer) sees the request itself.
        if (!this.#parked) return;
        this.#parked = false;
        this.#wait();
      };
      this.init = { buffer, wake: name };
    } else {
      this.init = { buffer };
    }
  }

  listen(handler: (request: string) => string | Promise<string>): void {
    this.#handler = handler;
    AtomicsServer.#listening.push(this);
    this.#wait();
  }

  release(): void {
    this.#released = true;
    const index = AtomicsServer.#listening.indexOf(this);
    if (index >= 0) AtomicsServer.#listening.splice(index, 1);
    // Wakes our own pending waitAsync so it can see the flag and stop.
    Atomics.notify(this.#slots, REQUEST);
    this.#wakeChannel?.close();
  }

  #wait(): void {
    const slots = this.#slots;
    const sliceEnd = performance.now() + SLICE_MS;
    let next: AtomicsServer | undefined = this;
    // Alone (one worker, the usual page), only our own slot is polled.
    const found = AtomicsServer.#listening.length === 1 ? this.#isPending : () => (next = AtomicsServer.#nextPending()) !== undefined;
    // Serve while requests come, ours or another server's (spinning briefly for the next); park on waitAsync otherwise.
    for (;;) {
      if (this.#released) return;
      if (!this.#spinner.spin(found)) {
        if (this.#wakeChannel || !waitAsync) {
          this.#parked = true; // the worker's message after its next request wakes us
          return;
        }
        const result = waitAsync(slots, REQUEST, this.#seen);
        if (result.async) {
          void result.value.then(() => this.#wait());
          return;
        }
        if (!found()) continue; // 'not-equal': ours came after the spin; found() picks whose turn it is
      }
      if (performance.now() > sliceEnd) return yieldTask(() => this.#wait());
      // Answered asynchronously: our own loop goes on once the answer is written (#serve); another server's is its own.
      if (!next!.#serve(next === this) && next === this) return;
    }
  }

  /**
   * Serves the pending request; true when answered synchronously.
   * @param resume whether this server's loop goes on once an asynchronous answer is written (not when another's loop served it)
   */
  #serve(resume = true): boolean {
    const slots = this.#slots;
    const seq = Atomics.load(slots, REQUEST);
    this.#seen = seq;
    const request = this.#payload.read(slots[LENGTH]);
    let answer: string | Promise<string>;
    try {
      answer = this.#handler!(request);
    } catch (error) {
      answer = Promise.reject(error);
    }
    if (typeof answer === 'string') {
      this.#answer(seq, answer);
      return true;
    }
    answer.then(
      (text) => this.#answer(seq, text),
      (error) => this.#answer(seq, JSON.stringify({ e: { name: 'Error', message: String((error as Error)?.message ?? error) } })),
    ).finally(() => resume && this.#wait());
    return false;
  }

  #answer(seq: number, text: string): void {
    if (this.#released) return;
    const slots = this.#slots;
    try {
      slots[LENGTH] = this.#payload.write(text);
    } catch (error) {
      slots[LENGTH] = this.#payload.write(JSON.stringify({ e: { name: 'Error', message: (error as Error).message } }));
    }
    Atomics.store(slots, ANSWER, seq);
    Atomics.notify(slots, ANSWER);
  }
}
