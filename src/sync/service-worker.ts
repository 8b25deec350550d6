/**
 * The service worker of the SharedArrayBuffer-less fallback
 * (built to `dist/service-worker.js`).
 *
 * Without cross-origin isolation a worker cannot block on `Atomics.wait`, but
 * it can still block on a synchronous `XMLHttpRequest`. This service worker
 * answers such requests: a worker POSTs its serialized request to
 * `<scope>__pyscript_sync__/<page client id>/<channel>/<seq>`, we hand the
 * body to that page through `Client.postMessage` with a reply port, and the
 * page's answer becomes the response body. The worker stays blocked in `send()`
 * the whole time, without spinning.
 *
 * It keeps no state a restart could lose: the page's client id travels in the
 * URL (the page learns it once with a `pyscript-sync:hello` message), so when
 * the browser stops this idle service worker, the next request still finds
 * its page. Only a call that is in flight is held in memory, and a pending
 * fetch keeps the service worker alive. Long calls (an `input()` prompt) are
 * answered with 202 after `wait` ms and re-polled, since Chromium cancels a
 * fetch event after 5 minutes.
 *
 * A POST to `<scope>__pyscript_sync__/probe` is answered at once: a worker
 * asks it before its first call, to learn whether it is controlled (on a
 * first visit it may not be yet, then the page has this worker claim again).
 *
 * Every other request is left alone: no `respondWith`, so it goes to the
 * network exactly as if no service worker were there.
 * @packageDocumentation
 */

// Minimal ServiceWorkerGlobalScope types: the `webworker` lib cannot be mixed
// with the `DOM` lib that the rest of `src/` compiles against.
interface ExtendableEvent extends Event { waitUntil(promise: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { readonly request: Request; respondWith(response: Promise<Response> | Response): void }
interface SwClient { readonly id: string; postMessage(message: unknown, transfer: Transferable[]): void }
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly source: SwClient | null;
  readonly ports: readonly MessagePort[];
}
interface SwScope {
  readonly registration: { readonly scope: string };
  readonly clients: { get(id: string): Promise<SwClient | undefined>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

import type { HelloReply, Marker, PageAnswer, PageRequest, Probe } from './sw-protocol.js';

const sw = self as unknown as SwScope;
const MARKER: Marker = '__pyscript_sync__/';
const PROBE: Probe = 'probe';

/** Pages seen recently, by client id: `clients.get()` costs ~1 ms a call. Lost on restart, refilled on demand. */
const pages = new Map<string, SwClient>();
/** Calls the page has not answered yet, by `<client>/<channel>/<seq>`: survive a 202 re-poll. */
const pending = new Map<string, Promise<PageAnswer>>();

sw.addEventListener('install', (event) => event.waitUntil(sw.skipWaiting()));
// Claim at once: a worker created before activation becomes controlled too.
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type !== 'pyscript-sync:hello' || !event.source) return;
  // Claim again: a worker that started while we were activating is now controlled.
  const reply: HelloReply = { clientId: event.source.id };
  event.waitUntil(sw.clients.claim().then(() => event.ports[0]?.postMessage(reply)));
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const base = new URL(MARKER, sw.registration.scope).pathname;
  if (event.request.method !== 'POST' || !url.pathname.startsWith(base)) return; // not ours: network
  if (url.pathname === base + PROBE) return event.respondWith(respond(200, '')); // "am I controlled?": yes
  const [clientId = '', channel = '', seq = ''] = url.pathname.slice(base.length).split('/').map(decodeURIComponent);
  // Under Chromium's 5-minute cap on one fetch event.
  const wait = Math.min(Number(url.searchParams.get('wait')) || 60_000, 240_000);
  event.respondWith(answer(event.request, clientId, channel, seq, wait));
});

async function answer(request: Request, clientId: string, channel: string, seq: string, wait: number): Promise<Response> {
  const key = `${clientId}/${channel}/${seq}`;
  let reply = pending.get(key);
  if (!reply) {
    const client = pages.get(clientId) ?? await sw.clients.get(clientId);
    if (!client) return respond(410, 'The page that owns this worker is gone.');
    if (pages.size > 64) pages.clear(); // closed pages' entries
    pages.set(clientId, client);
    const body = await request.text();
    reply = ask(client, { type: 'pyscript-sync:request', channel, seq, request: body });
    pending.set(key, reply);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => { timer = setTimeout(resolve, wait, null); });
  const result = await Promise.race([reply, timeout]);
  clearTimeout(timer);
  if (!result) return respond(202, ''); // still waiting: the worker polls again with the same seq
  pending.delete(key);
  return 'answer' in result ? respond(200, result.answer) : respond(result.status, result.error);
}

/** Posts one request to the page and resolves with its answer (or why there is none). */
function ask(client: SwClient, message: PageRequest): Promise<PageAnswer> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (event) => { port1.close(); resolve(event.data as PageAnswer); };
    client.postMessage(message, [port2]);
  });
}

function respond(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/plain;charset=utf-8', 'Cache-Control': 'no-store', 'X-PyScript-Sync': '1' },
  });
}
