// Compiles Python sources to MicroPython .mpy bytecode with mpy-cross (the
// npm build of MicroPython's own compiler, .mpy version 6: a bytecode-only
// .mpy loads in every MicroPython that reads version 6, 1.28 included).
// Reads {"path.py": "source"} as JSON on stdin, writes {"path.mpy": "base64"}
// to stdout. Run by scripts/build.mjs as a child process, with Node's fetch
// turned off: the compiler's Emscripten loader would otherwise try to fetch
// its wasm by file path.
const { compile } = require('@pybricks/mpy-cross-v6');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  process.setMaxListeners(0); // each compiler instance adds its process listeners
  const out = {};
  for (const [path, source] of Object.entries(JSON.parse(input))) {
    // The name in tracebacks: where the file is in MicroPython's file system (the image's /rom/lib).
    const result = await compile(path.split('/').pop(), source, ['-s', `/rom/lib/${path}`]);
    if (result.status !== 0 || !result.mpy) {
      process.stderr.write(`mpy-cross failed on ${path}:\n${result.err.join('\n')}\n`);
      process.exit(1);
    }
    out[path.replace(/\.py$/, '.mpy')] = Buffer.from(result.mpy).toString('base64');
  }
  process.stdout.write(JSON.stringify(out));
});
