// hooks.main: callbacks and code strings run around every main-thread script,
// in the contract's order.
import { expect, fixture, html } from '@open-wc/testing';
import type { MPyScriptElement } from '../src/elements/mpy-script.js';
import { hooks, whenDefined } from '/dist/core.js';

type Log = { __hookLog: string[] };
const log = (window as unknown as Log).__hookLog = [] as string[];

describe('hooks.main', () => {
  it('calls every hook in order around a sync script', async () => {
    const onReady = (_: unknown, el: Element) => void log.push(`onReady ${el.localName}`);
    const onBeforeRun = () => void log.push('onBeforeRun');
    const before = 'import js; js.window.__hookLog.push("codeBeforeRun")';
    const after = 'import js; js.window.__hookLog.push("codeAfterRun")';
    const onAfterRun = () => void log.push('onAfterRun');
    hooks.main.onReady.add(onReady);
    hooks.main.onBeforeRun.add(onBeforeRun);
    hooks.main.codeBeforeRun.add(before);
    hooks.main.codeAfterRun.add(after);
    hooks.main.onAfterRun.add(onAfterRun);
    try {
      const el = await fixture<MPyScriptElement>(html`<mpy-script>import js; js.window.__hookLog.push("code")</mpy-script>`);
      await el.done;
      expect(log).to.deep.equal(['onReady mpy-script', 'onBeforeRun', 'codeBeforeRun', 'code', 'codeAfterRun', 'onAfterRun']);
    } finally {
      hooks.main.onReady.delete(onReady);
      hooks.main.onBeforeRun.delete(onBeforeRun);
      hooks.main.codeBeforeRun.delete(before);
      hooks.main.codeAfterRun.delete(after);
      hooks.main.onAfterRun.delete(onAfterRun);
    }
  });

  it('uses the async hooks for scripts with top-level await', async () => {
    log.length = 0;
    const onBeforeRun = () => void log.push('sync');
    const onBeforeRunAsync = () => void log.push('async');
    const code = 'import js; js.window.__hookLog.push("codeBeforeRunAsync")';
    hooks.main.onBeforeRun.add(onBeforeRun);
    hooks.main.onBeforeRunAsync.add(onBeforeRunAsync);
    hooks.main.codeBeforeRunAsync.add(code);
    try {
      const el = await fixture<MPyScriptElement>(html`<mpy-script async>import asyncio; await asyncio.sleep(0)</mpy-script>`);
      await el.done;
      expect(log).to.deep.equal(['async', 'codeBeforeRunAsync']);
    } finally {
      hooks.main.onBeforeRun.delete(onBeforeRun);
      hooks.main.onBeforeRunAsync.delete(onBeforeRunAsync);
      hooks.main.codeBeforeRunAsync.delete(code);
    }
  });
});

describe('whenDefined', () => {
  it('resolves with the element class of a type', async () => {
    expect(await whenDefined('mpy')).to.equal(customElements.get('mpy-script'));
    expect(await whenDefined('py')).to.equal(customElements.get('py-script'));
  });
});
