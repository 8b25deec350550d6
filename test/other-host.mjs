// A web server that is not localhost, for test/network.test.ts: it listens
// on 127.0.0.2 (another loopback address, so nothing leaves the machine) and
// answers every request. No engine may reach it: each sends every host but
// localhost to a proxy that is not there (or, in Chromium, to no address).
// `/test/other-host` on the test server tells the page its URL.
import { createServer } from 'node:http';

export function otherHost() {
  let url = '';
  return {
    name: 'other-host',
    async serverStart() {
      const server = createServer((request, response) => {
        response.writeHead(200, {
          'Content-Type': 'text/plain',
          'Access-Control-Allow-Origin': '*',
          'Cross-Origin-Resource-Policy': 'cross-origin',
        });
        response.end('reachable');
      });
      await new Promise((resolve, reject) => {
        server.on('error', reject);
        server.listen(0, '127.0.0.2', resolve);
      });
      server.unref();
      url = `http://127.0.0.2:${server.address().port}/`;
    },
    serve(context) {
      if (context.path === '/test/other-host') return { body: JSON.stringify({ url }), type: 'application/json' };
      return undefined;
    },
  };
}
