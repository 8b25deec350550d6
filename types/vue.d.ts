/**
 * Vue 3 types: `<py-script>`, `<mpy-script>`, the editors and the configs in
 * `GlobalComponents`, so templates type-check their props and events
 * (`@mpy:done="(event) => event.detail.error"`), the way Vue's guide types
 * custom elements not built with Vue. Import once in app code:
 * `import type {} from 'pyscript-elements/vue';`
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type {
  MPyConfigElement, MPyEditorElement, MPyScriptElement, PyConfigElement, PyEditorElement, PyScriptElement,
} from './core.js';
import type { ConfigProps, EditorEvents, EditorProps, ScriptEvents, ScriptProps } from './element-props.js';

/** A custom element as Vue's template checker sees a component: `$props` and `$emit`. */
type CustomElement<E extends HTMLElement, Props, Events extends Record<string, Event> = {}> = new () => E & {
  /** @deprecated Only for template type checking: elements have no `$props`. */
  $props: HTMLAttributes & Props & PublicProps;
  /** @deprecated Only for template type checking: elements have no `$emit`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'py-script': CustomElement<PyScriptElement, ScriptProps<PyScriptElement>, ScriptEvents<'py'>>;
    'mpy-script': CustomElement<MPyScriptElement, ScriptProps<MPyScriptElement>, ScriptEvents<'mpy'>>;
    'py-editor': CustomElement<PyEditorElement, EditorProps<PyEditorElement>, EditorEvents<'py'>>;
    'mpy-editor': CustomElement<MPyEditorElement, EditorProps<MPyEditorElement>, EditorEvents<'mpy'>>;
    'py-config': CustomElement<PyConfigElement, ConfigProps<PyConfigElement>>;
    'mpy-config': CustomElement<MPyConfigElement, ConfigProps<MPyConfigElement>>;
  }
}
