/**
 * Svelte 5 types: `<py-script>`, `<mpy-script>`, the editors and the configs
 * in `SvelteHTMLElements`, with their properties and events
 * (`onmpy:done={(event) => event.detail.error}`). Import once in app code:
 * `import type {} from 'pyscript-elements/svelte';`
 */
import type { HTMLAttributes } from 'svelte/elements';
import type {
  MPyConfigElement, MPyEditorElement, MPyScriptElement, PyConfigElement, PyEditorElement, PyScriptElement,
} from './core.js';
import type { ConfigProps, EditorEvents, EditorProps, EventProps, ScriptEvents, ScriptProps } from './element-props.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'py-script': HTMLAttributes<PyScriptElement> & ScriptProps<PyScriptElement> & EventProps<ScriptEvents<'py'>>;
    'mpy-script': HTMLAttributes<MPyScriptElement> & ScriptProps<MPyScriptElement> & EventProps<ScriptEvents<'mpy'>>;
    'py-editor': HTMLAttributes<PyEditorElement> & EditorProps<PyEditorElement> & EventProps<EditorEvents<'py'>>;
    'mpy-editor': HTMLAttributes<MPyEditorElement> & EditorProps<MPyEditorElement> & EventProps<EditorEvents<'mpy'>>;
    'py-config': HTMLAttributes<PyConfigElement> & ConfigProps<PyConfigElement>;
    'mpy-config': HTMLAttributes<MPyConfigElement> & ConfigProps<MPyConfigElement>;
  }
}
