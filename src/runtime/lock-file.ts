/**
 * `pyodide-lock.json`, fetched once per Pyodide build and thread: Pyodide
 * gets it as `lockFileContents` instead of fetching it itself, and the
 * package resolver reads the same copy before the interpreter is up.
 */
import { ErrorCode, PyScriptError } from '../errors.js';

const loading = new Map<string, Promise<unknown>>();

/** The lock file next to the Pyodide module at `pyodideUrl`, parsed. */
export function loadLockFile(pyodideUrl: string): Promise<unknown> {
  const url = new URL('pyodide-lock.json', pyodideUrl).href;
  let lock = loading.get(url);
  if (!lock) {
    lock = fetch(url).then(
      (response) => {
        if (!response.ok) throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to fetch ${url}: HTTP ${response.status}`);
        return response.json();
      },
      (error: Error) => {
        throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to fetch ${url}: ${error.message}`, { cause: error });
      },
    );
    lock.catch(() => undefined); // its users report it
    loading.set(url, lock);
  }
  return lock;
}
