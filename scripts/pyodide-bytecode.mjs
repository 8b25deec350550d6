// Compiles the Python `pyscript` package (and micropip's stand-in) to CPython
// bytecode with the bundled Pyodide, in Node, for pages that run that
// Pyodide (src/runtime/python-package.ts). Reads `{path: source}` as JSON on
// stdin, writes `{path of the .pyc: base64}` as JSON on stdout. Run by
// scripts/build.mjs as a child process.
//
// The .pyc files are "unchecked hash" ones (PEP 552): the import system uses
// them without comparing them with the source, so the runtime may write the
// sources with any mtime. Importing them skips CPython's compiler, which
// runs on not-yet-optimised wasm at start-up (bench/README.md, "Measurement
// history"). A Pyodide of another version (the `interpreter` key) never
// gets them: the magic number would not match.
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';

const sources = JSON.parse(readFileSync(0, 'utf8'));
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (line) => process.stderr.write(`${line}\n`) });
const sitePackages = pyodide.runPython('import site; site.getsitepackages()[0]');
const root = `${sitePackages}/_pyscript_bytecode`;
pyodide.FS.mkdirTree(root);
for (const [path, text] of Object.entries(sources)) {
  const full = `${root}/${path}`;
  pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf('/')));
  pyodide.FS.writeFile(full, text);
}
pyodide.globals.set('paths', pyodide.toPy(Object.keys(sources)));
const compiled = pyodide.runPython(`
import importlib.util, py_compile
names = []
for path in paths:
    pyc = importlib.util.cache_from_source(path)
    py_compile.compile(
        f"${root}/{path}", cfile=f"${root}/{pyc}", dfile=f"${sitePackages}/{path}", doraise=True,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    names.append(pyc)
names
`).toJs();
const output = {};
for (const pyc of compiled) output[pyc] = Buffer.from(pyodide.FS.readFile(`${root}/${pyc}`)).toString('base64');
process.stdout.write(JSON.stringify(output));
