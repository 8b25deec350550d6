/**
 * Answers for the requests an interpreter's loader makes while it boots,
 * ready before the loader asks: a download started early (the wasm, while
 * the loader's own module still downloads) or a response made here (the
 * empty stand-in for Pyodide's standard library). While a boot runs, a
 * `fetch` of such a URL takes its answer, once, without a second request.
 *
 * Why not `<link rel="preload" as="fetch">`: Chromium and Firefox hand a
 * preloaded response to the loader's `fetch`, WebKit downloads the file a
 * second time (9.6 MB more for Pyodide's wasm). A `fetch` started early is
 * one request in every engine.
 *
 * The answers belong to the JavaScript realm (each worker has its own), as
 * its `fetch` does.
 */

type Answer = () => Promise<Response>;

/** URL → what the next boot-time `fetch` of it gets. */
const answers = new Map<string, Answer>();
/** The downloads {@link fetchEarly} started that no boot has taken yet, by URL. */
const early = new Map<string, AbortController>();
let boots = 0;
let realFetch: typeof fetch | undefined;

const absolute = (input: RequestInfo | URL): string =>
  new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href).href;

function bootFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const answer = answers.get(absolute(input));
  if (answer) return answer();
  return realFetch!.call(globalThis, input, init);
}

/**
 * Starts downloading `url` now (credentials as a loader's `fetch` sends
 * them); the first `fetch` of it during a boot takes the response. For the
 * wasm, while the loader's module downloads and evaluates (what it saves:
 * bench/README.md, "Measurement history"). A second
 * call for the same URL does nothing while the first is not taken.
 * `start`: how to get the response instead of a plain `fetch` of `url`
 * (Pyodide's wasm is downloaded compressed and decoded here), given the
 * signal that {@link dropEarly} aborts.
 */
export function fetchEarly(url: string, start?: (signal: AbortSignal) => Promise<Response>): void {
  const key = absolute(url);
  if (answers.has(key)) return;
  const controller = new AbortController();
  const { signal } = controller;
  const response = start ? start(signal) : fetch(key, { credentials: 'same-origin', signal });
  response.catch(() => undefined); // the loader's own fetch reports a failure
  early.set(key, controller);
  answers.set(key, () => {
    answers.delete(key);
    early.delete(key);
    return response;
  });
}

/**
 * Stops the early download of `url` if no boot has taken it: the page's
 * config named another interpreter, whose own file is `instead` (kept when
 * it is the same URL). Whether it stopped one.
 */
export function dropEarly(url: string, instead: string): boolean {
  const key = absolute(url);
  if (key === absolute(instead)) return false;
  const controller = early.get(key);
  if (!controller) return false;
  early.delete(key);
  answers.delete(key);
  controller.abort();
  return true;
}

/** Files downloaded here for the workers this page will start (main's realm), by URL. */
const kept = new Map<string, Promise<ArrayBuffer>>();

/**
 * The bytes of `url`, downloaded once (from the first call) and kept for
 * the workers this page starts. A worker asks for its interpreter only
 * once its own script has downloaded and run, a round trip or two later;
 * sent the bytes, it does not ask (measured: bench/README.md).
 */
export function keepForWorkers(url: string): Promise<ArrayBuffer> {
  const key = absolute(url);
  let bytes = kept.get(key);
  if (!bytes) {
    bytes = fetch(key, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    bytes.catch(() => undefined); // the worker then fetches it, and reports a failure
    kept.set(key, bytes);
  }
  return bytes;
}

/**
 * In a worker: the next boot-time `fetch` of `url` is answered with the
 * bytes main sends (`type` its Content-Type), once they arrive; when main
 * has none (`null`), with a request of its own.
 */
export function answerFromBytes(url: string, bytes: Promise<ArrayBuffer | null>, type: string): void {
  const key = absolute(url);
  answers.set(key, () => {
    answers.delete(key);
    return bytes.then((body) => body
      ? new Response(body, { headers: { 'Content-Type': type } })
      : globalThis.fetch(key, { credentials: 'same-origin' }));
  });
}

/** While boots run, every `fetch` of `url` answers `make()` without a request; until `forget()`. */
export function answerDuringBoot(url: string, make: () => Response): () => void {
  const key = absolute(url);
  const answer: Answer = () => Promise.resolve(make());
  answers.set(key, answer);
  return () => {
    if (answers.get(key) === answer) answers.delete(key);
  };
}

/**
 * Runs `boot` with the answers in place. Boots may overlap (MicroPython and
 * Pyodide on one page): `fetch` is wrapped while any runs, and restored
 * after the last (unless something else replaced it meanwhile).
 */
export async function duringBoot<T>(boot: () => Promise<T>): Promise<T> {
  if (boots++ === 0) {
    realFetch = globalThis.fetch;
    globalThis.fetch = bootFetch;
  }
  try {
    return await boot();
  } finally {
    if (--boots === 0) {
      if (globalThis.fetch === bootFetch) globalThis.fetch = realFetch!;
      realFetch = undefined;
    }
  }
}
