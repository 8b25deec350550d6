// The Python `pyscript` module on Pyodide, main thread: the in-browser
// Python suite under test/python/, one `it` per Python test.
import '/dist/core.js';
import { declarePythonTests, runPythonTests } from './python/driver.js';

const results = await runPythonTests('py');

describe('pyscript module on Pyodide', () => {
  declarePythonTests(results);
});
