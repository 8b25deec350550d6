/**
 * Every event the elements dispatch, declared once, typed for users through
 * `GlobalEventHandlersEventMap`, and sent through one helper holding the
 * defaults (bubbling and composed, so they cross a framework's shadow root).
 * @packageDocumentation
 */

/** `detail` of `py:ready` / `mpy:ready`. */
export interface ReadyDetail {
  /** The worker running the script, when it has one. */
  worker?: Worker;
}

/** `detail` of `py:done` / `mpy:done`. */
export interface DoneDetail {
  /** The error that stopped the script, if any. */
  error?: Error;
  /** The script ended with `sys.exit()`: its exit code (0 for none; 1 for a message). No error box is shown. */
  exitCode?: number;
}

/** `detail` of `py:progress` / `mpy:progress`. */
export interface ProgressDetail {
  /** What is loading: `interpreter`, `files`, `packages`, … */
  stage: string;
  /** Bytes loaded so far in this stage. */
  loaded: number;
  /** Bytes expected in this stage (0 when unknown). */
  total: number;
}

export type PyReadyEvent = CustomEvent<ReadyDetail>;
export type PyDoneEvent = CustomEvent<DoneDetail>;
export type PyProgressEvent = CustomEvent<ProgressDetail>;
export type PyAllDoneEvent = CustomEvent<Record<string, never>>;
export type PyEditorDoneEvent = CustomEvent<DoneDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'py:ready': PyReadyEvent;
    'mpy:ready': PyReadyEvent;
    'py:done': PyDoneEvent;
    'mpy:done': PyDoneEvent;
    'py:progress': PyProgressEvent;
    'mpy:progress': PyProgressEvent;
    'py-editor:done': PyEditorDoneEvent;
    'mpy-editor:done': PyEditorDoneEvent;
  }
  interface WindowEventMap {
    'py:all-done': PyAllDoneEvent;
  }
}

/** Dispatches `name` on `target` with the project's defaults. */
export function emit<T>(target: EventTarget, name: string, detail: T): CustomEvent<T> {
  const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: false, detail });
  target.dispatchEvent(event);
  return event;
}
