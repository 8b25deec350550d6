import { ConfigElement } from './config-element.js';

/**
 * The page's Pyodide config: `packages`, `files`, `js_modules`, … as TOML
 * (or JSON) text, or the `src` URL of a `.toml`/`.json` file.
 * @summary Configuration of the page's Pyodide scripts.
 * @tagname py-config
 */
export class PyConfigElement extends ConfigElement {
  constructor() {
    super('pyodide');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'py-config': PyConfigElement;
  }
}
