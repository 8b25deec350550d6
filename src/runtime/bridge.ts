/**
 * The JavaScript half of the Python `pyscript` package. Each interpreter
 * gets one `_pyscript` module built from this shape; the `.py` files under
 * `src/python/pyscript/` read everything host-specific from it, so the same
 * Python runs on the main thread and in workers.
 *
 * DOM work goes only through `window` and `document` (synchronous proxies of
 * the main thread's objects inside a worker). Everything else here (`fetch`,
 * `storage`, `WebSocket`, `js_import`) runs locally, in the thread that hosts
 * the interpreter; `createBridge()` in `bridge-helpers.ts` builds it.
 */

/** One IndexedDB-backed store, as `pyscript.storage()` sees it. */
export interface BridgeStore {
  /** Every `[key, value]` pair, read when the store was opened. */
  entries(): [IDBValidKey, unknown][];
  /** Queues a write; `sync()` waits for it. */
  set(key: IDBValidKey, value: unknown): void;
  delete(key: IDBValidKey): void;
  clear(): void;
  /** Resolves once every queued write is on disk. */
  sync(): Promise<void>;
}

/** What `import _pyscript` gives the Python package. */
export interface PyscriptBridge {
  /** True inside a web worker. */
  RUNNING_IN_WORKER: boolean;
  /** `'pyodide'` or `'micropython'`. */
  interpreter: string;
  /** The main thread's `window` (a proxy when in a worker). */
  window: object;
  /** The main thread's `document` (a proxy when in a worker). */
  document: object;
  /** The parsed config of this interpreter, as a plain object. */
  config: object;
  /** Id of the element `display()` writes to by default for the running script. */
  current_target(): string;
  /** The element with this id, also inside the shadow roots scripts run in; null when there is none. */
  find_element(id: string): object | null;
  /** URL that relative `fetch`/`js_import` URLs resolve against (the page's). */
  base_url: string;
  /** `fetch()` of this thread; a network failure rejects with the URL in the message. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Opens (or creates) the IndexedDB store `name`. */
  storage(name: string): Promise<BridgeStore>;
  /** This thread's `WebSocket` class. */
  WebSocket: typeof WebSocket;
  /** Dynamic `import()` of each URL, in this thread; resolves to the modules, in order. */
  js_import(...urls: string[]): Promise<unknown[]>;
  /** Extra host-specific entries (worker `sync`, `js_modules`, …). */
  [key: string]: unknown;
}
