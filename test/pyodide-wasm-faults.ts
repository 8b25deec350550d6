// Pyodide's wasm made to fail for the page that imports this before core.js: the compressed
// file arrives cut short, and (`plainMissing`) the plain one is a 404. The kept copies of
// earlier files in this browser are dropped first (WebKit reuses its session across files).
/** The paths the page fetched, in order. */
export const asked: string[] = [];

export async function breakPyodideWasm({ plainMissing = false } = {}): Promise<void> {
  await caches.delete('pyscript-snapshot-v1');
  const realFetch = window.fetch;
  window.fetch = async function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const { pathname } = new URL(input instanceof Request ? input.url : String(input), location.href);
    asked.push(pathname);
    if (pathname === '/dist/pyodide/pyodide.asm.wasm.br') {
      const bytes = await (await realFetch.call(this, input, init)).arrayBuffer();
      return new Response(bytes.slice(0, 200_000));
    }
    if (plainMissing && pathname === '/dist/pyodide/pyodide.asm.wasm') return new Response('gone', { status: 404 });
    return realFetch.call(this, input, init);
  };
}
