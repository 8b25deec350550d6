/**
 * JSX types for React 19: `<py-script>`, `<mpy-script>`, the editors and the
 * configs in `IntrinsicElements`, with their properties and events
 * (`onpy:done={(event) => event.detail.error}`). Import once in app code:
 * `import type {} from 'pyscript-elements/react';`
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  MPyConfigElement, MPyEditorElement, MPyScriptElement, PyConfigElement, PyEditorElement, PyScriptElement,
} from './core.js';
import type { ConfigProps, EditorEvents, EditorProps, EventProps, ScriptEvents, ScriptProps } from './element-props.js';

type ElementProps<E extends HTMLElement, Own> = DetailedHTMLProps<HTMLAttributes<E>, E> & Own;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'py-script': ElementProps<PyScriptElement, ScriptProps<PyScriptElement> & EventProps<ScriptEvents<'py'>>>;
      'mpy-script': ElementProps<MPyScriptElement, ScriptProps<MPyScriptElement> & EventProps<ScriptEvents<'mpy'>>>;
      'py-editor': ElementProps<PyEditorElement, EditorProps<PyEditorElement> & EventProps<EditorEvents<'py'>>>;
      'mpy-editor': ElementProps<MPyEditorElement, EditorProps<MPyEditorElement> & EventProps<EditorEvents<'mpy'>>>;
      'py-config': ElementProps<PyConfigElement, ConfigProps<PyConfigElement>>;
      'mpy-config': ElementProps<MPyConfigElement, ConfigProps<MPyConfigElement>>;
    }
  }
}
