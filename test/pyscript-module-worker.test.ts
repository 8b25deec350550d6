// The in-browser Python suite of the `pyscript` module (test/python/), run
// inside worker scripts on both interpreters: the same Python API through
// the worker bridge (window/document are proxies of the main thread's).
import '/dist/core.js';
import { PYTHON_TEST_FILES, declarePythonTests, type PythonTestResult } from './python/driver.js';

const text = async (url: string): Promise<string> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
};

/** Runs the suite in a `<script type=... worker>`; resolves with each test's result. */
async function runInWorker(type: 'py' | 'mpy'): Promise<PythonTestResult[]> {
  const sources = await Promise.all(PYTHON_TEST_FILES.map(async (file) => [file, await text(`/test/python/${file}`)]));
  const runner = await text('/test/python/runner.py');
  const key = `__workerSuite_${type}`;
  document.getElementById('py-test-area')?.remove(); // fixtures of the previous suite reuse the same ids
  return new Promise((resolve, reject) => {
    (window as unknown as Record<string, unknown>)[key] = { files: sources, resolve: (json: string) => resolve(JSON.parse(json) as PythonTestResult[]) };
    const script = document.createElement('script');
    script.type = type;
    script.setAttribute('worker', '');
    script.textContent = `${runner}\nfrom pyscript import window\nwindow.${key}.resolve(await run_tests(window.${key}.files))\n`;
    script.addEventListener(`${type}:done`, (event) => {
      const error = (event as CustomEvent<{ error?: Error }>).detail.error;
      if (error) reject(error);
    });
    document.body.append(script);
  });
}

/**
 * Tests of main-thread behavior that is by design different in a worker:
 * RUNNING_IN_WORKER is True there, and Pyodide's borrowed-proxy error does
 * not happen in a worker (the FAQ's point: no create_proxy needed).
 */
const MAIN_THREAD_ONLY = ['test_running_in_worker_is_false_on_the_main_thread', 'test_without_auto_the_borrowed_proxy_error_is_pyodides'];
const inWorker = (results: PythonTestResult[]) => results.filter((result) => !MAIN_THREAD_ONLY.includes(result.test));

// One after the other: both suites use the same fixture ids and selectors in this page.
const mpy = await runInWorker('mpy');
const py = await runInWorker('py');

describe('pyscript module in a MicroPython worker', () => {
  declarePythonTests(inWorker(mpy));
});

describe('pyscript module in a Pyodide worker', () => {
  declarePythonTests(inWorker(py));
});
