/**
 * Messages between the page and `service-worker.ts` in the service-worker
 * fallback. Types only: `dist/service-worker.js` must stay one classic script,
 * so it shares no runtime code (no chunk) with `core.js`.
 * @packageDocumentation
 */

/** Path segment under the service worker's scope that marks a sync request. Keep equal in `service-worker.ts`. */
export type Marker = '__pyscript_sync__/';

/** Page → service worker, with a reply port: "which client am I?" (also re-claims clients). */
export interface HelloMessage {
  type: 'pyscript-sync:hello';
}

/**
 * Worker → service worker: a POST to `<scope>__pyscript_sync__/probe`, which
 * the service worker answers at once (with `X-PyScript-Sync: 1`, as every
 * answer): the worker is controlled. From the network (no such header): not.
 */
export type Probe = 'probe';

/** Service worker → page, on the hello's reply port. */
export interface HelloReply {
  clientId: string;
}

/** Service worker → page, with a reply port: a worker's blocking request. */
export interface PageRequest {
  type: 'pyscript-sync:request';
  channel: string;
  /**
   * The call's sequence number in its channel. A re-poll of a pending call
   * (after a service-worker restart lost it) comes again with the same
   * number: the page answers it from the call it already ran.
   */
  seq: string;
  request: string;
}

/**
 * Page → service worker, on the request's reply port: the answer (a handler
 * that threw answers `{"e": ErrorData}`, as the atomics transport does), or
 * an HTTP status and body for the worker (410: the channel was released).
 */
export type PageAnswer = { answer: string } | { status: number; error: string };
