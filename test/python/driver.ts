// Runs the Python test files under test/python/ inside the page, on one
// interpreter, through test/python/runner.py, and declares one mocha `it`
// per Python test.
import { expect } from '@open-wc/testing';

export interface PythonTestResult {
  file: string;
  test: string;
  ok: boolean;
  error: string;
  /** Why the test did not apply here (it called `skip(reason)`). */
  skipped?: string;
}

/** The test files, in the order they run. */
export const PYTHON_TEST_FILES = [
  'test_module.py',
  'test_util.py',
  'test_workers.py',
  'test_display.py',
  'test_events.py',
  'test_fetch.py',
  'test_ffi.py',
  'test_storage.py',
  'test_web.py',
  'test_websocket.py',
  'test_media.py',
  'test_fs.py',
  'test_faq.py',
];

const text = async (url: string): Promise<string> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
};

let runs = 0;

/**
 * Runs `files` with a `<script type="py|mpy">` added to the page and resolves
 * with each test's result. `files` are names under `/test/python/`.
 */
export async function runPythonTests(type: 'py' | 'mpy', files: string[] = PYTHON_TEST_FILES): Promise<PythonTestResult[]> {
  const sources = await Promise.all(files.map(async (file) => [file, await text(`/test/python/${file}`)]));
  const runner = await text('/test/python/runner.py');
  const key = `__pythonSuite${++runs}`;
  return new Promise((resolve, reject) => {
    const suite = { files: sources, resolve: (json: string) => resolve(JSON.parse(json) as PythonTestResult[]) };
    (window as unknown as Record<string, unknown>)[key] = suite;
    const script = document.createElement('script');
    script.type = type;
    script.textContent = `${runner}\nimport js\njs.${key}.resolve(await run_tests(js.${key}.files))\n`;
    script.addEventListener(`${type}:done`, (event) => {
      const error = (event as CustomEvent<{ error?: Error }>).detail.error;
      if (error) reject(error);
    });
    document.body.append(script);
  });
}

/** Declares one `it` per Python test; a failed one shows the Python traceback. */
export function declarePythonTests(results: PythonTestResult[]): void {
  for (const result of results) {
    const name = `${result.file.replace(/\.py$/, '')} ${result.test}`;
    if (result.skipped !== undefined) {
      it.skip(`${name} (${result.skipped})`, () => undefined);
      continue;
    }
    it(name, () => {
      if (!result.ok) throw new Error(`Python test failed:\n${result.error}`);
      expect(result.ok).to.equal(true);
    });
  }
  it('ran the Python tests', () => {
    expect(results.length).to.be.greaterThan(10);
  });
}
