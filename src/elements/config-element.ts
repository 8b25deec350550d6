/**
 * The shared base of `<py-config>` and `<mpy-config>`: a config written
 * inline (TOML, or JSON) or named by `src`. It renders nothing (core.css
 * hides it); the page's interpreter of that type reads it once, at start-up.
 */
import { ReactiveElement } from '@lit/reactive-element';
import { property } from '@lit/reactive-element/decorators.js';
import type { InterpreterKind } from '../runtime/types.js';

export abstract class ConfigElement extends ReactiveElement {
  /** URL of a `.toml` or `.json` config file, instead of inline text. */
  @property() src = '';
  /** `json` or `toml`; by default JSON when the text is a JSON object, else TOML. */
  @property() type = '';
  /** The interpreter this config is for. */
  readonly kind: InterpreterKind;

  constructor(kind: InterpreterKind) {
    super();
    this.kind = kind;
  }

  /** Keep the config text as written: no shadow root. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
