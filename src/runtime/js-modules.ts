/**
 * The `js_modules` config key: each URL is imported with `import()` while
 * the interpreter downloads, and the namespaces are handed to the Python
 * module `pyscript.js_modules` through the `_pyscript` bridge.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { absoluteUrl } from './fetch-progress.js';

/** A loaded module, with the URL it came from (for error messages). */
export interface LoadedJsModule {
  url: string;
  module: object;
}

/**
 * Imports every `URL = "name"` entry in parallel.
 * @throws PyScriptError `PY0404` (rejected) naming the URL of a module that could not be imported
 */
export async function importJsModules(modules: Record<string, string>, base: string): Promise<Record<string, LoadedJsModule>> {
  const entries = await Promise.all(
    Object.entries(modules).map(async ([source, name]) => {
      const url = absoluteUrl(source, base);
      try {
        return [name, { url: source, module: await import(/* @vite-ignore */ url) }] as const;
      } catch (error) {
        const reason = (error as Error).message;
        throw new PyScriptError(
          ErrorCode.FETCH_ERROR,
          `Unable to import JavaScript module ${url} (js_modules "${name}"): ${reason}`,
          { cause: error },
        );
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** What `_pyscript.js_modules` gives `pyscript/js_modules.py`. */
export interface JsModulesBridge {
  names(): string[];
  url(name: string): string;
  module(name: string): object | undefined;
  has(name: string, exported: string): boolean;
}

/** Wraps loaded modules for the Python side (plain functions convert the same way in both interpreters). */
export function jsModulesBridge(loaded: Record<string, LoadedJsModule> = {}): JsModulesBridge {
  return {
    names: () => Object.keys(loaded),
    url: (name) => loaded[name]?.url ?? '',
    module: (name) => loaded[name]?.module,
    has: (name, exported) => !!loaded[name] && exported in loaded[name].module,
  };
}
