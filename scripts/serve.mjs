// `npm start`: serves the repository root on http://localhost:8000 with the
// headers workers need. /demo/ is the demo.
import { startDevServer } from '@web/dev-server';
import { isolation } from './headers.mjs';

const port = Number(process.env.PORT ?? 8000);
await startDevServer({
  config: {
    rootDir: new URL('..', import.meta.url).pathname,
    port,
    hostname: 'localhost',
    // No nodeResolve: dist/ is already bundled, and MicroPython's Node-only
    // dynamic imports (fs, path) must stay unresolved; browsers never run them.
    middleware: [isolation()],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`pyscript-elements: http://localhost:${port}/demo/ (cross-origin isolated)`);
