/**
 * Configuration: the text of a `<py-config>`, an `<mpy-config>` or a
 * script's `config` attribute, turned into a checked {@link PyConfig}. TOML
 * by default, JSON when the text is a JSON object or the hint says so. Every
 * function here is pure (the TOML parser is loaded on first use): fetching a
 * config URL and applying a config live in `load-config.ts` and
 * `apply-config.ts`.
 * @packageDocumentation
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { loadTomlParser } from './lazy.js';

/** A parsed and checked configuration. Unknown keys are kept (with a warning). */
export interface PyConfig {
  /**
   * Pyodide: requirements (`name`, `name>=1.2`, `name[extra]`) found in
   * `pyodide-lock.json` or the `index_urls`, or `.whl` URLs.
   * MicroPython: `.py`/`.mpy`/`package.json` URLs.
   */
  packages?: string[];
  /** Pyodide: package indexes for names not in the lock file, as micropip takes them (default: PyPI). */
  index_urls?: string | string[];
  /** `"never"` turns the package cache off. */
  packages_cache?: string;
  /** URL → path on the virtual file system; `{NAME}` keys define templates. */
  files?: Record<string, string>;
  /** URL → name, importable as `from pyscript.js_modules import name`. */
  js_modules?: { main?: Record<string, string>; worker?: Record<string, string> };
  /** URL of another interpreter build (`pyodide.mjs` / `micropython.mjs`). */
  interpreter?: string;
  sync_main_only?: boolean;
  experimental_create_proxy?: string;
  debug?: boolean;
  plugins?: string[];
  [key: string]: unknown;
}

/** What {@link parseConfig} returns. */
export interface ParsedConfig {
  config: PyConfig;
  /** One line per unknown key, naming it (and the likely intended key). */
  warnings: string[];
}

/** How to read config text: `'toml'`, `'json'`, or `''` to decide from the text. */
export type ConfigFormat = 'toml' | 'json' | '';

/** The keys PyScript knows; anything else gets a warning. */
export const knownKeys = [
  'packages', 'files', 'js_modules', 'interpreter', 'sync_main_only', 'experimental_create_proxy', 'debug',
  'plugins', 'experimental_ffi_timeout', 'experimental_remote_packages', 'name', 'version', 'description',
  'index_urls', 'packages_cache',
] as const;

/** True when `text` is a JSON object rather than TOML. */
export const looksLikeJson = (text: string): boolean => /^\s*\{[\s\S]*\}\s*$/.test(text);

/**
 * True when a `config` value is a URL to fetch rather than inline config:
 * one word, ending in a file extension (optionally followed by a query).
 */
export const isConfigUrl = (value: string): boolean => {
  const text = value.trim();
  return !!text && !/\s/.test(text) && !looksLikeJson(text) && /\.\w+(?:[?#]\S*)?$/.test(text);
};

/**
 * The format a config URL names by its extension.
 * @throws PyScriptError `PY1000` when the URL does not end in `.toml` or `.json`
 */
export function formatOfUrl(url: string): 'toml' | 'json' {
  const ext = /\.(\w+)(?:[?#]\S*)?$/.exec(url.trim())?.[1]?.toLowerCase();
  if (ext === 'toml' || ext === 'json') return ext;
  throw new PyScriptError(
    ErrorCode.BAD_CONFIG,
    `Invalid config URL: ${url}\nA config URL must name a .toml or .json file.`,
  );
}

/**
 * Parses and checks config text.
 * @param text TOML or JSON
 * @param hint `'json'`/`'toml'` (from `type=` or a URL's extension), or `''` to decide from the text
 * @param source where the text came from (a URL or an element), for messages
 * @throws PyScriptError `PY1000` for invalid TOML/JSON (with the parser's line and column) or values of the wrong type
 */
export async function parseConfig(text: string, hint: ConfigFormat = '', source = ''): Promise<ParsedConfig> {
  const format = hint || (looksLikeJson(text) ? 'json' : 'toml');
  const where = source ? ` in ${source}` : '';
  let value: unknown;
  if (format === 'json') {
    try {
      value = text.trim() ? JSON.parse(text) : {};
    } catch (error) {
      throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid JSON${where}: ${jsonPosition(text, error as Error)}`, { cause: error });
    }
  } else {
    const { parse: parseToml, TomlError } = await loadTomlParser();
    try {
      value = parseToml(text);
    } catch (error) {
      const message = error instanceof TomlError ? `line ${error.line}, column ${error.column}: ${firstLine(error.message)}` : String(error);
      throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid TOML${where}: ${message}`, { cause: error });
    }
  }
  return checkConfig(value, source);
}

/**
 * Checks the shape of a config object (as parsed, or as passed from JavaScript).
 * @throws PyScriptError `PY1000` for a value of the wrong type
 */
export function checkConfig(value: unknown, source = ''): ParsedConfig {
  const where = source ? ` in ${source}` : '';
  const fail = (message: string): never => {
    throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid config${where}: ${message}`);
  };
  if (!isTable(value)) return fail('the config must be a table (a JSON object).');
  const config = value as PyConfig;
  const warnings: string[] = [];
  for (const key of Object.keys(config)) {
    if ((knownKeys as readonly string[]).includes(key)) continue;
    const guess = closestKey(key);
    warnings.push(`Unknown config key "${key}"${where}${guess ? `; did you mean "${guess}"?` : '.'} It is ignored.`);
  }
  if (config.packages !== undefined && !isStringList(config.packages)) fail('"packages" must be a list of strings.');
  if (config.plugins !== undefined && !isStringList(config.plugins)) fail('"plugins" must be a list of strings.');
  if (config.files !== undefined && !isStringTable(config.files)) fail('"files" must be a table of URL = "path" strings.');
  if (config.js_modules !== undefined) {
    if (!isTable(config.js_modules)) fail('"js_modules" must be a table with "main" and/or "worker" tables.');
    for (const [side, table] of Object.entries(config.js_modules as object)) {
      if (side !== 'main' && side !== 'worker') warnings.push(`Unknown config key "js_modules.${side}"${where}; use "js_modules.main" or "js_modules.worker".`);
      else if (!isStringTable(table)) fail(`"js_modules.${side}" must be a table of URL = "name" strings.`);
    }
  }
  if (config.index_urls !== undefined && typeof config.index_urls !== 'string' && !isStringList(config.index_urls)) {
    fail('"index_urls" must be a URL or a list of URLs.');
  }
  for (const key of ['interpreter', 'experimental_create_proxy', 'packages_cache'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(`"${key}" must be a string.`);
  }
  if (config.interpreter !== undefined && !URL.canParse(config.interpreter, 'http://localhost/')) {
    fail(`"interpreter" is not a valid URL: ${config.interpreter}`);
  }
  for (const key of ['debug', 'sync_main_only'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'boolean') fail(`"${key}" must be true or false.`);
  }
  return { config, warnings };
}

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isStringTable = (value: unknown): value is Record<string, string> =>
  isTable(value) && Object.values(value).every((item) => typeof item === 'string');
const firstLine = (text: string) => text.split('\n')[0].replace(/^Invalid TOML document: /, '');

/**
 * Line and column of a `JSON.parse` error. V8 no longer puts a position in
 * every message, so a small scanner finds where the text stops being JSON.
 */
function jsonPosition(text: string, error: Error): string {
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset).split('\n');
  const reason = error.message.split('\n')[0].replace(/, ".*$/s, '');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}`;
}

/** Offset of the first character that is not valid JSON (the text's length if the end came too early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (offset) {
    return offset as number;
  }
}

/** The known key a typo most likely meant (edit distance ≤ 2, or a plural/prefix). */
function closestKey(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownKeys) {
    const distance = editDistance(key.toLowerCase(), known);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
