// Test-server pieces: raw static serving of prebuilt files, so the dev
// server's module rewriting never touches dist/ (MicroPython's Node-only
// `import("fs")` must reach the browser untouched; the browser never runs it).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const types = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json',
  '.css': 'text/css', '.py': 'text/x-python', '.zip': 'application/zip', '.whl': 'application/zip',
  '.gz': 'application/gzip', '.tgz': 'application/gzip', '.toml': 'application/toml', '.txt': 'text/plain',
  '.html': 'text/html', '.map': 'application/json', '.csv': 'text/csv', '.mpy': 'application/octet-stream',
};

/** The Content-Security-Policy the README recommends, for test/csp.test.ts. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";

/** Every request the server saw, with start/end times (for concurrency tests). */
export const requestLog = [];

/**
 * Serves files under the given URL prefixes straight from disk, bypassing
 * the dev server's transforms. `?delay=ms` holds the response back that long.
 * @param {string[]} prefixes
 */
export function rawStatic(prefixes) {
  return async (ctx, next) => {
    const path = decodeURIComponent(ctx.path);
    if (!prefixes.some((prefix) => path.startsWith(prefix))) return next();
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return next();
    const entry = { path, start: Date.now(), end: 0 };
    requestLog.push(entry);
    // `?delay=ms`: a slow server, for tests that tell parallel from serial requests.
    const delay = Math.min(Number(ctx.query.delay) || 0, 5000);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const info = await stat(file);
      if (!info.isFile()) return next();
      ctx.status = 200;
      ctx.type = types[extname(file)] ?? 'application/octet-stream';
      ctx.length = info.size;
      ctx.set('Cache-Control', 'no-cache');
      // Lets tests register dist/service-worker.js for a scope outside /dist/ (users do not need this).
      if (path.endsWith('/service-worker.js')) ctx.set('Service-Worker-Allowed', '/');
      // The strict policy of test/fixtures/csp/ pages, on them and on the workers they start
      // (a worker's policy comes from its own response, not from its page).
      if (path.startsWith('/test/fixtures/csp/') || /\/test\/fixtures\/csp\//.test(ctx.get('referer'))) ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.body = createReadStream(file);
      ctx.body.on('close', () => { entry.end = Date.now(); });
    } catch {
      entry.end = Date.now();
      ctx.status = 404;
      ctx.body = `not found: ${path}`;
    }
  };
}

/**
 * A WebSocket echo endpoint at `/echo` on the test server (for the Python
 * `pyscript.WebSocket` tests): every message comes back as it was sent.
 */
export function echoWebSocket() {
  return {
    name: 'echo-websocket',
    async serverStart({ server }) {
      const { WebSocketServer } = await import('ws');
      const echo = new WebSocketServer({ noServer: true });
      echo.on('connection', (socket) => {
        socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
      });
      server.on('upgrade', (request, socket, head) => {
        if (request.url !== '/echo') return;
        echo.handleUpgrade(request, socket, head, (ws) => echo.emit('connection', ws, request));
      });
    },
  };
}

/**
 * `/test/echo-request` on the test server (for the Python `fetch()` options
 * test): answers with the request's method, its `X-Echo` header and its body,
 * as JSON.
 */
export function echoRequest() {
  return async (ctx, next) => {
    if (ctx.path !== '/test/echo-request') return next();
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify({ method: ctx.method, header: ctx.get('X-Echo'), body: Buffer.concat(chunks).toString() });
  };
}

/** Requests to the test package index, by run id (see {@link packageIndex}). */
const indexLog = new Map();

/**
 * The test package index (`scripts/fixtures-index.mjs`) at
 * `/test/index/<run>/`: `pypi/<name>/json` (PyPI's JSON API,
 * `application/json`), `simple/<name>/` (PEP 691,
 * `application/vnd.pypi.simple.v1+json`), `html/<name>/` (PEP 503,
 * `text/html`) and `files/<wheel>` (`Cache-Control: no-store`, as a server
 * that forbids caching). `<run>` is any word a test picks; every request is
 * logged under it, and `/test/index-log/<run>` answers with that log
 * (paths after the run) as JSON, so a test sees what reached the network.
 */
export function packageIndex() {
  const base = join(root, 'test/fixtures/build/index');
  const layouts = {
    pypi: { pattern: /^pypi\/([^/]+)\/json$/, file: (name) => `pypi/${name}.json`, type: 'application/json' },
    simple: { pattern: /^simple\/([^/]+)\/$/, file: (name) => `simple/${name}.json`, type: 'application/vnd.pypi.simple.v1+json' },
    html: { pattern: /^html\/([^/]+)\/$/, file: (name) => `html/${name}.html`, type: 'text/html; charset=utf-8' },
    files: { pattern: /^files\/([^/]+)$/, file: (name) => `files/${name}`, type: 'application/octet-stream' },
  };
  return async (ctx, next) => {
    const log = /^\/test\/index-log\/([\w-]+)$/.exec(ctx.path);
    if (log) {
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(indexLog.get(log[1]) ?? []);
      return;
    }
    const match = /^\/test\/index\/([\w-]+)\/(.*)$/.exec(decodeURIComponent(ctx.path));
    if (!match) return next();
    const [, run, rest] = match;
    if (!indexLog.has(run)) indexLog.set(run, []);
    indexLog.get(run).push(rest);
    for (const layout of Object.values(layouts)) {
      const name = layout.pattern.exec(rest)?.[1];
      if (!name || name.includes('..')) continue;
      try {
        const file = join(base, layout.file(name));
        await stat(file);
        ctx.status = 200;
        ctx.set('Content-Type', layout.type);
        keepNoStore(ctx);
        ctx.body = createReadStream(file);
        return;
      } catch {
        break;
      }
    }
    ctx.status = 404;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = `not in the test index: ${rest}`;
  };
}

/**
 * `Cache-Control: no-store` that stays: the test runner's own cache
 * middleware, which runs after this one, gives every path with an extension
 * `max-age=31536000`, which would let the HTTP cache hide what the package
 * cache does.
 */
function keepNoStore(ctx) {
  ctx.set('Cache-Control', 'no-store');
  const set = ctx.response.set.bind(ctx.response);
  ctx.response.set = (field, value) => {
    if (typeof field === 'string' && field.toLowerCase() === 'cache-control') return;
    set(field, value);
  };
}
