/**
 * Builds the `_pyscript` module (see {@link PyscriptBridge}) for one
 * interpreter. The helpers here run locally, in whatever thread hosts the
 * interpreter: a worker fetches, imports and opens sockets itself, while its
 * `window`/`document` are proxies of the main thread's, handed in by the
 * caller.
 * @packageDocumentation
 */
import type { PyscriptBridge } from './bridge.js';
import { baseUrl } from './fetch-progress.js';
import { openStore } from './idb-store.js';
import type { InterpreterKind } from './types.js';

export interface BridgeOptions {
  interpreter: InterpreterKind;
  /** The main thread's `window`, or a proxy of it. */
  window: object;
  /** The main thread's `document`, or a proxy of it. */
  document: object;
  /** True when the interpreter lives in a worker. */
  worker?: boolean;
  /** Id of the element `display()` writes to by default. */
  currentTarget(): string;
  /** The element with this id: the main thread also looks in shadow roots; a worker asks main. */
  findElement(id: string): object | null;
  /** The interpreter's config (a plain object). */
  config?: object;
  /** The page URL relative URLs resolve against (default {@link baseUrl}); a worker must pass the page's. */
  baseUrl?: string;
}

/** Builds the `_pyscript` module for one interpreter. */
export function createBridge(options: BridgeOptions): PyscriptBridge {
  const base = options.baseUrl ?? baseUrl();
  const resolve = (url: string) => new URL(url, base).href;
  return {
    RUNNING_IN_WORKER: options.worker ?? false,
    interpreter: options.interpreter,
    window: options.interpreter === 'micropython' && options.window === globalThis ? globalView() : options.window,
    document: options.document,
    config: options.config ?? {},
    current_target: options.currentTarget,
    find_element: options.findElement,
    base_url: base,
    fetch: (url, init) => fetchWithUrl(resolve(url), init),
    storage: openStore,
    WebSocket: globalThis.WebSocket,
    js_import: (...urls) => Promise.all(urls.map((url) => import(/* @vite-ignore */ resolve(url)))),
  };
}

/**
 * `globalThis` as MicroPython's `window`: the same object, except that its
 * methods (`setTimeout`, `addEventListener`…) are bound copies. MicroPython
 * 1.28 keeps one proxy per JavaScript function and remembers on it whether
 * calls pass a `this`; `js.setTimeout` (no `this`, also used by its asyncio)
 * and `window.setTimeout` reached as a method then break each other with
 * "Illegal invocation". Distinct bound copies never share that proxy.
 * Constructors and other values (`Object`, `URL`, `document`) are returned
 * as they are.
 */
function globalView(): object {
  const copies = new WeakMap<object, unknown>();
  return new Proxy(globalThis, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key);
      if (typeof value !== 'function' || Object.hasOwn(value, 'prototype')) return value;
      let copy = copies.get(value);
      if (!copy) copies.set(value, (copy = (value as (...args: unknown[]) => unknown).bind(target)));
      return copy;
    },
    set: (target, key, value) => Reflect.set(target, key, value),
  });
}

/**
 * `fetch()` whose network errors name the URL (the browser's say only
 * "Failed to fetch"). HTTP errors such as 404 resolve, with `ok` false.
 */
async function fetchWithUrl(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new TypeError(`Failed to fetch ${url}: ${(error as Error).message}`, { cause: error });
  }
}
