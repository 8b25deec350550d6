// Pyodide's wasm is downloaded as the build compressed it (dist/pyodide/pyodide.asm.wasm.br)
// and decoded as it arrives (src/runtime/pyodide-snapshot.ts, `decodedWasm`).
import { expect } from '@open-wc/testing';

type Decode = (response: Response, decoder: Promise<Response>, fallback: () => Promise<Response>) => Promise<Response>;
const { decodedWasm } = (await import(/* @vite-ignore */ '/dist/pyodide-snapshot.js' as string)) as { decodedWasm: Decode };

const decoder = () => fetch('/dist/pyodide/brotli-dec.wasm');
const digest = async (bytes: ArrayBuffer) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).join();
const noFallback = () => Promise.reject(new Error('the fallback was used'));

describe('Pyodide\'s wasm, compressed by the build', function () {
  this.timeout(60_000);

  it('decodes to the very bytes of pyodide.asm.wasm, as a wasm response', async () => {
    const decoded = await decodedWasm(await fetch('/dist/pyodide/pyodide.asm.wasm.br'), decoder(), noFallback);
    expect(decoded.headers.get('content-type')).to.equal('application/wasm');
    const plain = await (await fetch('/dist/pyodide/pyodide.asm.wasm')).arrayBuffer();
    const bytes = await decoded.arrayBuffer();
    expect(bytes.byteLength).to.equal(plain.byteLength);
    expect(await digest(bytes)).to.equal(await digest(plain));
  });

  it('passes on a body that is wasm already (a server that sent it with Content-Encoding)', async () => {
    const wasm = await (await fetch('/dist/micropython/micropython.wasm')).arrayBuffer();
    const decoded = await decodedWasm(new Response(wasm), decoder(), noFallback);
    expect(await digest(await decoded.arrayBuffer())).to.equal(await digest(wasm));
  });

  it('fetches the plain file when the compressed one is missing', async () => {
    const plain = new Response('plain');
    const decoded = await decodedWasm(await fetch('/dist/pyodide/no-such-file.wasm.br'), decoder(), () => Promise.resolve(plain));
    expect(decoded).to.equal(plain);
  });

  it('fails, without hanging, when the compressed file is cut short', async () => {
    const compressed = await (await fetch('/dist/pyodide/pyodide.asm.wasm.br')).arrayBuffer();
    const decoded = await decodedWasm(new Response(compressed.slice(0, 100_000)), decoder(), noFallback);
    // Read by hand: Response.arrayBuffer() replaces the stream's error with its own in Chromium and Firefox.
    const reader = decoded.body!.getReader();
    const failure = await (async () => {
      for (;;) if ((await reader.read()).done) return undefined;
    })().catch((error: unknown) => error);
    expect(String(failure)).to.match(/truncated wasm/);
  });
});
