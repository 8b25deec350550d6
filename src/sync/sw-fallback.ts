/**
 * The service-worker transport: blocking worker → main calls without
 * SharedArrayBuffer (coincident's "sabayon" idea, our own code).
 *
 * The worker sends each request as a synchronous `XMLHttpRequest`, which
 * blocks it without spinning. `dist/service-worker.js` intercepts that request
 * and passes its body to the page that owns the worker; the page runs the
 * handler and the answer comes back as the response body. The page's
 * service-worker client id travels in the request URL, so the service worker
 * keeps no state that its restarts could lose (see `service-worker.ts`).
 *
 * What makes it work: a dedicated worker's requests reach a service worker
 * only if the worker itself is controlled, which happens when its script URL
 * is inside the registration's scope (Chromium matches a worker by its own
 * URL; the page need not be controlled). `dist/worker.js` sits next to
 * `dist/service-worker.js`, so the default scope (`dist/`) covers it and no
 * `Service-Worker-Allowed` header is needed.
 *
 * Cost: every call is an HTTP round trip through the service worker, a few
 * ms each, against microseconds with Atomics (figures in bench/README.md).
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError, toErrorData } from '../errors.js';
import type { HelloMessage, HelloReply, Marker, PageAnswer, PageRequest, Probe } from './sw-protocol.js';
import type {
  BlockingTransport,
  CreateServiceWorkerTransport,
  TransportMode,
  TransportServer,
} from './transport.js';

const MARKER: Marker = '__pyscript_sync__/';
const PROBE: Probe = 'probe';

/** Where the README explains headers and this fallback. */
const HELP = 'see the README section "SharedArrayBuffer" (#sharedarraybuffer)';

/** How a channel blocks: a transport mode, or `'none'` when sync calls are impossible. */
export type SyncMode = TransportMode | 'none';

/** True when `Atomics.wait` on shared memory can work: SharedArrayBuffer exists and the page is cross-origin isolated. */
export function hasSharedMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

/**
 * Picks the blocking mechanism of a new channel: Atomics when shared memory
 * works, else the service worker when one was given (`service-worker`
 * attribute, `service_worker` option), else `'none'` (the worker runs, but
 * sync access to `window`/`document` raises).
 */
export function selectSyncMode(serviceWorkerUrl: string | null | undefined, shared: boolean = hasSharedMemory()): SyncMode {
  if (shared) return 'atomics';
  return serviceWorkerUrl ? 'service-worker' : 'none';
}

/** What the worker needs to reach the service worker (`server.init`). */
export interface ServiceWorkerInit {
  /** Absolute URL of the marker path under the service worker's scope, ending in `/`. */
  base: string;
  /** The page's service-worker client id: where the service worker forwards requests. */
  clientId: string;
  channel: string;
  /** ms the service worker holds a request before a 202 "poll again". */
  wait: number;
  /** For error messages. */
  scriptURL: string;
}

/** Options beyond the `CreateServiceWorkerServer` signature, for tests and unusual layouts. */
export interface ServiceWorkerServerOptions {
  /** Registration scope; default: the service worker script's directory. */
  scope?: string;
  /** ms before a pending call is re-polled (default 60 000; Chromium cancels fetch events after 5 min). */
  wait?: number;
  /** ms to wait for the service worker to activate and answer its first message (default 15 000). */
  timeout?: number;
}

interface Connection {
  scriptURL: string;
  scope: string;
  clientId: string;
  /** A worker its active service worker does not control yet asks for another hello (a claim). */
  registration: ServiceWorkerRegistration;
}

/**
 * The service-worker channels of one page: its registrations (one per
 * script URL and scope, made on first use) and its live servers, whose
 * requests the page's listener on `navigator.serviceWorker` routes by
 * channel id.
 */
export class ServiceWorkerChannels {
  readonly #connections = new Map<string, Promise<Connection>>();
  readonly #servers = new Map<string, ServiceWorkerServer>();
  /** Channels released here: a late request gets a 410 (never silence, which would keep its worker blocked). */
  readonly #released = new Set<string>();
  readonly #onMessage = (event: MessageEvent) => this.#receive(event);

  /**
   * Main side: registers (once per page) the service worker at
   * `serviceWorkerUrl` (a relative URL resolves as `register()` resolves it,
   * against the page) and answers the blocking requests of one worker,
   * which it needs not know: requests carry their channel id. Open it
   * before posting the worker its `init`.
   * @throws PyScriptError (`WORKER`) when service workers are unavailable or the script cannot be registered.
   */
  async open(serviceWorkerUrl: string, options: ServiceWorkerServerOptions = {}): Promise<TransportServer> {
    const { scope } = options;
    const key = `${serviceWorkerUrl} ${scope ?? ''}`;
    let connection = this.#connections.get(key);
    if (!connection) {
      connection = this.#connect(serviceWorkerUrl, scope, options.timeout ?? 15_000);
      this.#connections.set(key, connection);
      connection.catch(() => this.#connections.delete(key)); // let a later script retry
    }
    const { scriptURL, scope: actualScope, clientId, registration } = await connection;
    const init: ServiceWorkerInit = {
      base: new URL(MARKER, actualScope).href,
      clientId,
      channel: crypto.randomUUID(),
      wait: options.wait ?? 60_000,
      scriptURL,
    };
    const server = new ServiceWorkerServer(init, () => {
      this.#servers.delete(init.channel);
      this.#released.add(init.channel);
    }, async () => {
      const { active } = registration;
      if (active) await withTimeout((signal) => hello(active, signal), options.timeout ?? 15_000, serviceWorkerUrl);
    });
    this.#servers.set(init.channel, server);
    return server;
  }

  async #connect(url: string, scope: string | undefined, timeout: number): Promise<Connection> {
    const container = globalThis.navigator?.serviceWorker;
    if (!container) {
      throw new PyScriptError(ErrorCode.WORKER, `Service workers are not available here (they need https or localhost), so the service-worker fallback cannot run; ${HELP}.`);
    }
    let registration: ServiceWorkerRegistration;
    try {
      registration = await container.register(url, scope === undefined ? {} : { scope });
    } catch (cause) {
      throw new PyScriptError(ErrorCode.WORKER, `Could not register the service worker ${url}: ${(cause as Error).message}; ${HELP}.`, { cause });
    }
    container.addEventListener('message', this.#onMessage);
    container.startMessages();
    // One deadline for both steps, activation and the first hello.
    const { active, clientId } = await withTimeout(
      (signal) => activated(registration).then(async (active) => ({ active, ...await hello(active, signal) })), timeout, url);
    return { scriptURL: active.scriptURL, scope: registration.scope, clientId, registration };
  }

  /** A request the service worker forwarded: to its server, a 410 for a released channel, else not ours (another copy of core.js). */
  #receive(event: MessageEvent): void {
    const data = event.data as Partial<PageRequest> | null;
    if (data?.type !== 'pyscript-sync:request' || typeof data.channel !== 'string') return;
    const port = event.ports[0];
    if (!port) return;
    const server = this.#servers.get(data.channel);
    if (server) return server.receive(String(data.request), port, String(data.seq ?? ''));
    if (this.#released.has(data.channel)) {
      const gone: PageAnswer = { status: 410, error: 'The sync channel was released (its worker was terminated).' };
      port.postMessage(gone);
    }
  }
}

/**
 * What `start` resolves to, or the error that the service worker at `url`
 * did not answer within `timeout` ms; `start`'s signal aborts then, so it
 * can let go of what it waits on.
 */
async function withTimeout<T>(start: (signal: AbortSignal) => Promise<T>, timeout: number, url: string): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PyScriptError(ErrorCode.WORKER,
        `The service worker ${url} did not answer within ${timeout} ms: the service-worker attribute must point at pyscript-elements' dist/service-worker.js; ${HELP}.`));
    }, timeout);
  });
  try {
    return await Promise.race([start(controller.signal), silent]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Says hello to the activated service worker: it answers with the page's
 * client id, after claiming the clients in its scope (so a worker that
 * started while it was activating, or that was not running yet when it was
 * last claimed, is then controlled).
 */
function hello(active: ServiceWorker, signal: AbortSignal): Promise<HelloReply> {
  const { port1, port2 } = new MessageChannel();
  const reply = new Promise<HelloReply>((resolve) => {
    port1.onmessage = (event) => {
      port1.close();
      resolve(event.data as HelloReply);
    };
  });
  // No answer in time: the caller has given up, and the port is not kept open for one.
  signal.addEventListener('abort', () => port1.close(), { once: true });
  const message: HelloMessage = { type: 'pyscript-sync:hello' };
  active.postMessage(message, [port2]);
  return reply;
}

/**
 * Resolves with the registration's newest service worker once it is
 * activated (and so has claimed its clients). A version still installing
 * (first visit, or a changed script) is waited for rather than the old one.
 */
function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const candidate = registration.installing ?? registration.waiting;
  const active = registration.active;
  if (!candidate) {
    return active
      ? Promise.resolve(active)
      : Promise.reject(new PyScriptError(ErrorCode.WORKER, `The service worker for ${registration.scope} has no installing or active version.`));
  }
  return new Promise((resolve, reject) => {
    const check = () => {
      if (candidate.state === 'activated') resolve(candidate);
      else if (candidate.state === 'redundant') {
        // Replaced by a newer version, or it failed to install.
        const next = registration.installing ?? registration.waiting ?? registration.active;
        if (next && next !== candidate) activated(registration).then(resolve, reject);
        else reject(new PyScriptError(ErrorCode.WORKER, `The service worker ${candidate.scriptURL} failed to install.`));
      }
    };
    candidate.addEventListener('statechange', check);
    check();
  });
}

/** Main side of one channel: queues requests until `listen()`, then answers each on its reply port. */
class ServiceWorkerServer implements TransportServer {
  readonly mode = 'service-worker' as const;
  readonly init: ServiceWorkerInit;
  readonly #onRelease: () => void;
  readonly #reclaim: () => Promise<void>;
  #handler: ((request: string) => string | Promise<string>) | null = null;
  #queue: [string, MessagePort, string][] = [];
  /**
   * The latest call and its answer. A worker makes one blocking call at a
   * time, so a request with the same sequence number is that call polled
   * again (the service worker restarted and lost it): it gets this answer,
   * and the handler does not run twice. A new number means the worker has
   * its answer, so only the latest is kept.
   */
  #latest?: { seq: string; answer: Promise<string> };

  constructor(init: ServiceWorkerInit, onRelease: () => void, reclaim: () => Promise<void>) {
    this.init = init;
    this.#onRelease = onRelease;
    this.#reclaim = reclaim;
  }

  reclaim(): Promise<void> {
    return this.#reclaim();
  }

  listen(handler: (request: string) => string | Promise<string>): void {
    this.#handler = handler;
    const queued = this.#queue;
    this.#queue = [];
    for (const [request, port, seq] of queued) this.receive(request, port, seq);
  }

  release(): void {
    this.#onRelease();
    this.#handler = null;
    const gone: PageAnswer = { status: 410, error: 'The sync channel was released.' };
    for (const [, port] of this.#queue) port.postMessage(gone);
    this.#queue = [];
  }

  receive(request: string, port: MessagePort, seq: string): void {
    if (!this.#handler) return void this.#queue.push([request, port, seq]);
    const latest = this.#latest;
    const answer = seq && latest?.seq === seq ? latest.answer : this.#run(request);
    if (seq) this.#latest = { seq, answer };
    void answer.then((text) => {
      const reply: PageAnswer = { answer: text };
      port.postMessage(reply);
      port.close();
    });
  }

  async #run(request: string): Promise<string> {
    try {
      return await this.#handler!(request);
    } catch (error) {
      // The worker is blocked on this call: the error must reach it as data, never as silence.
      // Same shape as the atomics transport (a `SyncAnswer` with `e`), so both modes behave alike.
      return JSON.stringify({ e: toErrorData(error) });
    }
  }
}

/**
 * Worker side: builds the blocking transport from `server.init`.
 * @throws PyScriptError (`WORKER`) when `init` is not a service-worker init.
 */
export const createServiceWorkerTransport: CreateServiceWorkerTransport = (init) => {
  const data = init as Partial<ServiceWorkerInit> | null;
  if (!data || typeof data.base !== 'string' || typeof data.clientId !== 'string' || typeof data.channel !== 'string') {
    throw new PyScriptError(ErrorCode.WORKER, 'Bad service-worker transport init: expected { base, clientId, channel }.');
  }
  return new ServiceWorkerTransport(data as ServiceWorkerInit);
};

class ServiceWorkerTransport implements BlockingTransport {
  readonly mode = 'service-worker' as const;
  readonly #init: ServiceWorkerInit;
  readonly #prefix: string;
  #seq = 0;

  constructor(init: ServiceWorkerInit) {
    this.#init = init;
    this.#prefix = `${init.base}${encodeURIComponent(init.clientId)}/${encodeURIComponent(init.channel)}/`;
  }

  /**
   * A worker is controlled by the service worker when it is in its scope
   * and was running when the service worker last claimed its clients. On a
   * first visit the worker starts while the service worker installs, and a
   * claim skips a worker whose script has not run yet (seen in Firefox under
   * load): then main asks for another claim, up to a few times. Still not
   * controlled, the first request says so.
   */
  async connect(reclaim: () => Promise<void>): Promise<void> {
    for (let attempt = 0; attempt < 3 && !this.#controlled(); attempt++) await reclaim();
  }

  #controlled(): boolean {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${this.#init.base}${PROBE}`, false);
    try {
      xhr.send();
    } catch {
      return false;
    }
    return xhr.getResponseHeader('X-PyScript-Sync') === '1';
  }

  request(request: string): string {
    const url = `${this.#prefix}${++this.#seq}?wait=${this.#init.wait}`;
    for (;;) {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url, false);
      xhr.setRequestHeader('Content-Type', 'text/plain;charset=utf-8');
      try {
        // The body goes again on a re-poll: if the service worker was restarted meanwhile, it needs it.
        xhr.send(request);
      } catch (cause) {
        throw new PyScriptError(ErrorCode.WORKER, `A sync call through the service worker failed: ${(cause as Error).message}`, { cause });
      }
      if (xhr.getResponseHeader('X-PyScript-Sync') !== '1') throw this.#notControlled(xhr.status);
      switch (xhr.status) {
        case 200: return xhr.responseText;
        case 202: continue; // still waiting for the page: poll again, same seq
        default: throw new PyScriptError(ErrorCode.WORKER, `A sync call through the service worker failed (${xhr.status}): ${xhr.responseText}`);
      }
    }
  }

  #notControlled(status: number): PyScriptError {
    return new PyScriptError(ErrorCode.WORKER,
      `The service worker ${this.#init.scriptURL} did not answer a sync call (HTTP ${status} from the network): this worker is not controlled by it. ` +
      `A worker is controlled when its script URL is inside the service worker's scope (${new URL('..', this.#init.base).href}); ${HELP}.`);
  }
}
