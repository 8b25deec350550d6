// Boots the bundled Pyodide once, in Node, and writes its memory right after
// start-up to dist/pyodide/snapshot.bin.gz. Booting from it in the browser
// skips CPython's own initialisation (measured here: raw loadPyodide() 6.6 s
// → 2.8–3.1 s). Run by scripts/build.mjs as a child process.
//
// What Node sets differently from a browser is put back first, so a page
// cannot tell a snapshot boot from a fresh one: the `_` variable (Node's
// script path, which would leak the build machine's). The browser puts
// back what must differ per page (LANG, the random seed) and what the
// restore itself changes (sys.path): see src/runtime/pyodide.ts.
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';

const [output] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) });
pyodide.runPython(`
import os
os.environ["_"] = "./this.program"
del os
`);
const memory = pyodide.makeMemorySnapshot();
await writeFile(output, gzipSync(memory, { level: 9 }));
