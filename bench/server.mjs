// The bench's static server: serves the built files (no module rewriting)
// with the cross-origin isolation headers, on a free port of 127.0.0.1.
// A page asked for with the query `?noiso` gets none, so it is not isolated.
//
// Two modes. The default serves every file raw with `Cache-Control: no-cache`
// (the localhost rows). `{ host: true }` behaves like a static host: brotli
// or gzip (whichever the request accepts, brotli first) for the types such
// hosts compress, `Cache-Control: max-age` and an ETag (the network rows).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isolationHeaders } from '../scripts/headers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Only these folders are reachable; anything else is a 404 the bench reports.
 * `BENCH_SERVE=/dist-old/` adds folders, e.g. a copy of an older build for an A/B.
 */
const servedPrefixes = ['/dist/', '/node_modules/@pyscript/core/dist/', '/bench/pages/',
  ...(process.env.BENCH_SERVE?.split(',').filter(Boolean) ?? [])];

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
  '.py': 'text/x-python', '.zip': 'application/zip', '.whl': 'application/zip', '.toml': 'application/toml',
  '.txt': 'text/plain', '.gz': 'application/gzip', '.tgz': 'application/gzip',
};

/**
 * What a static host compresses (Cloudflare's, Netlify's and nginx's usual
 * lists): text, JSON and wasm. Archives (`.zip`, `.whl`, `.gz`, `.br`) and
 * unknown binaries go out as they are.
 */
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.py', '.toml', '.txt']);

/**
 * `max-age` of the host mode: ten minutes, what GitHub Pages sends. A second
 * visit within it asks nothing of the network; after it, every file is
 * revalidated (a 304 thanks to the ETag).
 */
export const HOST_MAX_AGE = 600;

// Compressed copies, kept on disk (git-ignored) by content digest: brotli at
// quality 9 takes ~20 s for Pyodide's wasm on this machine, once.
const cacheDir = join(root, 'bench/results/compressed');
const memory = new Map();
function compressed(body, encoding) {
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 32);
  const key = `${digest}.${encoding}`;
  if (memory.has(key)) return memory.get(key);
  const file = join(cacheDir, key);
  let data;
  if (existsSync(file)) data = readFileSync(file);
  else {
    data = encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 6 });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, data);
  }
  memory.set(key, data);
  return data;
}

/**
 * A shaped link for engines without Chromium's network emulation (the
 * `--network` rows of bench/browsers.mjs): each response starts `latencyMs`
 * after its request, and the bodies of all responses share `bytesPerSecond`,
 * a turn of at most {@link Link.TURN} bytes each, round robin (Chromium's
 * emulation adds its latency per request and splits the throughput among
 * the requests in flight alike). `sent` counts the body bytes written.
 */
class Link {
  static TURN = 4096;
  static TICK_MS = 5;

  constructor({ latencyMs, bytesPerSecond }) {
    this.latencyMs = latencyMs;
    this.rate = bytesPerSecond;
    /** @type {{ response: import('node:http').ServerResponse, body: Buffer, offset: number, done: () => void }[]} */
    this.flows = [];
    this.credit = 0;
    this.sent = 0;
  }

  /** Resolves once the request's latency has passed. */
  wait() {
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /** Writes `body` to `response` at the link's pace, then ends it. */
  send(response, body) {
    return new Promise((done) => {
      this.flows.push({ response, body, offset: 0, done });
      response.on('close', () => this.#drop(response));
      if (!this.timer) {
        this.last = performance.now();
        this.timer = setInterval(() => this.#tick(), Link.TICK_MS);
      }
    });
  }

  #drop(response) {
    const index = this.flows.findIndex((flow) => flow.response === response);
    if (index >= 0) this.flows.splice(index, 1)[0].done();
  }

  #tick() {
    const now = performance.now();
    // Time since the last tick becomes credit (a late tick sends more), up to 20 ticks' worth.
    this.credit = Math.min(this.credit + ((now - this.last) / 1000) * this.rate, (this.rate * Link.TICK_MS * 20) / 1000);
    this.last = now;
    while (this.credit >= 1 && this.flows.length) {
      const flow = this.flows.shift();
      const size = Math.min(Link.TURN, flow.body.length - flow.offset, Math.floor(this.credit));
      flow.response.write(flow.body.subarray(flow.offset, flow.offset + size));
      flow.offset += size;
      this.credit -= size;
      this.sent += size;
      if (flow.offset < flow.body.length) this.flows.push(flow);
      else {
        flow.response.end();
        flow.done();
      }
    }
    if (!this.flows.length) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.credit = 0;
    }
  }
}

/**
 * Starts the server. Default mode: `Cache-Control: no-cache` and an ETag, so
 * a warm HTTP cache revalidates every file with a 304. `host: true`: see above.
 * `shape: { latencyMs, bytesPerSecond }` serves through a {@link Link}.
 * @param {{ host?: boolean, shape?: { latencyMs: number, bytesPerSecond: number } }} [options]
 * @returns {Promise<{ origin: string, notFound: string[], link?: Link, close(): Promise<void> }>}
 */
export async function startServer({ host = false, shape } = {}) {
  const notFound = [];
  const link = shape && new Link(shape);
  const server = createServer(async (request, response) => {
    if (link) await link.wait();
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    const isolated = new URL(request.url ?? '/', 'http://x').search !== '?noiso';
    if (isolated) for (const [name, value] of Object.entries(isolationHeaders)) response.setHeader(name, value);
    try {
      if (!servedPrefixes.some((prefix) => path.startsWith(prefix)) || !file.startsWith(root)) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const type = types[extname(file)] ?? 'application/octet-stream';
      const accepted = String(request.headers['accept-encoding'] ?? '');
      const encoding = !host || !compressible.has(extname(file)) ? ''
        : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : '';
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding && `-${encoding}`}"`;
      response.setHeader('Cache-Control', host ? `max-age=${HOST_MAX_AGE}` : 'no-cache');
      response.setHeader('ETag', etag);
      if (host) response.setHeader('Vary', 'Accept-Encoding');
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304).end();
        return;
      }
      if (encoding || link) {
        const body = encoding ? compressed(await readFile(file), encoding) : await readFile(file);
        response.writeHead(200, { 'Content-Type': type, ...(encoding && { 'Content-Encoding': encoding }), 'Content-Length': body.length });
        if (request.method === 'HEAD') response.end();
        else if (link) await link.send(response, body);
        else response.end(body);
        return;
      }
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    } catch {
      notFound.push(path);
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    notFound,
    link,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Compresses ahead of time every file a host-mode server may compress under `dirs` (so no load waits for it). */
export async function precompress(dirs) {
  const { readdir } = await import('node:fs/promises');
  for (const dir of dirs) {
    for (const name of await readdir(join(root, dir), { recursive: true })) {
      if (!compressible.has(extname(name))) continue;
      const file = join(root, dir, name);
      if (!(await stat(file)).isFile()) continue;
      const body = await readFile(file);
      compressed(body, 'br');
      compressed(body, 'gzip');
    }
  }
}
