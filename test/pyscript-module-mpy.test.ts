// The Python `pyscript` module on MicroPython, main thread: the in-browser
// Python suite under test/python/, one `it` per Python test.
import '/dist/core.js';
import { declarePythonTests, runPythonTests } from './python/driver.js';

const results = await runPythonTests('mpy');

describe('pyscript module on MicroPython', () => {
  declarePythonTests(results);
});
