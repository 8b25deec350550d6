/**
 * Registers every tag, skipping ones already defined (a second copy of
 * `core.js` on the page must not throw), after giving the `<script>` tags
 * already in the page their hosts, so that start-up scripts of every form
 * are upgraded, and so queued, in document order.
 */
import { allDone } from './all-done.js';
import { MPyConfigElement } from './mpy-config.js';
import { MPyScriptElement } from './mpy-script.js';
import { PyConfigElement } from './py-config.js';
import { PyScriptElement } from './py-script.js';
import { observeScriptTags, upgradeScriptTags } from './script-tags.js';
import { MPyEditorElement } from '../editor/mpy-editor.js';
import { PyEditorElement } from '../editor/py-editor.js';

const elements: Record<string, CustomElementConstructor> = {
  'py-script': PyScriptElement,
  'mpy-script': MPyScriptElement,
  'py-config': PyConfigElement,
  'mpy-config': MPyConfigElement,
  'py-editor': PyEditorElement,
  'mpy-editor': MPyEditorElement,
};

let defined: Promise<void> | undefined;

/** Defines the tags once the document is parsed; resolves when done. */
export function defineElements(): Promise<void> {
  defined ??= (async () => {
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    if (customElements.get('py-script')) return; // another copy of core.js got here first
    upgradeScriptTags(document);
    for (const [tag, element] of Object.entries(elements)) customElements.define(tag, element);
    observeScriptTags();
    // Every start-up element has connected (upgrades are synchronous).
    allDone.close();
  })();
  return defined;
}

/** Resolves when the elements of script type `type` (`py`, `mpy`) are defined. */
export async function whenDefined(type: string): Promise<CustomElementConstructor> {
  await defineElements();
  const tag = type.endsWith('-script') ? type : `${type}-script`;
  return customElements.whenDefined(tag);
}
