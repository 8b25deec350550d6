/**
 * The blocking leg of the worker bridge, as a swappable transport.
 *
 * A worker that must call the main thread synchronously (Python reading
 * `document.title`) sends one string and blocks until main answers with one
 * string. Two transports do that: `atomics` (SharedArrayBuffer +
 * `Atomics.wait`, needs cross-origin isolation) and `service-worker` (a sync
 * XHR that a service worker answers by asking the page). The mode is picked
 * once, when the channel is created, and is visible as `transport.mode`.
 *
 * Setup travels over the worker's ordinary `postMessage` channel: the main
 * side creates a `TransportServer`, whose `init` value (structured-cloneable)
 * is posted to the worker, which builds its `BlockingTransport` from it.
 *
 * `src/sync/sw-fallback.ts` has `ServiceWorkerChannels.open()` (main, one
 * registry per page) and `createServiceWorkerTransport` (worker);
 * `src/sync/atomics.ts` has `createAtomicsServer` / `createAtomicsTransport`.
 */

/** Which blocking mechanism a channel uses. */
export type TransportMode = 'atomics' | 'service-worker';

/** Worker side: one blocking request/response to the main thread. */
export interface BlockingTransport {
  readonly mode: TransportMode;
  /** Sends `request` (already serialized) and blocks until main answers; returns main's serialized answer. */
  request(request: string): string;
  /**
   * Worker side, once, before the first request: makes sure requests will
   * reach main. `reclaim` asks main to have its server try again (the
   * service worker claims this worker); resolves when main has.
   */
  connect?(reclaim: () => Promise<void>): Promise<void>;
}

/** Main side: answers a worker's blocking requests. */
export interface TransportServer {
  readonly mode: TransportMode;
  /**
   * Structured-cloneable data the worker needs to build its
   * `BlockingTransport` (a SharedArrayBuffer, or the service worker URL and a
   * channel id); sent to the worker once, at startup.
   */
  readonly init: unknown;
  /** `handler` may be async; the worker stays blocked until it settles. */
  listen(handler: (request: string) => string | Promise<string>): void;
  /** Stops answering and frees what the server holds. */
  release(): void;
  /** Answers a worker's `reclaim` (see `BlockingTransport.connect`). */
  reclaim?(): Promise<void>;
}

/** Worker side factory for the service-worker mode: built from `server.init`. */
export type CreateServiceWorkerTransport = (init: unknown) => BlockingTransport;
