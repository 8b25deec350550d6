/**
 * `dist/editor.js`: the CodeMirror 6 view of an editor element, built as its
 * own module and imported by URL only when a page has an editor, so pages
 * without one never download CodeMirror. It knows nothing of Python
 * workers: the element hands it the code, where to mount, and what to call
 * to run.
 * @packageDocumentation
 */
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';

/** What the element needs from its CodeMirror view. */
export interface CodeView {
  /** The current text. */
  readonly code: string;
  /** Replaces the whole text. */
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

/** Options of {@link createCodeView}. */
export interface CodeViewOptions {
  /** Where the editor mounts. */
  parent: Element;
  /** The shadow root (or document) holding `parent`: CodeMirror puts its styles there. */
  root: ShadowRoot | Document;
  /** The initial text. */
  code: string;
  /** Runs the code (Shift+Enter, Ctrl/Cmd+Enter). */
  onRun(): void;
  /** Accessible name of the text area. */
  label: string;
}

/** Shift+Enter and Ctrl/Cmd+Enter run the code, ahead of the default keymap's Mod-Enter. */
function runKeymap(onRun: () => void): Extension {
  const run = () => {
    onRun();
    return true;
  };
  return Prec.highest(keymap.of([
    { key: 'Shift-Enter', run },
    { key: 'Mod-Enter', run },
  ]));
}

/** Neutral looks that follow the page's font size. */
const theme = EditorView.theme({
  '&': { fontSize: '0.9em' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
});

/** Mounts a Python CodeMirror editor in `options.parent`. */
export function createCodeView(options: CodeViewOptions): CodeView {
  const view = new EditorView({
    doc: options.code,
    parent: options.parent,
    root: options.root,
    extensions: [
      runKeymap(options.onRun),
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
    ],
  });
  return {
    get code() {
      return view.state.doc.toString();
    },
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
