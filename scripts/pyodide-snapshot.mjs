// Boots the bundled Pyodide once, in Node, and writes its memory right after
// start-up to dist/pyodide/snapshot.bin.gz. Booting from it in the browser
// skips CPython's own initialisation (measured here: raw loadPyodide() 6.6 s
// → 2.8–3.1 s). Run by scripts/build.mjs as a child process.
//
// What Node sets differently from a browser is put back first, so a page
// cannot tell a snapshot boot from a fresh one: Node's script path, which
// would leak the build machine's, in `sys.executable`, `sys._base_executable`,
// `sys.orig_argv` and the `_` variable. The browser puts
// back what must differ per page (LANG, the random seed) and what the
// restore itself changes (sys.path): see src/runtime/pyodide.ts.
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';

const [output] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) });
pyodide.runPython(`
import os, sys
sys.executable = sys._base_executable = "/home/pyodide/this.program"
sys.orig_argv[0] = os.environ["_"] = "./this.program"
del os, sys
`);
const memory = pyodide.makeMemorySnapshot();
await writeFile(output, gzipSync(memory, { level: 9 }));
