// The bench's static server: serves the built files raw (no module rewriting)
// with the cross-origin isolation headers, on a free port of 127.0.0.1.
// A page asked for with the query `?noiso` gets none, so it is not isolated.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolationHeaders } from '../scripts/headers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Only these folders are reachable; anything else is a 404 the bench reports. */
const servedPrefixes = ['/dist/', '/node_modules/@pyscript/core/dist/', '/bench/pages/'];

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.map': 'application/json',
  '.py': 'text/x-python', '.zip': 'application/zip', '.whl': 'application/zip', '.toml': 'application/toml',
  '.txt': 'text/plain', '.gz': 'application/gzip', '.tgz': 'application/gzip',
};

/**
 * Starts the server. Responses carry `Cache-Control: no-cache` and an ETag, so
 * a warm HTTP cache revalidates with a 304 (what a typical static host does).
 * @returns {Promise<{ origin: string, notFound: string[], close(): Promise<void> }>}
 */
export async function startServer() {
  const notFound = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path));
    const isolated = new URL(request.url ?? '/', 'http://x').search !== '?noiso';
    if (isolated) for (const [name, value] of Object.entries(isolationHeaders)) response.setHeader(name, value);
    try {
      if (!servedPrefixes.some((prefix) => path.startsWith(prefix)) || !file.startsWith(root)) throw new Error('outside');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
      response.setHeader('Cache-Control', 'no-cache');
      response.setHeader('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
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
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
