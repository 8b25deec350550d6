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
 * A wasm file can also be compiled as it downloads ({@link compileEarly}):
 * a loader's `WebAssembly.instantiateStreaming` of it then instantiates the
 * module compiled meanwhile. A loader that gets a response already fully
 * downloaded has the engine validate the whole module in one main-thread
 * task when it asks; compiled as the bytes arrive, that work runs on other
 * threads while `core.js` and the loader's module still evaluate.
 *
 * The answers belong to the JavaScript realm (each worker has its own), as
 * its `fetch` does.
 */

type Answer = () => Promise<Response>;

/** URL → what the next boot-time `fetch` of it gets. */
const answers = new Map<string, Answer>();
/** The answer of a compiled-early URL (a stand-in: the body went to the compiler) → its URL and module. */
const compiledAnswers = new WeakMap<Promise<Response>, { url: string; module: Promise<WebAssembly.Module> }>();
let boots = 0;
let realFetch: typeof fetch | undefined;
let realInstantiateStreaming: typeof WebAssembly.instantiateStreaming | undefined;

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
 */
export function fetchEarly(url: string): void {
  const key = absolute(url);
  if (answers.has(key)) return;
  const response = fetch(key, { credentials: 'same-origin' });
  response.catch(() => undefined); // the loader's own fetch reports a failure
  answers.set(key, () => {
    answers.delete(key);
    return response;
  });
}

/**
 * Starts downloading the wasm file at `url` and compiling it as it arrives
 * (see the module's comment); falls back to {@link fetchEarly} where
 * `WebAssembly.compileStreaming` is missing. The first boot-time
 * `instantiateStreaming` of the URL's `fetch` takes the module; if the
 * compilation failed (say, the server's MIME type is not
 * `application/wasm`), it downloads the file again, and the loader reports
 * or works around the failure as without this.
 */
export function compileEarly(url: string): void {
  if (typeof WebAssembly.compileStreaming !== 'function') return fetchEarly(url);
  const key = absolute(url);
  if (answers.has(key)) return;
  const module = WebAssembly.compileStreaming(fetch(key, { credentials: 'same-origin' }));
  module.catch(() => undefined); // instantiateStreaming falls back
  answers.set(key, () => {
    answers.delete(key);
    // Not for reading: a loader that reads it instead sees a failure and asks again.
    const answer = Promise.resolve(new Response(null, { status: 503, statusText: 'compiled early' }));
    compiledAnswers.set(answer, { url: key, module });
    return answer;
  });
}

async function bootInstantiateStreaming(
  source: Response | PromiseLike<Response>,
  imports?: WebAssembly.Imports,
): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  const compiled = compiledAnswers.get(source as Promise<Response>);
  if (!compiled) return realInstantiateStreaming!.call(WebAssembly, source, imports);
  compiledAnswers.delete(source as Promise<Response>);
  let module: WebAssembly.Module;
  try {
    module = await compiled.module;
  } catch {
    return realInstantiateStreaming!.call(WebAssembly, (realFetch ?? fetch)(compiled.url, { credentials: 'same-origin' }), imports);
  }
  return { module, instance: await WebAssembly.instantiate(module, imports) };
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
 * Pyodide on one page): `fetch` and `WebAssembly.instantiateStreaming` are wrapped while any runs, and restored
 * after the last (unless something else replaced it meanwhile).
 */
export async function duringBoot<T>(boot: () => Promise<T>): Promise<T> {
  if (boots++ === 0) {
    realFetch = globalThis.fetch;
    globalThis.fetch = bootFetch;
    realInstantiateStreaming = WebAssembly.instantiateStreaming;
    if (typeof realInstantiateStreaming === 'function') WebAssembly.instantiateStreaming = bootInstantiateStreaming;
  }
  try {
    return await boot();
  } finally {
    if (--boots === 0) {
      if (globalThis.fetch === bootFetch) globalThis.fetch = realFetch!;
      if (WebAssembly.instantiateStreaming === bootInstantiateStreaming) WebAssembly.instantiateStreaming = realInstantiateStreaming!;
      realFetch = undefined;
      realInstantiateStreaming = undefined;
    }
  }
}
