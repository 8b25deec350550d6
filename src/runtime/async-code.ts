/**
 * Whether Python code has to run as a coroutine (top-level `await`), for
 * scripts without the `async` attribute and for the editor's runs.
 */

/**
 * True when `code` uses the word `await` anywhere, a comment or a string
 * included, as PyScript decides. A false positive costs little (sync code
 * runs as a coroutine just as well); a miss would be a SyntaxError.
 */
export const isAsyncCode = (code: string): boolean => /\bawait\b/.test(code);
