/**
 * The `plugins` config key, as PyScript reads it: `"!name"` turns a
 * built-in plugin off (`"!error"`: no error boxes on the page, the console
 * only), and an entry that is a URL (`"./plugins/timer.js"`) names a plugin
 * module: an ES module imported once per page before the scripts of that
 * type run, which adds hooks. It may import `hooks` from `core.js` itself,
 * or export a default function, which is called with `{ hooks, config }`.
 * PyScript's other built-in names are accepted and change nothing.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import type { PageHooks } from '../runtime/hooks.js';
import { setErrorBoxes } from './report.js';

/** PyScript's built-in plugins: names a config may list (or turn off with `!`). */
const BUILT_IN = new Set(['error', 'codemirror', 'py-editor', 'py-terminal', 'py-game', 'deprecations-manager', 'donkey']);

/** What a plugin module's default export is called with. */
export interface PluginApi {
  /** The page's hooks (as `import { hooks } from 'core.js'`). */
  hooks: PageHooks;
  /** The main config the plugin was listed in. */
  config: object;
}

/** A plugin module's default export (optional). */
export type Plugin = (api: PluginApi) => void | Promise<void>;

const looksLikeUrl = (name: string) => /^(\.{0,2}\/|[a-z][a-z\d+.-]*:)|\.m?js(\?.*)?$/i.test(name);

/** The plugins of one page. */
export class Plugins {
  readonly #document: Document;
  readonly #hooks: PageHooks;
  readonly #modules = new Map<string, Promise<void>>();
  readonly #applied = new WeakMap<object, Promise<PyScriptError[]>>();

  constructor(document: Document, hooks: PageHooks) {
    this.#document = document;
    this.#hooks = hooks;
  }

  /**
   * Applies the `plugins` of a main config, once per config: the first
   * caller gets the entries that failed (to report them), later ones `[]`
   * once it is done.
   */
  async applyOnce(config: { plugins?: string[] }, base: string): Promise<PyScriptError[]> {
    const done = this.#applied.get(config);
    if (done) return done.then(() => []);
    const applying = this.apply(config, base);
    this.#applied.set(config, applying);
    return applying;
  }

  /**
   * Applies the `plugins` of a config: switches built-ins off, imports and
   * runs plugin modules (each URL once; relative ones against `base`).
   * @returns the entries that failed (`PY1000` for an unknown name, `PY0404` for a module that cannot be imported); the rest is applied
   */
  async apply(config: { plugins?: string[] }, base: string): Promise<PyScriptError[]> {
    const failures: PyScriptError[] = [];
    const loading: Promise<void>[] = [];
    for (const entry of config.plugins ?? []) {
      const name = entry.trim();
      if (name.startsWith('!')) {
        if (name === '!error') setErrorBoxes(this.#document, false);
        continue;
      }
      if (BUILT_IN.has(name)) continue;
      if (!looksLikeUrl(name)) {
        failures.push(new PyScriptError(ErrorCode.BAD_CONFIG,
          `Unknown plugin "${name}" in "plugins": list the URL of a plugin module ("./my-plugin.js"), a built-in PyScript plugin name, or "!name" to turn one off.`));
        continue;
      }
      const url = new URL(name, base).href;
      let module = this.#modules.get(url);
      if (!module) {
        module = this.#load(url, config);
        this.#modules.set(url, module);
      }
      loading.push(module.catch((error: unknown) => {
        failures.push(error instanceof PyScriptError ? error : new PyScriptError(ErrorCode.FETCH_ERROR, String(error)));
      }));
    }
    await Promise.all(loading);
    return failures;
  }

  async #load(url: string, config: object): Promise<void> {
    let module: { default?: unknown };
    try {
      module = (await import(/* @vite-ignore */ url)) as { default?: unknown };
    } catch (cause) {
      throw new PyScriptError(ErrorCode.FETCH_ERROR, `Could not import the plugin module ${url}: ${(cause as Error)?.message ?? cause}`, { cause });
    }
    if (typeof module.default === 'function') {
      try {
        await (module.default as Plugin)({ hooks: this.#hooks, config });
      } catch (cause) {
        throw new PyScriptError(ErrorCode.BAD_CONFIG, `The plugin ${url} failed to start: ${(cause as Error)?.message ?? cause}`, { cause });
      }
    }
  }
}
