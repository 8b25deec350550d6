/**
 * Where the interpreters live: `dist/pyodide/` and `dist/micropython/`,
 * next to the built module that imports this file. Every build output sits
 * flat in `dist/`, so `import.meta.url` is the same folder for all of them.
 */
const assetBase = new URL('./', import.meta.url).href;

/** Resolves a path against the folder holding `core.js`. */
export const assetUrl = (path: string): string => new URL(path, assetBase).href;
