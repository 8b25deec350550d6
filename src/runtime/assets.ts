/**
 * Where the interpreters live: `dist/pyodide/` and `dist/micropython/`,
 * next to the built module that imports this file. Every build output sits
 * flat in `dist/`, so `import.meta.url` is the same folder for all of them.
 */
export const assetBase = new URL('./', import.meta.url).href;

/** Resolves a path against the folder holding `core.js`. */
export const assetUrl = (path: string): string => new URL(path, assetBase).href;

/** Resolves `url` against the page (or worker) location. */
export const pageUrl = (url: string, base: string = globalThis.location?.href): string => new URL(url, base).href;
