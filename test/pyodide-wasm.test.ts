// Pyodide's wasm is downloaded as the build compressed it (dist/pyodide/pyodide.asm.wasm.br)
// and decoded as it arrives (src/runtime/pyodide-snapshot.ts, `decodedWasm`).
import { expect } from '@open-wc/testing';

type Kept = Promise<{ cache: Cache; hit: Response | undefined } | undefined>;
type Decode = (url: string, response: Response, decoder: Promise<Response>, fallback: () => Promise<Response>, cached?: Kept, digest?: Promise<string | undefined>) => Promise<Response>;
const { decodedWasm } = (await import(/* @vite-ignore */ '/dist/pyodide-snapshot.js' as string)) as { decodedWasm: Decode };

const decoder = () => fetch('/dist/pyodide/brotli-dec.wasm');
const digest = async (bytes: ArrayBuffer) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).join();
const noFallback = () => Promise.reject(new Error('the fallback was used'));
/** The error reading `response`'s body ends with, if any; read by hand: Response.arrayBuffer() replaces the stream's error with its own in Chromium and Firefox. */
async function readFailure(response: Response): Promise<unknown> {
  const reader = response.body!.getReader();
  try {
    while (!(await reader.read()).done);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('Pyodide\'s wasm, compressed by the build', function () {
  this.timeout(60_000);

  it('decodes to the very bytes of pyodide.asm.wasm, as a wasm response', async () => {
    const decoded = await decodedWasm('/x', await fetch('/dist/pyodide/pyodide.asm.wasm.br'), decoder(), noFallback);
    expect(decoded.headers.get('content-type')).to.equal('application/wasm');
    const plain = await (await fetch('/dist/pyodide/pyodide.asm.wasm')).arrayBuffer();
    const bytes = await decoded.arrayBuffer();
    expect(bytes.byteLength).to.equal(plain.byteLength);
    expect(await digest(bytes)).to.equal(await digest(plain));
  });

  it('decodes with the engine\'s brotli where DecompressionStream has it, without the decoder\'s wasm', async function () {
    try {
      new DecompressionStream('brotli' as CompressionFormat);
    } catch {
      this.skip(); // Chromium and WebKit in 2026
    }
    const decoded = await decodedWasm('/x', await fetch('/dist/pyodide/pyodide.asm.wasm.br'), undefined, noFallback);
    const plain = await (await fetch('/dist/pyodide/pyodide.asm.wasm')).arrayBuffer();
    expect(await digest(await decoded.arrayBuffer())).to.equal(await digest(plain));
    const compressed = await (await fetch('/dist/pyodide/pyodide.asm.wasm.br')).arrayBuffer();
    const cut = await decodedWasm('/x', new Response(compressed.slice(0, 100_000)), undefined, noFallback);
    const failure = await readFailure(cut);
    expect(String(failure)).to.match(/truncated or spoilt wasm/);
  });

  it('passes on a body that is wasm already (a server that sent it with Content-Encoding)', async () => {
    const wasm = await (await fetch('/dist/micropython/micropython.wasm')).arrayBuffer();
    const decoded = await decodedWasm('/x', new Response(wasm), decoder(), noFallback);
    expect(await digest(await decoded.arrayBuffer())).to.equal(await digest(wasm));
  });

  it('fetches the plain file when the compressed one is missing', async () => {
    const plain = new Response('plain');
    const decoded = await decodedWasm('/x', await fetch('/dist/pyodide/no-such-file.wasm.br'), decoder(), () => Promise.resolve(plain));
    expect(decoded).to.equal(plain);
  });

  it('fails, without hanging, when the compressed file is cut short', async () => {
    const compressed = await (await fetch('/dist/pyodide/pyodide.asm.wasm.br')).arrayBuffer();
    const decoded = await decodedWasm('/x', new Response(compressed.slice(0, 100_000)), decoder(), noFallback);
    const failure = await readFailure(decoded);
    expect(String(failure)).to.match(/truncated or spoilt wasm/);
  });
});

describe('Pyodide\'s wasm, kept decoded in the Cache API', function () {
  this.timeout(60_000);
  const url = new URL('/test/kept-wasm.wasm.br', location.href).href;
  const name = 'test-kept-wasm';
  const lookUp = async () => {
    const cache = await caches.open(name);
    return { cache, hit: await cache.match(url) };
  };
  /** The cache's entry for `url`, once the put (after the last chunk) is done. */
  const kept = async () => {
    for (let i = 0; i < 100; i++) {
      const hit = await (await caches.open(name)).match(url);
      if (hit) return hit;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return undefined;
  };
  const wasm = () => fetch('/dist/micropython/micropython.wasm').then((response) => response.arrayBuffer());
  beforeEach(() => caches.delete(name));
  after(() => caches.delete(name));

  it('is kept once decoded, under the digest, and a later visit with that digest gets the kept copy', async () => {
    const bytes = await wasm();
    const first = await decodedWasm(url, new Response(bytes), decoder(), noFallback, lookUp(), Promise.resolve('v1'));
    await first.arrayBuffer();
    const entry = await kept();
    expect(entry?.headers.get('x-pyscript-snapshot')).to.equal('v1');
    expect(entry?.headers.get('content-type')).to.equal('application/wasm');
    let cancelled = false;
    const download = new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array([0, 97, 115, 109])), cancel: () => void (cancelled = true) }));
    const second = await decodedWasm(url, download, decoder(), noFallback, lookUp(), Promise.resolve('v1'));
    expect(await digest(await second.arrayBuffer())).to.equal(await digest(bytes));
    expect(cancelled, 'the download was stopped').to.equal(true);
  });

  it('is not used under another digest: the download is, and kept anew', async () => {
    const bytes = await wasm();
    await (await decodedWasm(url, new Response(bytes), decoder(), noFallback, lookUp(), Promise.resolve('v1'))).arrayBuffer();
    expect(await kept()).to.not.equal(undefined);
    const other = new Uint8Array(bytes.slice(0));
    other[other.length - 1] ^= 1; // not the same file
    const decoded = await decodedWasm(url, new Response(other), decoder(), noFallback, lookUp(), Promise.resolve('v2'));
    expect(await digest(await decoded.arrayBuffer())).to.equal(await digest(other.buffer));
    let entry: Response | undefined;
    for (let i = 0; i < 100 && entry?.headers.get('x-pyscript-snapshot') !== 'v2'; i++) {
      entry = await kept();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entry?.headers.get('x-pyscript-snapshot')).to.equal('v2');
  });

  it('is kept by a page\'s boot, under the digest snapshot.json gives', async () => {
    const store = await caches.open('pyscript-snapshot-v1');
    const wasmUrl = new URL('/dist/pyodide/pyodide.asm.wasm.br', location.href).href;
    await store.delete(wasmUrl);
    await import(/* @vite-ignore */ '/dist/core.js' as string);
    const script = document.createElement('py-script') as HTMLElement & { done: Promise<void> };
    script.textContent = 'import js; js.window.__booted = True';
    document.body.append(script);
    await script.done;
    expect((window as unknown as { __booted?: boolean }).__booted).to.equal(true);
    const { wasm: expected } = await (await fetch('/dist/pyodide/snapshot.json')).json() as { wasm: string };
    expect(expected).to.match(/^[0-9a-f]{64}$/);
    let entry: Response | undefined;
    for (let i = 0; i < 200 && !entry; i++) {
      entry = await store.match(wasmUrl);
      if (!entry) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entry?.headers.get('x-pyscript-snapshot')).to.equal(expected);
    const plain = await (await fetch('/dist/pyodide/pyodide.asm.wasm')).arrayBuffer();
    expect(await digest(await entry!.arrayBuffer())).to.equal(await digest(plain));
  });
});
