/**
 * The properties and events of the elements, as app code passes them, shared
 * by the React, Vue and Svelte declarations beside this file. Each property
 * is also an attribute (`serviceWorker` is `service-worker` there).
 */
import type {
  MPyConfigElement, MPyEditorElement, MPyScriptElement, PyConfigElement, PyDoneEvent, PyEditorDoneEvent,
  PyEditorElement, PyProgressEvent, PyReadyEvent, PyScriptElement,
} from './core.js';

/** `<py-script>` and `<mpy-script>`: `src`, `target`, `async`, `worker`, `name`, `config`, `serviceWorker`, `terminal`. */
export type ScriptProps<E extends PyScriptElement | MPyScriptElement> = Partial<
  Pick<E, 'src' | 'target' | 'async' | 'worker' | 'name' | 'config' | 'serviceWorker'>
> & {
  /** The attribute form of `serviceWorker`. */
  'service-worker'?: string;
  /** An xterm.js terminal for the script's output (and `input()` in a worker); the element's `terminal` then reads as the `Terminal`. */
  terminal?: boolean;
};

/** `<py-editor>` and `<mpy-editor>`: `src`, `target`, `env`, `setup`, `config`, `serviceWorker`, `code`. */
export type EditorProps<E extends PyEditorElement | MPyEditorElement> = Partial<
  Pick<E, 'src' | 'target' | 'env' | 'setup' | 'config' | 'serviceWorker' | 'code'>
> & {
  /** The attribute form of `serviceWorker`. */
  'service-worker'?: string;
};

/** `<py-config>` and `<mpy-config>`: `src`, and `type` (`toml` or `json`). */
export type ConfigProps<E extends PyConfigElement | MPyConfigElement> = Partial<Pick<E, 'src' | 'type'>>;

/** Events of a script element, by name: `py:ready`, `py:done`, `py:progress` (or the `mpy:` ones). */
export type ScriptEvents<T extends 'py' | 'mpy'> = {
  [K in `${T}:ready`]: PyReadyEvent;
} & { [K in `${T}:done`]: PyDoneEvent } & { [K in `${T}:progress`]: PyProgressEvent };

/** Events of an editor, by name: `py-editor:done`, and `mpy-editor:done` on MicroPython ones. */
export type EditorEvents<T extends 'py' | 'mpy'> = T extends 'mpy'
  ? { 'py-editor:done': PyEditorDoneEvent; 'mpy-editor:done': PyEditorDoneEvent }
  : { 'py-editor:done': PyEditorDoneEvent };

/** Event handlers as React 19 and Svelte 5 take them on custom elements: `on` + the event name. */
export type EventProps<Events> = {
  [K in keyof Events & string as `on${K}`]?: (event: Events[K]) => void;
};
