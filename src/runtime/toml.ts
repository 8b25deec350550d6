/**
 * The TOML parser (smol-toml), built alone as `dist/toml.js` and loaded
 * through {@link loadTomlParser} only when a page has a TOML config.
 */
export { parse, TomlError } from 'smol-toml';
