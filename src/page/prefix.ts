/**
 * How markup spells an interpreter kind: `py` for Pyodide, `mpy` for
 * MicroPython. It starts the tag names (`<py-script>`, `<mpy-config>`), is
 * the script type (`<script type="mpy">`), starts the event names
 * (`py:done`) and the generated ids, and keys the `config` export.
 */
import type { InterpreterKind } from '../runtime/types.js';

export type Prefix = 'py' | 'mpy';

/** The markup prefix of `kind`. */
export const prefixOf = (kind: InterpreterKind): Prefix => (kind === 'pyodide' ? 'py' : 'mpy');
