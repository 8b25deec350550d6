/**
 * Reads a config from what a page gives: inline TOML/JSON, the URL of a
 * `.toml`/`.json` file, or an object from JavaScript. No DOM, so workers
 * read their own config with it too. Cheap to import: the TOML parser is
 * loaded on first use (`dist/toml.js`).
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { checkConfig, formatOfUrl, isConfigUrl, parseConfig, type ConfigFormat, type PyConfig } from './config.js';
import { absoluteUrl, baseUrl, fetchText } from './fetch-progress.js';
import { loadTomlParser } from './lazy.js';

/** A config ready to apply. */
export interface LoadedConfig {
  config: PyConfig;
  /** The URL of the config file, when it came from one (relative entries resolve against it). */
  url?: string;
}

/** Where the config text came from, and how to read it. */
export interface ConfigSource {
  /** Inline text, a URL, or an object. */
  value: string | object;
  /** `type` attribute of the config element: `'json'`, `'toml'` or empty. */
  type?: string;
  /** What holds it, for messages (`<py-config>`, `the config attribute`). */
  where: string;
  /** URL that a config URL resolves against (the page's by default). */
  base?: string;
  /** True when `value` is a URL even without a `.toml`/`.json` look (a `src` attribute). */
  isUrl?: boolean;
}

/**
 * Loads and checks a config, logging a warning for each unknown key.
 * @throws PyScriptError `PY1000` for invalid TOML/JSON or a bad URL, `PY0404` for a config file that could not be fetched
 */
export async function loadConfig(source: ConfigSource): Promise<LoadedConfig> {
  const { value, where } = source;
  const type = readType(source.type);
  let parsed;
  let url: string | undefined;
  if (typeof value !== 'string') {
    parsed = checkConfig(value, where);
  } else if (source.isUrl || isConfigUrl(value)) {
    const format = type || formatOfUrl(value);
    url = absoluteUrl(value.trim(), source.base ?? baseUrl());
    if (format === 'toml') loadTomlParser().catch(() => undefined); // while the file downloads; parseConfig reports failures
    parsed = await parseConfig(await fetchText(url, 'config'), format, url);
  } else {
    parsed = await parseConfig(value, type, where);
  }
  for (const warning of parsed.warnings) console.warn(`[pyscript] ${warning}`);
  return { config: parsed.config, url };
}

function readType(type = ''): ConfigFormat {
  const format = type.trim().toLowerCase();
  if (format === '' || format === 'toml' || format === 'json') return format;
  throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid config type "${type}": use type="toml" or type="json".`);
}
