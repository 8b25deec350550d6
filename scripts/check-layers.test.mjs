// Unit tests of the layer check (node --test scripts/), run by `npm test`'s pretest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLayers, checkReadmes, importsOf, importsWithKind, layerOf } from './check-layers.mjs';

test('finds static, type-only, re-exported, side-effect and dynamic imports', () => {
  const source = `
    import { a } from './a.js';
    import type {
      B,
    } from '../b.js';
    export { c } from './c.js';
    import './d.js';
    const e = await import('./e.js');
    type F = typeof import('./f.js');
    // import { g } from './commented.js';
    /* import { h } from './block.js'; */
    const url = 'http://example.com/x.js';
  `;
  assert.deepEqual(importsOf(source).sort(), ['../b.js', './a.js', './c.js', './d.js', './e.js', './f.js']);
});

test('tells type-only imports from the ones that load code', () => {
  const source = `
    import type { A } from './a.js';
    import { b } from './b.js';
    export type { C } from './c.js';
    type D = typeof import('./d.js');
    const e = await import('./e.js');
    import './f.js';
  `;
  const kinds = Object.fromEntries(importsWithKind(source).map(({ specifier, typeOnly }) => [specifier, typeOnly]));
  assert.deepEqual(kinds, { './a.js': true, './b.js': false, './c.js': true, './d.js': true, './e.js': false, './f.js': false });
});

test('lets elements name the terminal\'s types, never import its code', () => {
  assert.deepEqual(
    checkLayers({
      'elements/script-terminal.ts': "import type { TerminalView } from '../terminal/view.js';\ntype M = typeof import('../terminal/view.js');",
    }),
    [],
  );
  assert.deepEqual(checkLayers({ 'elements/a.ts': "import { createTerminalView } from '../terminal/view.js';" }), [
    'elements/a.ts imports ../terminal/view.js (elements → terminal, types only: load it by URL)',
  ]);
  assert.deepEqual(checkLayers({ 'elements/b.ts': "const view = await import('../terminal/view.js');" }), [
    'elements/b.ts imports ../terminal/view.js (elements → terminal, types only: load it by URL)',
  ]);
  assert.deepEqual(checkLayers({ 'index.ts': "import type { TerminalView } from './terminal/view.js';" }), [
    'index.ts imports ./terminal/view.js (entry → terminal)',
  ]);
  assert.deepEqual(checkLayers({ 'terminal/view.ts': "import { x } from '../runtime/lazy.js';" }), [
    'terminal/view.ts imports ../runtime/lazy.js (terminal → runtime)',
  ]);
});

test('places files in layers', () => {
  assert.equal(layerOf('index.ts'), 'entry');
  assert.equal(layerOf('worker.ts'), 'worker');
  assert.equal(layerOf('errors.ts'), 'errors');
  assert.equal(layerOf('elements/py-script.ts'), 'elements');
  assert.equal(layerOf('sync/atomics.ts'), 'sync');
  assert.equal(layerOf('terminal/view.ts'), 'terminal');
  assert.equal(layerOf('stray.ts'), undefined);
});

test('accepts imports down the layers and within a layer', () => {
  assert.deepEqual(
    checkLayers({
      'index.ts': "import { x } from './editor/py-editor.js';",
      'elements/py-script.ts': "import { a } from './python-script.js';\nimport { b } from '../page/events.js';\nimport { c } from '../errors.js';",
      'runtime/py-worker.ts': "import type { M } from '../sync/protocol.js';\nimport { render } from 'lit';",
      'errors.ts': '',
    }),
    [],
  );
});

test('reports elements importing the editor, the editor importing sync, and imports up the layers', () => {
  const cases = [
    ['elements/define.ts', "import { PyEditorElement } from '../editor/py-editor.js';", 'elements → editor'],
    ['editor/env.ts', "import type { SyncMode } from '../sync/sw-fallback.js';", 'editor → sync'],
    ['editor/python-editor.ts', "import { elementCode } from '../elements/script-tags.js';", 'editor → elements'],
    ['runtime/boot.ts', "import { findPlace } from '../page/places.js';", 'runtime → page'],
    ['sync/wrap.ts', "const m = await import('../runtime/hooks.js');", 'sync → runtime'],
    ['errors.ts', "import { x } from './runtime/types.js';", 'errors → runtime'],
  ];
  for (const [path, source, layers] of cases) {
    const specifier = /['"]([^'"]+)['"]/.exec(source)[1];
    assert.deepEqual(checkLayers({ [path]: source }), [`${path} imports ${specifier} (${layers})`]);
  }
});

test('reports a file outside every layer and an import leaving src/', () => {
  assert.deepEqual(checkLayers({ 'stray.ts': '', 'sync/x.ts': "import '../../test/wait.js';" }), [
    'stray.ts: not in any layer (add it to scripts/check-layers.mjs)',
    'sync/x.ts imports ../../test/wait.js (sync → outside the layers)',
  ]);
});

test('checks that each layer folder\'s README states its rule', () => {
  const readmes = {
    elements: '# src/elements/\n\nMay import: page, runtime, errors.\nMay name the types of: terminal.\n',
    editor: 'May import: runtime, page, errors.',
    page: 'May import: runtime, errors, sync.',
    runtime: 'no line',
    sync: 'May import: errors.',
    terminal: 'May import: nothing.',
  };
  assert.deepEqual(checkReadmes(readmes), [
    'src/page/README.md: says "May import: runtime, errors, sync", the rule is "errors, runtime"',
    'src/runtime/README.md: says "May import: (no such line)", the rule is "errors, sync"',
  ]);
  assert.deepEqual(checkReadmes({ ...readmes, elements: 'May import: page, runtime, errors.', terminal: 'May import: errors.' }), [
    'src/elements/README.md: says "May name the types of: (no such line)", the rule is "terminal"',
    'src/page/README.md: says "May import: runtime, errors, sync", the rule is "errors, runtime"',
    'src/runtime/README.md: says "May import: (no such line)", the rule is "errors, sync"',
    'src/terminal/README.md: says "May import: errors", the rule is "nothing"',
  ]);
});
