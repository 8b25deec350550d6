/**
 * Finds the page's main-thread config of each interpreter type: the one
 * `<py-config>` (`<mpy-config>`), or the `config` attribute of the
 * main-thread scripts of that type, which must then all agree. Worker
 * scripts may each have their own, which their worker reads. The reader
 * (`dist/config.js`) and the TOML parser are loaded only when a page has a config.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import type { PyConfig } from '../runtime/config.js';
import { baseUrl } from '../runtime/fetch-progress.js';
import { loadConfigReader } from '../runtime/lazy.js';
import type { LoadedConfig } from '../runtime/load-config.js';
import type { InterpreterKind } from '../runtime/types.js';
import { prefixOf } from './prefix.js';
import type { ScriptTags } from './script-tags.js';

/** Where a config was found. */
interface FoundConfig {
  value: string;
  /** The config element's `type` (`json`, `toml`), else empty. */
  type: string;
  where: string;
  isUrl: boolean;
}

/** The page's main configs, by script prefix, each filled in once read (a copy: changing it changes nothing). */
export type PageConfig = { py?: PyConfig; mpy?: PyConfig };

/** The main-thread configs of one document, each read once. */
export class PageConfigs {
  /** The `config` export: each type's main config, once it has been read. */
  readonly config: PageConfig = {};
  readonly #document: Document;
  readonly #scripts: ScriptTags;
  readonly #loaded = new Map<InterpreterKind, Promise<LoadedConfig>>();

  constructor(document: Document, scripts: ScriptTags) {
    this.#document = document;
    this.#scripts = scripts;
  }

  /**
   * The page's main config for `kind`, read once (an empty config when there is none).
   * @throws PyScriptError `PY0409` for conflicting configs, `PY1000` for invalid text or a bad URL, `PY0404` for a config URL that cannot be fetched
   */
  main(kind: InterpreterKind): Promise<LoadedConfig> {
    let promise = this.#loaded.get(kind);
    if (!promise) {
      promise = (async () => {
        const found = findMainConfig(kind, this.#document, this.#scripts);
        let result: LoadedConfig = { config: {} };
        if (found) {
          result = await (await loadConfigReader()).loadConfig({ ...found, base: baseUrl() });
        }
        this.config[prefixOf(kind)] = structuredClone(result.config);
        return result;
      })();
      promise.catch(() => undefined); // each caller reports it
      this.#loaded.set(kind, promise);
    }
    return promise;
  }
}

/**
 * The main-thread config source of `kind` in `root`, if any.
 * @throws PyScriptError `PY0409` for two config elements, a config element
 * with both text and `src`, or a config element plus a different `config` attribute
 */
function findMainConfig(kind: InterpreterKind, root: ParentNode, scripts: ScriptTags): FoundConfig | undefined {
  const prefix = prefixOf(kind);
  const tag = `${prefix}-config`;
  const elements = [...root.querySelectorAll(tag)];
  const conflict = (message: string) => new PyScriptError(ErrorCode.CONFLICTING_CONFIG, message);
  if (elements.length > 1) {
    throw conflict(`Too many <${tag}> elements (${elements.length}): a page has one config per interpreter type. Merge them into one <${tag}>.`);
  }
  const attributes = mainScripts(kind, root, scripts)
    .map((script) => configOf(script))
    .filter((value) => value.trim());
  let found: FoundConfig | undefined;
  const [element] = elements;
  if (element) {
    // Properties set from JavaScript (a `ConfigElement`'s) count as much as attributes.
    const props = element as Partial<{ src: string; type: string }>;
    const src = (props.src ?? element.getAttribute('src') ?? '').trim();
    const text = element.textContent ?? '';
    if (src && text.trim()) {
      throw conflict(`<${tag}> has both src="${src}" and inline text: use one or the other.`);
    }
    found = { value: src || text, type: props.type ?? element.getAttribute('type') ?? '', where: `<${tag}>`, isUrl: !!src };
    const different = attributes.find((value) => value.trim() !== found!.value.trim());
    if (different !== undefined) {
      throw conflict(
        `<${tag}> and the config attribute of a <script type="${prefix}"> disagree: the main-thread scripts of one type share one config. ` +
          `Remove the config attribute, or the <${tag}>.`,
      );
    }
  } else if (attributes.length) {
    const [first, ...rest] = attributes;
    if (rest.some((value) => value.trim() !== first.trim())) {
      throw conflict(
        `Unable to use different configs on main: the <script type="${prefix}"> scripts on the main thread share one interpreter, so their config attributes must be equal. ` +
          'Use one config (or a <' + tag + '>), or give a script its own interpreter with the worker attribute.',
      );
    }
    found = { value: first, type: '', where: `the config attribute of <script type="${prefix}">`, isUrl: false };
  }
  return found;
}

/** Main-thread scripts of `kind`: `<script type>` tags and `<x-script>` elements not made for one. */
function mainScripts(kind: InterpreterKind, root: ParentNode, scripts: ScriptTags): Element[] {
  const prefix = prefixOf(kind);
  const selector = `script[type="${prefix}"]:not([worker]), ${prefix}-script:not([worker])`;
  return [...root.querySelectorAll(selector)].filter(
    (element) => element.localName === 'script' || (!scripts.sourceOf(element) && !(element as Partial<{ worker: boolean }>).worker),
  );
}

/** A main script's config: a `<script>`'s attribute, an element's property (frameworks set it). */
const configOf = (script: Element): string =>
  script.localName === 'script' ? script.getAttribute('config') ?? '' : (script as Partial<{ config: string }>).config ?? script.getAttribute('config') ?? '';
