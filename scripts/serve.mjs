// `npm start`: serves the repository root on http://localhost:8000 with the
// headers workers need. /demo/ is the demo. Builds dist/ first when it is
// missing or was built from other sources (a fresh clone, a pull, an edit),
// so `npm ci && npm start` shows a working demo.
import { startDevServer } from '@web/dev-server';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { inputDigest, stampPath } from './build-stamp.mjs';
import { isolation } from './headers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = (await readFile(stampPath(root), 'utf8').catch(() => '')).trim();
if (built !== (await inputDigest(root))) {
  console.log(`building dist/ (npm run build -- --fast): ${built ? 'the sources changed since it was built' : 'it was not built yet'}`);
  execFileSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url)), '--fast'], { cwd: root, stdio: 'inherit' });
}

const port = Number(process.env.PORT ?? 8000);
await startDevServer({
  config: {
    rootDir: root,
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
