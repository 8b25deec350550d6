import { MPyScriptElement } from './mpy-script.js';
import { PyScriptElement } from './py-script.js';

/**
 * The element that runs a `<script type="py">` and shows what it displays,
 * as PyScript names it: the page places it right after the `<script>`
 * (at the end of `<body>` for a script in `<head>`); `display()` without a
 * `target` and the script's errors go inside it. A worker script's one is
 * placed only once it has something to show. Written by hand, it is just
 * an empty container: it runs nothing.
 * @summary Output place of a `<script type="py">`.
 * @tagname script-py
 */
export class ScriptPyElement extends PyScriptElement {
  /** @internal Only the page's own ones run: a hand-written `<script-py>` has no `<script>`. */
  override get runnable(): boolean {
    return this.sourceScript !== null;
  }
}

/**
 * The element that runs a `<script type="mpy">` and shows what it displays
 * (see `<script-py>`).
 * @summary Output place of a `<script type="mpy">`.
 * @tagname script-mpy
 */
export class ScriptMPyElement extends MPyScriptElement {
  /** @internal Only the page's own ones run: a hand-written `<script-mpy>` has no `<script>`. */
  override get runnable(): boolean {
    return this.sourceScript !== null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'script-py': ScriptPyElement;
    'script-mpy': ScriptMPyElement;
  }
}
