import { ConfigElement } from './config-element.js';

/**
 * The page's MicroPython config: `packages`, `files`, `js_modules`, … as
 * TOML (or JSON) text, or the `src` URL of a `.toml`/`.json` file.
 * @summary Configuration of the page's MicroPython scripts.
 * @tagname mpy-config
 */
export class MPyConfigElement extends ConfigElement {
  constructor() {
    super('micropython');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mpy-config': MPyConfigElement;
  }
}
